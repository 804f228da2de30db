import { EntityManager } from 'typeorm';
import { RequestContext } from '@cchc/common';
import { JobRoute } from './persisted-workflow';
import { InsertRows, insertSql } from './statements';

export interface OutboxJob extends JobRoute {
  payload: Record<string, unknown>;
}

/**
 * Jobs are written to the `outbox` table in the transaction that causes them, only through here;
 * the worker relays them to BullMQ once that transaction has committed.
 */
export const Outbox = {
  /**
   * The rows for `jobs`, as data (the engine writes them only if its guard held); null if none.
   * A job caused by an API request carries the request's id, for the worker's logs.
   */
  rows(jobs: OutboxJob[], createdAt: Date): InsertRows | null {
    if (jobs.length === 0) return null;
    const requestId = RequestContext.requestId();
    return {
      table: 'outbox',
      columns: ['queue', 'job_name', 'payload', 'created_at'],
      rows: jobs.map((job) => [
        job.queue,
        job.jobName,
        JSON.stringify(requestId ? { ...job.payload, requestId } : job.payload),
        createdAt,
      ]),
    };
  },

  /** Enqueues `jobs` inside the caller's transaction. */
  async enqueue(manager: EntityManager, jobs: OutboxJob[], createdAt: Date): Promise<void> {
    const rows = Outbox.rows(jobs, createdAt);
    if (!rows) return;
    const { sql, params } = insertSql(rows);
    await manager.query(sql, params);
  },
};
