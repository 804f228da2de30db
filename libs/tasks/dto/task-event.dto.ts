import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateIf,
} from 'class-validator';
import { TASK_EVENT_TYPES, TaskEventType } from '@cchc/domain';
import { ISO_DATE, ISO_DATE_MESSAGE } from './create-task.dto';

const needs =
  (...types: TaskEventType[]) =>
  (dto: TaskEventDto) =>
    types.includes(dto.type);

/** An event sent to a task by a user; which fields are required depends on `type`. */
export class TaskEventDto {
  @ApiProperty({ enum: TASK_EVENT_TYPES })
  @IsIn(TASK_EVENT_TYPES.filter((type) => type !== 'DEADLINE_PASSED'), {
    message: `type phải là một trong: ${TASK_EVENT_TYPES.filter((t) => t !== 'DEADLINE_PASSED').join(', ')}`,
  })
  type: Exclude<TaskEventType, 'DEADLINE_PASSED'>;

  @ApiProperty({ description: 'Phiên bản nhiệm vụ mà người dùng đang xem (chống ghi đè)' })
  @IsInt({ message: 'version phải là số nguyên' })
  @Min(1)
  version: number;

  @ApiPropertyOptional({ description: 'Lý do (bắt buộc với RETURN, CANCEL, REQUEST_EXTENSION)' })
  @ValidateIf(
    (dto: TaskEventDto) =>
      needs('RETURN', 'CANCEL', 'REQUEST_EXTENSION')(dto) || dto.reason !== undefined,
  )
  @IsString()
  @IsNotEmpty({ message: 'reason (lý do) là bắt buộc với thao tác này' })
  reason?: string;

  @ApiPropertyOptional({ description: 'Nội dung báo cáo (bắt buộc với SUBMIT_REPORT)' })
  @ValidateIf(needs('SUBMIT_REPORT'))
  @IsString()
  @IsNotEmpty({ message: 'report (nội dung báo cáo) là bắt buộc khi gửi báo cáo' })
  report?: string;

  @ApiPropertyOptional({ description: 'Sản phẩm kèm báo cáo' })
  @IsOptional()
  @IsString()
  product?: string;

  @ApiPropertyOptional({ description: 'Đường dẫn minh chứng' })
  @IsOptional()
  @IsString()
  evidenceUrl?: string;

  @ApiPropertyOptional({ description: 'Ý kiến khi nghiệm thu' })
  @IsOptional()
  @IsString()
  comment?: string;

  @ApiPropertyOptional({ description: 'Ngày đề nghị gia hạn (bắt buộc với REQUEST_EXTENSION)' })
  @ValidateIf(needs('REQUEST_EXTENSION'))
  @Matches(ISO_DATE, { message: `proposedDueDate ${ISO_DATE_MESSAGE}` })
  proposedDueDate?: string;

  @ApiPropertyOptional({
    enum: ['approve', 'reject'],
    description: 'Quyết định gia hạn (bắt buộc với DECIDE_EXTENSION)',
  })
  @ValidateIf(needs('DECIDE_EXTENSION'))
  @IsIn(['approve', 'reject'], { message: 'decision phải là approve hoặc reject' })
  decision?: 'approve' | 'reject';

  @ApiPropertyOptional({ description: 'Hạn mới khi đồng ý gia hạn (mặc định: ngày đề nghị)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: `newDueDate ${ISO_DATE_MESSAGE}` })
  newDueDate?: string;

  @ApiPropertyOptional({ description: 'Cơ quan chủ trì mới (REASSIGN)' })
  @ValidateIf((dto: TaskEventDto) => dto.type === 'REASSIGN' && dto.leaderId === undefined)
  @IsUUID('all', { message: 'REASSIGN cần leadUnitId hoặc leaderId hợp lệ' })
  leadUnitId?: string;

  @ApiPropertyOptional({ description: 'Lãnh đạo phụ trách mới (REASSIGN)' })
  @IsOptional()
  @IsUUID('all', { message: 'leaderId phải là mã người dùng (UUID)' })
  leaderId?: string;
}
