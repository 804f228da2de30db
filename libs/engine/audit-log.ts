import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '@cchc/domain';
import { InsertRows } from './statements';

/** One event of an instance's history, before it has its sequence number. */
export interface AuditEntry {
  instanceType: string;
  instanceId: string;
  eventType: string;
  fromState: string | null;
  toState: string;
  actor: Actor;
  reason: string | null;
  payload: Record<string, unknown> | null;
  occurredAt: Date;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
}

const COLUMNS = [
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

function values(entry: AuditEntry): unknown[] {
  return [
    entry.eventType,
    entry.fromState,
    entry.toState,
    entry.actor.kind === 'user' ? entry.actor.userId : null,
    entry.actor.kind === 'user' ? entry.actor.role : 'system',
    entry.reason,
    entry.payload === null ? null : JSON.stringify(entry.payload),
    entry.occurredAt,
  ];
}

/**
 * The append-only history (`audit_events`), written only through here. Instances run by the
 * engine number their events by version (the guarded UPDATE of their row serialises them);
 * everything else (calendar years, plans, unit aliases, apology slips) takes the next number
 * from its `audit_sequences` row, which the append locks, so concurrent appends never collide.
 */
export const AuditLog = {
  /** The row of an engine transition; `seq` is the instance's new version. */
  row(record: AuditRecord): InsertRows {
    return {
      table: 'audit_events',
      columns: COLUMNS,
      rows: [[record.instanceType, record.instanceId, record.seq, ...values(record)]],
    };
  },

  /** Appends the next event of an instance, in the caller's transaction or in one of its own. */
  async append(db: DataSource | EntityManager, entry: AuditEntry): Promise<void> {
    const manager = db instanceof DataSource ? db.manager : db;
    if (!manager.queryRunner?.isTransactionActive)
      return manager.transaction((transaction) => AuditLog.append(transaction, entry));
    // Inserting or bumping the counter row locks it until the caller commits.
    await manager.query(
      'INSERT INTO audit_sequences (instance_id, last_seq) VALUES (?, 1) ' +
        'ON DUPLICATE KEY UPDATE last_seq = last_seq + 1',
      [entry.instanceId],
    );
    await manager.query(
      `INSERT INTO audit_events (${COLUMNS.join(', ')}) ` +
        `SELECT ?, ?, last_seq, ${COLUMNS.slice(3)
          .map(() => '?')
          .join(', ')} FROM audit_sequences WHERE instance_id = ?`,
      [entry.instanceType, entry.instanceId, ...values(entry), entry.instanceId],
    );
  },
};
