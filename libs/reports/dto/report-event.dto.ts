import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsNestedObject, IsText, TEXT_MAX_LENGTH } from '@cchc/common';
import {
  CONTRIBUTION_EVENT_TYPES,
  REPORT_EVENT_TYPES,
  REPORT_PERIOD_KINDS,
  ReportPeriodKind,
  SYSTEM_CONTRIBUTION_EVENTS,
} from '@cchc/domain';

/** A period: kind, year and its number within the year (month 1–12, quarter 1–4, else 1). */
export class ReportPeriodQuery {
  @ApiProperty({ enum: REPORT_PERIOD_KINDS })
  @IsIn(REPORT_PERIOD_KINDS, {
    message: `kind phải là một trong: ${REPORT_PERIOD_KINDS.join(', ')}`,
  })
  kind: ReportPeriodKind;

  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year phải là số nguyên' })
  @Min(1901, { message: 'year phải từ 1901' })
  @Max(2198, { message: 'year phải đến 2198' })
  year: number;

  @ApiProperty({ example: 1, description: 'Tháng 1–12, quý 1–4; 1 với 6 tháng, 9 tháng, năm' })
  @Type(() => Number)
  @IsInt({ message: 'index phải là số nguyên' })
  @Min(1, { message: 'index phải từ 1' })
  @Max(12, { message: 'index phải đến 12' })
  index: number;
}

/** Opening a period: the report, and a contribution requested from every lead unit of the plan. */
export class OpenReportDto extends ReportPeriodQuery {
  @ApiPropertyOptional({ description: 'Kế hoạch CCHC (mặc định: kế hoạch mới nhất của năm)' })
  @IsOptional()
  @IsUUID('all', { message: 'planId phải là UUID' })
  planId?: string;
}

const USER_REPORT_EVENTS = REPORT_EVENT_TYPES.filter((type) => type !== 'COMPILE');

/** An event a user sends to a report; COMPILE has its own route (the server freezes the figures). */
export class ReportEventDto {
  @ApiProperty({ enum: USER_REPORT_EVENTS })
  @IsIn(USER_REPORT_EVENTS, { message: `type phải là một trong: ${USER_REPORT_EVENTS.join(', ')}` })
  type: (typeof USER_REPORT_EVENTS)[number];

  @ApiProperty({ description: 'Phiên bản báo cáo mà người dùng đang xem (chống ghi đè)' })
  @IsInt({ message: 'version phải là số nguyên' })
  @Min(1, { message: 'version phải từ 1' })
  @Max(2_147_483_647, { message: 'version vượt quá giới hạn' })
  version: number;

  @ApiPropertyOptional({
    description: 'Lý do trả lại hoặc đính chính (bắt buộc với RETURN, CORRECT)',
  })
  @ValidateIf(
    (dto: ReportEventDto) =>
      dto.type === 'RETURN' || dto.type === 'CORRECT' || dto.reason !== undefined,
  )
  @IsText(TEXT_MAX_LENGTH)
  reason?: string;

  @ApiPropertyOptional({ description: 'Ý kiến khi duyệt' })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH, { allowBlank: true })
  comment?: string;
}

/** Freezing the figures as of the cut-off: a new revision. */
export class CompileReportDto {
  @ApiProperty({ description: 'Phiên bản báo cáo mà người dùng đang xem (chống ghi đè)' })
  @IsInt({ message: 'version phải là số nguyên' })
  @Min(1, { message: 'version phải từ 1' })
  @Max(2_147_483_647, { message: 'version vượt quá giới hạn' })
  version: number;
}

const USER_CONTRIBUTION_EVENTS = CONTRIBUTION_EVENT_TYPES.filter(
  (type) => !SYSTEM_CONTRIBUTION_EVENTS.includes(type),
);

export class ContributionEventDto {
  @ApiProperty({ enum: USER_CONTRIBUTION_EVENTS })
  @IsIn(USER_CONTRIBUTION_EVENTS, {
    message: `type phải là một trong: ${USER_CONTRIBUTION_EVENTS.join(', ')}`,
  })
  type: (typeof USER_CONTRIBUTION_EVENTS)[number];

  @ApiProperty({ description: 'Phiên bản báo cáo đóng góp mà người dùng đang xem' })
  @IsInt({ message: 'version phải là số nguyên' })
  @Min(1, { message: 'version phải từ 1' })
  @Max(2_147_483_647, { message: 'version vượt quá giới hạn' })
  version: number;

  @ApiPropertyOptional({ description: 'Kết quả thực hiện (bắt buộc với SUBMIT)' })
  @ValidateIf((dto: ContributionEventDto) => dto.type === 'SUBMIT' || dto.results !== undefined)
  @IsText(TEXT_MAX_LENGTH)
  results?: string;

