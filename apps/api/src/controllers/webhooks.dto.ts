import { ApiProperty } from '@nestjs/swagger';
import { WebhookDeliveryEntity } from '@cchc/database';
import { WebhookView } from '@cchc/webhooks';

export class WebhookViewDto implements WebhookView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  wardId: string;

  @ApiProperty({ example: 'https://eoffice.example.gov.vn/hooks/cchc' })
  url: string;

  @ApiProperty({ type: [String], example: ['task.overdue'] })
  events: string[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy: string | null;

  @ApiProperty()
  createdAt: Date;
}

/** One event sent (or being sent) to a webhook, with its attempts. */
export class WebhookDeliveryDto implements WebhookDeliveryEntity {
  @ApiProperty({ example: '17' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  webhookId: string;

  @ApiProperty()
  eventKey: string;

  @ApiProperty({ example: 'task.overdue' })
  eventType: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Nội dung đã gửi' })
  body: Record<string, unknown>;

  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  status: string;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: Number, nullable: true })
  responseStatus: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  lastAttemptAt: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  deliveredAt: Date | null;
}
