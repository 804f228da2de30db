import { DataSource } from 'typeorm';
import { eventHash, GENESIS_HASH } from '@cchc/audit';

const ROWS_PER_INSERT = 1000;

/** Inserts rows in multi-row statements of ROWS_PER_INSERT (seeding a province in minutes). */
export async function insertRows(
  db: DataSource,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_INSERT) {
    const batch = rows.slice(offset, offset + ROWS_PER_INSERT);
    await db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`,
      batch.flat(),
    );
  }
}

/** One step of a seeded task's history. */
export interface SeededTaskEvent {
  type: string;
  toState: string;
  at: Date;
}

/** The columns of taskAuditRows' rows in `audit_events`. */
export const TASK_AUDIT_COLUMNS = [
  'instance_type',
  'instance_id',
  'seq',
  'event_type',
  'from_state',
  'to_state',
  'actor_role',
  'occurred_at',
  'ward_id',
  'prev_hash',
  'hash',
];

/** A task's history as the system's audit events, hash-chained as the engine chains them. */
export function taskAuditRows(
  taskId: string,
  wardId: string,
  history: SeededTaskEvent[],
): unknown[][] {
  let prev = GENESIS_HASH;
  return history.map((event, index) => {
    const content = {
      instanceType: 'reform-task',
      instanceId: taskId,
      seq: index + 1,
      eventType: event.type,
      fromState: index === 0 ? null : history[index - 1].toState,
      toState: event.toState,
      actorId: null,
      actorRole: 'system',
      reason: null,
      payload: null,
      occurredAt: event.at,
    };
    const hash = eventHash(content, prev);
    const row = [
      'reform-task',
      taskId,
      content.seq,
      event.type,
      content.fromState,
      event.toState,
      'system',
      event.at,
      wardId,
      prev,
      hash,
    ];
    prev = hash;
    return row;
  });
}
