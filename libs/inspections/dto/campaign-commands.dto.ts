import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  IsCalendarDate,
  IsNestedList,
  IsText,
  PLANNABLE_RANGE,
  TEXT_MAX_LENGTH,
} from '@cchc/common';
import {
  FINDING_SEVERITIES,
  FindingSeverity,
  INSPECTION_KINDS,
  InspectionKind,
} from '@cchc/domain';
import { ChecklistResultDto } from './checklist.dto';

export class VisitPlanDto {
  @ApiProperty({ description: 'Đơn vị được kiểm tra' })
  @IsUUID('all', { message: 'visits[].unitId phải là mã đơn vị (UUID)' })
  unitId: string;

  @ApiProperty({ example: '2026-04-10', description: 'Ngày dự kiến kiểm tra' })
  @IsCalendarDate(PLANNABLE_RANGE)
  scheduledOn: string;
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'Kiểm tra công tác CCHC năm 2026', maxLength: 500 })
  @IsText(500)
  title: string;

  @ApiProperty({ example: '45/QĐ-UBND', maxLength: 64 })
  @IsText(64)
  decisionNumber: string;

  @ApiProperty({ example: '2026-03-02' })
  @IsCalendarDate(PLANNABLE_RANGE)
  decisionDate: string;

  @ApiProperty({ enum: INSPECTION_KINDS, description: 'định kỳ / đột xuất / không báo trước' })
  @IsIn(INSPECTION_KINDS, { message: `kind phải là một trong: ${INSPECTION_KINDS.join(', ')}` })
  kind: InspectionKind;

  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt({ message: 'year phải là số nguyên' })
  @Min(2000, { message: 'year phải từ 2000' })
  @Max(2100, { message: 'year phải đến 2100' })
  year: number;

  @ApiProperty({ description: 'Trưởng đoàn (người dùng vai trò inspector)' })
  @IsUUID('all', { message: 'headId phải là mã người dùng (UUID)' })
  headId: string;

  @ApiPropertyOptional({ type: [String], description: 'Thành viên khác của đoàn (inspector)' })
  @IsOptional()
  @IsArray({ message: 'inspectorIds phải là danh sách' })
  @ArrayMaxSize(20, { message: 'inspectorIds: tối đa 20 thành viên' })
  @ArrayUnique({ message: 'inspectorIds có người trùng nhau' })
  @IsUUID('all', { each: true, message: 'inspectorIds phải là danh sách mã người dùng (UUID)' })
  inspectorIds?: string[];

  @ApiProperty({
    type: [VisitPlanDto],
    description: 'Các đơn vị được kiểm tra, mỗi đơn vị một lần',
  })
  @IsArray({ message: 'visits phải là danh sách đơn vị được kiểm tra' })
  @ArrayMinSize(1, { message: 'visits: cần ít nhất một đơn vị được kiểm tra' })
  @ArrayMaxSize(200, { message: 'visits: tối đa 200 đơn vị' })
  @IsNestedList(() => VisitPlanDto)
  visits: VisitPlanDto[];
}

/** The version of the campaign the user saw (optimistic concurrency, as for tasks). */
export class VersionDto {
  @ApiProperty({ description: 'Phiên bản đợt kiểm tra mà người dùng đang xem (chống ghi đè)' })
  @IsInt({ message: 'version phải là số nguyên' })
  @Min(1, { message: 'version phải từ 1' })
  @Max(2_147_483_647, { message: 'version vượt quá giới hạn' })
  version: number;
}

export class RecordChecklistDto extends VersionDto {
  @ApiProperty({ type: [ChecklistResultDto] })
  @IsArray({ message: 'results phải là danh sách kết quả theo nội dung' })
  @ArrayMaxSize(50, { message: 'results: tối đa 50 nội dung' })
  @IsNestedList(() => ChecklistResultDto)
  results: ChecklistResultDto[];

  @ApiPropertyOptional({
    description: 'Nội dung biên bản (nhận xét chung)',
    maxLength: TEXT_MAX_LENGTH,
  })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH, { allowBlank: true })
  minutes?: string;
}

export class FinishVisitDto extends VersionDto {
  @ApiProperty({ example: '2026-04-10', description: 'Ngày kiểm tra' })
  @IsCalendarDate(PLANNABLE_RANGE)
  doneOn: string;
}

export class RecordFindingDto extends VersionDto {
  @ApiProperty({ description: 'Đơn vị có tồn tại' })
  @IsUUID('all', { message: 'unitId phải là mã đơn vị (UUID)' })
  unitId: string;

  @ApiProperty({ example: 'PAKN', description: 'Nội dung kiểm tra (mã trong danh mục của đợt)' })
  @Matches(/^[A-Z0-9_]{1,32}$/, { message: 'topicCode: mã nội dung không hợp lệ' })
  topicCode: string;

  @ApiProperty({ maxLength: TEXT_MAX_LENGTH })
  @IsText(TEXT_MAX_LENGTH)
  description: string;

  @ApiProperty({ enum: FINDING_SEVERITIES })
  @IsIn(FINDING_SEVERITIES, {
    message: `severity phải là một trong: ${FINDING_SEVERITIES.join(', ')}`,
  })
  severity: FindingSeverity;

  @ApiPropertyOptional({ example: '3.2.1', description: 'Mã tiêu chí PAR Index' })
  @IsOptional()
  @Matches(/^[IVX]+(\.\d+)*$|^\d+(\.\d+)*$/, {
    message: 'parCode: mã tiêu chí PAR Index như 3.2.1 hoặc VIII',
  })
  parCode?: string;

  @ApiProperty({ maxLength: TEXT_MAX_LENGTH, description: 'Kiến nghị khắc phục' })
  @IsText(TEXT_MAX_LENGTH)
  recommendation: string;
}

export class AssignRemediationDto extends VersionDto {
  @ApiProperty({ example: '2026-06-30', description: 'Hạn khắc phục' })
  @IsCalendarDate(PLANNABLE_RANGE)
  dueDate: string;

  @ApiProperty({ description: 'Lãnh đạo phụ trách (leader hoặc chairman), nghiệm thu nhiệm vụ' })
  @IsUUID('all', { message: 'leaderId phải là mã người dùng (UUID)' })
  leaderId: string;
}

export class ReasonDto extends VersionDto {
  @ApiProperty({ maxLength: TEXT_MAX_LENGTH })
  @IsText(TEXT_MAX_LENGTH)
  reason: string;
}

export class ConcludeDto extends VersionDto {
  @ApiProperty({ example: '12/TB-UBND', description: 'Số thông báo kết luận' })
  @IsText(64)
  noticeNumber: string;
}

export class CampaignListQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year phải là số nguyên' })
  @Min(2000, { message: 'year phải từ 2000' })
  @Max(2100, { message: 'year phải đến 2100' })
  year?: number;
}

export class StatsYearQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year phải là số nguyên' })
  @Min(2000, { message: 'year phải từ 2000' })
  @Max(2100, { message: 'year phải đến 2100' })
  year: number;
}
