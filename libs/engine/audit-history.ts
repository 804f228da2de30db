import { DataSource, EntityManager } from 'typeorm';

/** One audited transition of an instance, as the API shows it. */
export interface HistoryEntry {
  seq: number;
  event: string;
  from: string | null;
  to: string;
  actorId: string | null;
  /** The person's full name, for a user; null for the system (timers, jobs). */
  actorName: string | null;
  actorRole: string;
  reason: string | null;
  payload: Record<string, unknown> | null;
  at: Date;
}

interface AuditRow {
  seq: number;
  event_type: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string;
  reason: string | null;
  payload: Record<string, unknown> | string | null;
  occurred_at: Date;
}

/** The audit trail of one instance, oldest first. */
export async function auditHistory(
  db: DataSource | EntityManager,
  instanceType: string,
  instanceId: string,
): Promise<HistoryEntry[]> {
  const rows = (await db.query(
    'SELECT a.seq, a.event_type, a.from_state, a.to_state, a.actor_id, u.full_name AS actor_name, ' +
      'a.actor_role, a.reason, a.payload, a.occurred_at FROM audit_events a ' +
      'LEFT JOIN users u ON u.id = a.actor_id ' +
      'WHERE a.instance_type = ? AND a.instance_id = ? ORDER BY a.seq',
    [instanceType, instanceId],
  )) as AuditRow[];
  return rows.map((row) => ({
    seq: row.seq,
    event: row.event_type,
    from: row.from_state,
    to: row.to_state,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    reason: row.reason,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    at: row.occurred_at,
  }));
}
