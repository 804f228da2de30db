import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsNestedList } from '@cchc/common';
import { NOTIFY_RECIPIENTS, NotifyRecipient } from '@cchc/domain';

const RECIPIENTS_MESSAGE = `người nhận phải là một trong: ${NOTIFY_RECIPIENTS.join(', ')}`;

export class ReminderStepDto {
  @ApiProperty({ example: 3, description: 'Số ngày làm việc trước hạn (0 = sáng ngày đến hạn)' })
  @IsInt({ message: 'phải là số nguyên' })
  @Min(0, { message: 'không được âm' })
  @Max(60, { message: 'tối đa 60 ngày làm việc' })
  workingDaysBefore: number;

  @ApiProperty({ example: '08:00', description: 'Giờ nhắc (HH:mm, giờ Việt Nam)' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'giờ phải có dạng HH:mm, ví dụ 08:00' })
  at: string;

  @ApiProperty({ example: ['leadUnit'], enum: NOTIFY_RECIPIENTS, isArray: true })
  @IsArray({ message: 'phải là danh sách người nhận' })
  @ArrayMinSize(1, { message: 'cần ít nhất một người nhận' })
  @IsIn(NOTIFY_RECIPIENTS, { each: true, message: RECIPIENTS_MESSAGE })
  to: NotifyRecipient[];
}

export class EscalationStepDto {
  @ApiProperty({ example: 3, description: 'Số ngày làm việc sau hạn mà nhiệm vụ vẫn quá hạn' })
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'ít nhất 1 ngày làm việc' })
  @Max(250, { message: 'tối đa 250 ngày làm việc' })
  workingDaysAfter: number;

  @ApiProperty({ example: ['chairman'], enum: NOTIFY_RECIPIENTS, isArray: true })
  @IsArray({ message: 'phải là danh sách người nhận' })
  @ArrayMinSize(1, { message: 'cần ít nhất một người nhận' })
  @IsIn(NOTIFY_RECIPIENTS, { each: true, message: RECIPIENTS_MESSAGE })
  to: NotifyRecipient[];
}

/** PUT /escalation-policy: the whole policy; levels are positions in the lists, from 1. */
export class EscalationPolicyDto {
  @ApiProperty({ type: [ReminderStepDto] })
  @IsArray({ message: 'phải là danh sách' })
  @ArrayMaxSize(10, { message: 'tối đa 10 lần nhắc' })
  @IsNestedList(() => ReminderStepDto)
  reminders: ReminderStepDto[];

  @ApiProperty({ type: [EscalationStepDto] })
  @IsArray({ message: 'phải là danh sách' })
  @ArrayMaxSize(10, { message: 'tối đa 10 cấp chuyển cấp trên' })
  @IsNestedList(() => EscalationStepDto)
  escalations: EscalationStepDto[];
}