  @ApiPropertyOptional({ description: 'Khó khăn, vướng mắc' })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH, { allowBlank: true })
  problems?: string;

  @ApiPropertyOptional({ description: 'Kiến nghị, đề xuất' })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH, { allowBlank: true })
  proposals?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Tệp minh chứng (của nhiệm vụ do đơn vị chủ trì), tối đa 20',
  })
  @IsOptional()
  @IsArray({ message: 'evidenceIds phải là mảng' })
  @ArrayMaxSize(20, { message: 'evidenceIds tối đa 20 tệp' })
  @IsUUID('all', { each: true, message: 'evidenceIds phải là các UUID' })
  evidenceIds?: string[];

  @ApiPropertyOptional({ description: 'Lý do trả lại (bắt buộc với RETURN)' })
  @ValidateIf((dto: ContributionEventDto) => dto.type === 'RETURN' || dto.reason !== undefined)
  @IsText(TEXT_MAX_LENGTH)
  reason?: string;
}

export class PeriodRuleDto {
  @ApiProperty({ example: 14, description: 'Ngày chốt số liệu của tháng cuối kỳ' })
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải là ngày từ 1 đến 28' })
  @Max(28, { message: 'phải là ngày từ 1 đến 28' })
  cutoffDay: number;

  @ApiProperty({ example: 9, description: 'Hạn các đơn vị gửi báo cáo (ngày của tháng cuối kỳ)' })
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải là ngày từ 1 đến 28' })
  @Max(28, { message: 'phải là ngày từ 1 đến 28' })
  contributionDueDay: number;

  @ApiProperty({
    example: 20,
    description: 'Hạn gửi báo cáo lên cấp trên (ngày của tháng cuối kỳ)',
  })
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải là ngày từ 1 đến 28' })
  @Max(28, { message: 'phải là ngày từ 1 đến 28' })
  upstreamDueDay: number;
}

export class PeriodRulesDto {
  @ApiProperty({ type: PeriodRuleDto })
  @IsDefined({ message: '$property là bắt buộc' })
  @IsNestedObject(() => PeriodRuleDto)
  thang: PeriodRuleDto;

  @ApiProperty({ type: PeriodRuleDto })
  @IsDefined({ message: '$property là bắt buộc' })
  @IsNestedObject(() => PeriodRuleDto)
  quy: PeriodRuleDto;

  @ApiProperty({ type: PeriodRuleDto })
  @IsDefined({ message: '$property là bắt buộc' })
  @IsNestedObject(() => PeriodRuleDto)
  sau_thang: PeriodRuleDto;

  @ApiProperty({ type: PeriodRuleDto })
  @IsDefined({ message: '$property là bắt buộc' })
  @IsNestedObject(() => PeriodRuleDto)
  chin_thang: PeriodRuleDto;

  @ApiProperty({ type: PeriodRuleDto })
  @IsDefined({ message: '$property là bắt buộc' })
  @IsNestedObject(() => PeriodRuleDto)
  nam: PeriodRuleDto;
}

/** A ward's reporting calendar, as sent and as answered. */
export class ReportingCalendarDto {
  @ApiProperty({ type: PeriodRulesDto })
  @IsDefined({ message: '$property là bắt buộc' })
  @IsNestedObject(() => PeriodRulesDto)
  periods: PeriodRulesDto;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2025-07-01',
    description: 'Tính số liệu từ ngày này (phường thành lập giữa kỳ)',
  })
  @ValidateIf((dto: ReportingCalendarDto) => dto.countFrom !== null)
  @IsCalendarDate()
  countFrom: string | null;

  @ApiProperty({
    enum: ['before', 'after', 'none'],
    description: 'Hạn rơi vào ngày nghỉ: lùi về ngày làm việc trước, sang ngày sau, hoặc giữ',
  })
  @IsIn(['before', 'after', 'none'], { message: 'dueDayShift phải là before, after hoặc none' })
  dueDayShift: 'before' | 'after' | 'none';
}

export class ReportDocumentQuery {
  @ApiProperty({ enum: ['docx', 'xlsx', 'json'] })
  @IsIn(['docx', 'xlsx', 'json'], { message: 'format phải là docx, xlsx hoặc json' })
  format: 'docx' | 'xlsx' | 'json';

  @ApiPropertyOptional({ description: 'Lần tổng hợp (mặc định: lần mới nhất)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'revision phải là số nguyên' })
  @Min(1, { message: 'revision phải từ 1' })
  @Max(1_000_000, { message: 'revision quá lớn' })
  revision?: number;
}
