import { AuditEventRow } from './audit-event-row';
import { eventHash, GENESIS_HASH } from './canonical';

/** A connection, transaction or migration's query runner. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const PAGE = 2000;

interface ExistingRow extends AuditEventRow {
  id: string;
  hash: string | null;
}

/**
 * Walks the history by instance and seq (its unique key) and hashes the rows that have no hash
 * yet, each linked to the one before it.
 */
export async function chainExistingHistory(db: Queryable): Promise<number> {
  let after: [string, number] = ['', 0];
  let prev = { instanceId: '', hash: GENESIS_HASH };
  let chained = 0;
  for (;;) {
    const rows = (await db.query(
      'SELECT id, instance_type, instance_id, seq, event_type, from_state, to_state, actor_id, ' +
        'actor_role, reason, payload, occurred_at, hash FROM audit_events ' +
        `WHERE instance_id > ? OR (instance_id = ? AND seq > ?) ORDER BY instance_id, seq LIMIT ${PAGE}`,
      [after[0], ...after],
    )) as ExistingRow[];
    if (rows.length === 0) return chained;
    const updates: [string, string, string][] = [];
    for (const row of rows) {
      const prevHash = row.instance_id === prev.instanceId ? prev.hash : GENESIS_HASH;
      const hash =
        row.hash ??
        eventHash(
          {
            instanceType: row.instance_type,
            instanceId: row.instance_id,
            seq: row.seq,
            eventType: row.event_type,
            fromState: row.from_state,
            toState: row.to_state,
            actorId: row.actor_id,
            actorRole: row.actor_role,
            reason: row.reason,
            payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
            occurredAt: row.occurred_at,
          },
          prevHash,
        );
      if (row.hash === null) updates.push([row.id, prevHash, hash]);
      prev = { instanceId: row.instance_id, hash };
    }
    if (updates.length > 0) {
      const cases = updates.map(() => 'WHEN ? THEN ?').join(' ');
      await db.query(
        `UPDATE audit_events SET prev_hash = CASE id ${cases} END, hash = CASE id ${cases} END ` +
          'WHERE id IN (?)',
        [
          ...updates.flatMap(([id, prevHash]) => [id, prevHash]),
          ...updates.flatMap(([id, , hash]) => [id, hash]),
          updates.map(([id]) => id),
        ],
      );
      chained += updates.length;
    }
    const last = rows[rows.length - 1];
    after = [last.instance_id, last.seq];
  }
}
