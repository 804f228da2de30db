import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Jobs written in the same transaction as the transition that caused them.
 * The worker relays them to BullMQ with a job id derived from this row, and marks them
 * processed when the job has run, so a flushed Redis can be refilled from here.
 */
@Entity('outbox')
@Index('idx_outbox_pending', ['processedAt', 'relayedAt'])
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('varchar', { length: 64 })
  queue: string;

  @Column('varchar', { name: 'job_name', length: 64 })
  jobName: string;

  @Column('json')
  payload: Record<string, unknown>;

  @Column('datetime', { name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column('datetime', { name: 'relayed_at', precision: 3, nullable: true })
  relayedAt: Date | null;

  @Column('datetime', { name: 'processed_at', precision: 3, nullable: true })
  processedAt: Date | null;
}
