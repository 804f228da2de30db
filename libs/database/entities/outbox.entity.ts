import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Jobs written in the same transaction as the transition that caused them.
 * The worker relays them to BullMQ with a job id derived from this row, and marks them
 * processed when the job has run, so a flushed Redis can be refilled from here. A job that fails
 * every attempt leaves its row as a dead letter (`dead_at`, `last_error`) until someone retries it.
 */
@Entity('outbox')
@Index('idx_outbox_pending', ['processedAt', 'deadAt', 'relayedAt'])
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

  /** Failed attempts of its job so far; at OUTBOX_MAX_ATTEMPTS the row is a dead letter. */
  @Column('int', { default: 0 })
  attempts: number;

  @Column('varchar', { name: 'last_error', length: 500, nullable: true })
  lastError: string | null;

  /** Set when its job has failed every attempt: it is not relayed again until retried. */
  @Column('datetime', { name: 'dead_at', precision: 3, nullable: true })
  deadAt: Date | null;
}
