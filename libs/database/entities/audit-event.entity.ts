import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only history: one row per transition of any workflow instance. Never updated. */
@Entity('audit_events')
@Index('uq_audit_instance_seq', ['instanceId', 'seq'], { unique: true })
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('varchar', { name: 'instance_type', length: 32 })
  instanceType: string;

  @Column('char', { name: 'instance_id', length: 36 })
  instanceId: string;

  @Column('int')
  seq: number;

  @Column('varchar', { name: 'event_type', length: 64 })
  eventType: string;

  @Column('varchar', { name: 'from_state', length: 32, nullable: true })
  fromState: string | null;

  @Column('varchar', { name: 'to_state', length: 32 })
  toState: string;

  @Column('char', { name: 'actor_id', length: 36, nullable: true })
  actorId: string | null;

  @Column('varchar', { name: 'actor_role', length: 32 })
  actorRole: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('json', { nullable: true })
  payload: Record<string, unknown> | null;

  @Column('datetime', { name: 'occurred_at', precision: 3 })
  occurredAt: Date;

  @Column('char', { name: 'ward_id', length: 36, nullable: true })
  wardId: string | null;

  /** Hash of the instance's previous event; with `hash`, the instance's chain (libs/audit). */
  @Column('char', { name: 'prev_hash', length: 64 })
  prevHash: string;

  @Column('char', { length: 64 })
  hash: string;
}
