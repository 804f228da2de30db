import { EntityManager } from 'typeorm';

/** The statement that marks an outbox row done (once), for a job that sends its writes as a batch. */
export function outboxProcessedStatement(
  outboxId: string,
  at: Date,
): { sql: string; params: unknown[] } {
  return {
    sql: 'UPDATE outbox SET processed_at = ? WHERE id = ? AND processed_at IS NULL',
    params: [at, outboxId],
  };
}

/** Marks an outbox row done, in the same transaction as the job's own writes. */
export async function markOutboxProcessed(
  manager: EntityManager,
  outboxId: string,
  at: Date,
): Promise<void> {
  const { sql, params } = outboxProcessedStatement(outboxId, at);
  await manager.query(sql, params);
}
