import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsDefined,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  IsCalendarDate,
  IsNestedObject,
  IsText,
  PLANNABLE_RANGE,
  TEXT_MAX_LENGTH,
} from '@cchc/common';
import { SYSTEM_TASK_EVENTS, TASK_EVENT_TYPES, TaskEventType } from '@cchc/domain';

const needs =
  (...types: TaskEventType[]) =>
  (dto: TaskEventDto) =>
    types.includes(dto.type);

/** Event types a user may send; the others come from the engine's timers and jobs. */
const USER_EVENT_TYPES = TASK_EVENT_TYPES.filter((type) => !SYSTEM_TASK_EVENTS.includes(type));
type UserEventType = (typeof USER_EVENT_TYPES)[number];

/** What an AMEND changes; a field left out stays as it is, null removes it. */
export class TaskAmendmentDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-06-30',
    description: 'Thời hạn mới (YYYY-MM-DD), null nếu không còn thời hạn',
  })
  @ValidateIf((dto: TaskAmendmentDto) => dto.dueDate !== undefined && dto.dueDate !== null)
  @IsCalendarDate(PLANNABLE_RANGE)
  dueDate?: string | null;

  @ApiPropertyOptional({ description: 'Cơ quan chủ trì mới' })
  @IsOptional()
  @IsUUID('all', { message: 'changes.leadUnitId phải là mã đơn vị (UUID)' })
  leadUnitId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Lãnh đạo phụ trách mới, null để bỏ',
  })
  @ValidateIf((dto: TaskAmendmentDto) => dto.leaderId !== undefined && dto.leaderId !== null)
  @IsUUID('all', { message: 'changes.leaderId phải là mã người dùng (UUID)' })
  leaderId?: string | null;
}

/** An event sent to a task by a user; which fields are required depends on `type`. */
export class TaskEventDto {
  @ApiProperty({ enum: USER_EVENT_TYPES })
  @IsIn(USER_EVENT_TYPES, {
    message: `type phải là một trong: ${USER_EVENT_TYPES.join(', ')}`,
  })
  type: UserEventType;

  @ApiProperty({ description: 'Phiên bản nhiệm vụ mà người dùng đang xem (chống ghi đè)' })
  @IsInt({ message: 'version phải là số nguyên' })
  @Min(1, { message: 'version phải từ 1' })
  @Max(2_147_483_647, { message: 'version vượt quá giới hạn' })
  version: number;

  @ApiPropertyOptional({
    description: 'Lý do (bắt buộc với RETURN, CANCEL, REQUEST_EXTENSION, AMEND)',
  })
  @ValidateIf(
    (dto: TaskEventDto) =>
      needs('RETURN', 'CANCEL', 'REQUEST_EXTENSION', 'AMEND')(dto) || dto.reason !== undefined,
  )
  @IsText(TEXT_MAX_LENGTH)
  reason?: string;

  @ApiPropertyOptional({ description: 'Nội dung báo cáo (bắt buộc với SUBMIT_REPORT)' })
  @ValidateIf(needs('SUBMIT_REPORT'))
  @IsText(TEXT_MAX_LENGTH)
  report?: string;

  @ApiPropertyOptional({ description: 'Sản phẩm kèm báo cáo' })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH, { allowBlank: true })
  product?: string;

  @ApiPropertyOptional({ description: 'Đường dẫn minh chứng' })
  @IsOptional()
  @IsText(2000, { allowBlank: true })
  evidenceUrl?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description:
      'Tệp minh chứng của nhiệm vụ kèm báo cáo (SUBMIT_REPORT), từ POST /tasks/:id/evidence',
  })
  @IsOptional()
  @IsArray({ message: 'evidenceIds phải là danh sách mã tệp minh chứng' })
  @ArrayMaxSize(20, { message: 'evidenceIds: tối đa 20 tệp minh chứng' })
  @ArrayUnique({ message: 'evidenceIds: mỗi tệp chỉ nêu một lần' })
  @IsUUID('all', { each: true, message: 'evidenceIds phải gồm các mã tệp minh chứng (UUID)' })
  evidenceIds?: string[];

  @ApiPropertyOptional({ description: 'Ý kiến khi nghiệm thu' })
  @IsOptional()
  @IsText(TEXT_MAX_LENGTH, { allowBlank: true })
  comment?: string;

  @ApiPropertyOptional({ description: 'Ngày đề nghị gia hạn (bắt buộc với REQUEST_EXTENSION)' })
  @ValidateIf(needs('REQUEST_EXTENSION'))
  @IsCalendarDate(PLANNABLE_RANGE)
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
  @IsCalendarDate(PLANNABLE_RANGE)
  newDueDate?: string;

  @ApiPropertyOptional({ description: 'Cơ quan chủ trì mới (REASSIGN)' })
  @ValidateIf((dto: TaskEventDto) => dto.type === 'REASSIGN' && dto.leaderId === undefined)
  @IsUUID('all', { message: 'REASSIGN cần leadUnitId hoặc leaderId hợp lệ' })
  leadUnitId?: string;

  @ApiPropertyOptional({ description: 'Lãnh đạo phụ trách mới (REASSIGN)' })
  @IsOptional()
  @IsUUID('all', { message: 'leaderId phải là mã người dùng (UUID)' })
  leaderId?: string;

  @ApiPropertyOptional({ type: TaskAmendmentDto, description: 'Nội dung điều chỉnh (AMEND)' })
  @ValidateIf(needs('AMEND'))
  @IsDefined({ message: 'changes (nội dung điều chỉnh) là bắt buộc với AMEND' })
  @IsNestedObject(() => TaskAmendmentDto)
  changes?: TaskAmendmentDto;
}
