import { Actor } from '@cchc/domain';
import { JobRoute } from './persisted-workflow';
import { SqlStatement } from './sql-batch';

/** What is stored of a machine snapshot: enough for `machine.resolveState`. */
export interface PersistedSnapshot {
  value: unknown;
  context: unknown;
}

export interface OutboxJob extends JobRoute {
  payload: Record<string, unknown>;
}

export interface AuditRecord {
  instanceType: string;
  instanceId: string;
  seq: number;
  eventType: string;
  fromState: string | null;
  toState: string;
  actor: Actor;
  reason: string | null;
  payload: Record<string, unknown> | null;
  occurredAt: Date;
}

export function auditInsert(record: AuditRecord): SqlStatement {
  return {
    sql:
      'INSERT INTO audit_events (instance_type, instance_id, seq, event_type, from_state, to_state, ' +
      'actor_id, actor_role, reason, payload, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    params: [
      record.instanceType,
      record.instanceId,
      record.seq,
      record.eventType,
      record.fromState,
      record.toState,
      record.actor.kind === 'user' ? record.actor.userId : null,
      record.actor.kind === 'user' ? record.actor.role : 'system',
      record.reason,
      record.payload === null ? null : JSON.stringify(record.payload),
      record.occurredAt,
    ],
  };
}

/** One multi-row INSERT for all jobs of a transition (none when there are no jobs). */
export function outboxInsert(jobs: OutboxJob[], createdAt: Date): SqlStatement[] {
  if (jobs.length === 0) return [];
  return [
    {
      sql:
        'INSERT INTO outbox (queue, job_name, payload, created_at) VALUES ' +
        jobs.map(() => '(?, ?, ?, ?)').join(', '),
      params: jobs.flatMap((job) => [
        job.queue,
        job.jobName,
        JSON.stringify(job.payload),
        createdAt,
      ]),
    },
  ];
}
