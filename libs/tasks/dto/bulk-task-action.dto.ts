import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsUUID,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsText, PLANNABLE_RANGE, TEXT_MAX_LENGTH } from '@cchc/common';

export const BULK_TASK_ACTIONS = ['REASSIGN', 'AMEND', 'REMIND'] as const;
export type BulkTaskAction = (typeof BULK_TASK_ACTIONS)[number];

/** One action applied to each selected task on its own (coordinator, chairman). */
export class BulkTaskActionDto {
  @ApiProperty({
    enum: BULK_TASK_ACTIONS,
    description: 'REASSIGN: giao lại đơn vị; AMEND: điều chỉnh thời hạn; REMIND: nhắc việc',
  })
  @IsIn(BULK_TASK_ACTIONS, { message: `type phải là một trong: ${BULK_TASK_ACTIONS.join(', ')}` })
  type: BulkTaskAction;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 100 })
  @IsArray({ message: 'taskIds phải là danh sách mã nhiệm vụ' })
  @ArrayMinSize(1, { message: 'taskIds: chọn ít nhất một nhiệm vụ' })
  @ArrayMaxSize(100, { message: 'taskIds: tối đa 100 nhiệm vụ mỗi lần' })
  @ArrayUnique({ message: 'taskIds: mỗi nhiệm vụ chỉ nêu một lần' })
  @IsUUID('all', { each: true, message: 'taskIds phải gồm các mã nhiệm vụ (UUID)' })
  taskIds: string[];

  @ApiPropertyOptional({ description: 'Cơ quan chủ trì mới (bắt buộc với REASSIGN)' })
  @ValidateIf((dto: BulkTaskActionDto) => dto.type === 'REASSIGN')
  @IsUUID('all', { message: 'leadUnitId phải là mã đơn vị (UUID)' })
  leadUnitId?: string;

  @ApiPropertyOptional({ description: 'Thời hạn mới YYYY-MM-DD (bắt buộc với AMEND)' })
  @ValidateIf((dto: BulkTaskActionDto) => dto.type === 'AMEND')
  @IsCalendarDate(PLANNABLE_RANGE)
  dueDate?: string;

  @ApiPropertyOptional({ description: 'Lý do (bắt buộc với AMEND)' })
  @ValidateIf((dto: BulkTaskActionDto) => dto.type === 'AMEND' || dto.reason !== undefined)
  @IsText(TEXT_MAX_LENGTH)
  reason?: string;
}

/** What happened to one task of a bulk action: done, or refused with the API's reason. */
export class BulkTaskResult {
  @ApiProperty()
  taskId: string;

  @ApiProperty()
  ok: boolean;

  @ApiPropertyOptional({ description: 'HTTP status of the refusal' })
  status?: number;

  @ApiPropertyOptional({ description: 'Lý do từ chối' })
  message?: string;
}

export class BulkTaskResults {
  @ApiProperty({ type: [BulkTaskResult] })
  results: BulkTaskResult[];
}
