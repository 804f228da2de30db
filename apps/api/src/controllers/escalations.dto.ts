import { ApiProperty } from '@nestjs/swagger';
import { EscalationEntity } from '@cchc/database';
import { NOTIFY_RECIPIENTS, NotifyRecipient } from '@cchc/domain';
import { EscalationPolicyDto, EscalationPolicyView } from '@cchc/escalations';

export class EscalationPolicyViewDto extends EscalationPolicyDto implements EscalationPolicyView {
  @ApiProperty({ description: 'Phường chưa đặt chính sách riêng (đang dùng mặc định)' })
  isDefault: boolean;

  @ApiProperty({ type: Date, nullable: true })
  updatedAt: Date | null;
}

/** A reminder, overdue notice or escalation that happened. */
export class EscalationDto implements EscalationEntity {
  @ApiProperty({ example: '12' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  wardId: string;

  @ApiProperty({ format: 'uuid' })
  taskId: string;

  @ApiProperty({ enum: ['reminder', 'overdue', 'escalation'] })
  kind: string;

  @ApiProperty({ description: 'Cấp (1, 2, …)' })
  level: number;

  @ApiProperty({ example: '2026-03-04', description: 'Hạn của nhiệm vụ lúc đó' })
  dueDate: string;

  @ApiProperty({ format: 'uuid' })
  leadUnitId: string;

  @ApiProperty({ enum: NOTIFY_RECIPIENTS, isArray: true })
  recipients: NotifyRecipient[];

  @ApiProperty()
  firedAt: Date;
}
