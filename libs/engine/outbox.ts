import { EntityManager } from 'typeorm';
import { RequestContext } from '@cchc/common';
import { JobRoute } from './persisted-workflow';
import { SqlStatement } from './sql-batch';
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
    // A condition needs the instance's row: only forInstance can write such a job.
    if (jobs.some((job) => job.onlyIf)) throw new Error('A job with onlyIf needs its instance');
    return {
      table: 'outbox',
      columns: ['queue', 'job_name', 'payload', 'created_at'],
      rows: jobs.map((job) => [job.queue, job.jobName, payloadOf(job), createdAt]),
    };
  },

  /**
   * An instance's jobs: rows for those written always, and a statement for each written only if
   * the instance's row meets its route's condition (JobRoute.onlyIf), run after the row's write.
   */
  forInstance(
    jobs: OutboxJob[],
    createdAt: Date,
    instance: { table: string; id: string },
  ): { rows: InsertRows | null; statements: SqlStatement[] } {
    return {
      rows: Outbox.rows(
        jobs.filter((job) => !job.onlyIf),
        createdAt,
      ),
      statements: jobs.flatMap((job) =>
        job.onlyIf
          ? [
              {
                sql:
                  'INSERT INTO outbox (queue, job_name, payload, created_at) ' +
                  `SELECT ?, ?, ?, ? FROM ${instance.table} WHERE id = ? AND (${job.onlyIf})`,
                params: [job.queue, job.jobName, payloadOf(job), createdAt, instance.id],
              },
            ]
          : [],
      ),
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

function payloadOf(job: OutboxJob): string {
  const requestId = RequestContext.requestId();
  return JSON.stringify(requestId ? { ...job.payload, requestId } : job.payload);
}
