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

/** Rows for one INSERT, kept as data so they can be written plainly or only if a guard held. */
export interface InsertRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

export function insertSql({ table, columns, rows }: InsertRows): SqlStatement {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
    params: rows.flat(),
  };
}

/**
 * The same rows, written only when the session variable `flag` is 1: one
 * `INSERT ... SELECT ... FROM DUAL WHERE` per row, which needs no derived table.
 */
export function insertIfSql({ table, columns, rows }: InsertRows, flag: string): SqlStatement[] {
  const sql =
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map(() => '?').join(', ')} ` +
    `FROM DUAL WHERE ${flag} = 1`;
  return rows.map((row) => ({ sql, params: row }));
}

const AUDIT_COLUMNS = [
  'instance_type',
  'instance_id',
  'seq',
  'event_type',
  'from_state',
  'to_state',
  'actor_id',
  'actor_role',
  'reason',
  'payload',
  'occurred_at',
];

export function auditRows(record: AuditRecord): InsertRows {
  return {
    table: 'audit_events',
    columns: AUDIT_COLUMNS,
    rows: [
      [
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
    ],
  };
}

export function auditInsert(record: AuditRecord): SqlStatement {
  return insertSql(auditRows(record));
}

/** Outbox rows for the jobs of a transition; null when there are none. */
export function outboxRows(jobs: OutboxJob[], createdAt: Date): InsertRows | null {
  if (jobs.length === 0) return null;
  return {
    table: 'outbox',
    columns: ['queue', 'job_name', 'payload', 'created_at'],
    rows: jobs.map((job) => [job.queue, job.jobName, JSON.stringify(job.payload), createdAt]),
  };
}

export function outboxInsert(jobs: OutboxJob[], createdAt: Date): SqlStatement[] {
  const rows = outboxRows(jobs, createdAt);
  return rows ? [insertSql(rows)] : [];
}
