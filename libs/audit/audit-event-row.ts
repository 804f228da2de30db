/** An `audit_events` row as mysql2 returns it: the columns every reader of the history needs. */
export interface AuditEventRow {
  instance_type: string;
  instance_id: string;
  seq: number;
  event_type: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_role: string;
  reason: string | null;
  payload: unknown;
  occurred_at: Date;
}
