import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One event for one webhook: queued once per (webhook, event key), then its attempts. */
@Entity('webhook_deliveries')
@Index('uq_webhook_deliveries_once', ['webhookId', 'eventKey'], { unique: true })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('char', { name: 'webhook_id', length: 36 })
  webhookId: string;

  @Column('varchar', { name: 'event_key', length: 191 })
  eventKey: string;

  @Column('varchar', { name: 'event_type', length: 64 })
  eventType: string;

  @Column('json')
  body: Record<string, unknown>;

  /** 'pending', 'delivered' or 'failed' (gave up after the last retry). */
  @Column('varchar', { length: 16 })
  status: string;

  @Column('int')
  attempts: number;

  @Column('int', { name: 'response_status', nullable: true })
  responseStatus: number | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('datetime', { name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column('datetime', { name: 'last_attempt_at', precision: 3, nullable: true })
  lastAttemptAt: Date | null;

  @Column('datetime', { name: 'delivered_at', precision: 3, nullable: true })
  deliveredAt: Date | null;
}
