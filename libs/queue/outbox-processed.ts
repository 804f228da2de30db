import { EntityManager } from 'typeorm';

/** Marks an outbox row done, in the same transaction as the job's own writes. */
export async function markOutboxProcessed(
  manager: EntityManager,
  outboxId: string,
  at: Date,
): Promise<void> {
  await manager.query('UPDATE outbox SET processed_at = ? WHERE id = ? AND processed_at IS NULL', [
    at,
    outboxId,
  ]);
}
