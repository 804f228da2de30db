import { DataSource, EntityManager } from 'typeorm';

/**
 * Every BullMQ queue of the product. Jobs reach them only through the outbox, except `timers`,
 * which the TimerFeeder fills from the `timers` table (both are rebuilt from MySQL).
 */
export const QUEUES = {
  notifications: 'notifications',
  groupTasks: 'group-tasks',
  timers: 'timers',
  /** `plan` jobs of every subject type with a TimerPlanner (named when only tasks had one). */
  taskTimers: 'task-timers',
  webhooks: 'webhooks',
  apologies: 'apologies',
  /** The daily ward checkpoints of the audit chains (a BullMQ job scheduler, not the outbox). */
  audit: 'audit',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);

/**
 * The job id of an outbox row: the same row always becomes the same job. The database's epoch
 * (random, written when it was created) keeps a recreated database from reusing the ids of jobs
 * that Redis still remembers.
 */
export function outboxJobId(epoch: string, outboxId: string | number): string {
  return `outbox-${epoch}-${outboxId}`;
}

/** The outbox row a job was relayed from, if it was. */
export function outboxIdOf(job: { data?: unknown }): string | null {
  const outboxId = (job.data as Partial<OutboxJobData> | undefined)?.outboxId;
  return typeof outboxId === 'string' ? outboxId : null;
}

/** This database's outbox epoch. */
export async function readOutboxEpoch(db: DataSource | EntityManager): Promise<string> {
  const [row] = (await db.query('SELECT epoch FROM outbox_epoch WHERE id = 1')) as {
    epoch: string;
  }[];
  if (!row) throw new Error('outbox_epoch is empty: run the migrations');
  return row.epoch;
}

/** What every job relayed from the outbox carries besides its own payload. */
export interface OutboxJobData extends Record<string, unknown> {
  outboxId: string;
}
