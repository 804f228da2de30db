/**
 * Every BullMQ queue of the product. Jobs reach them only through the outbox, except `timers`,
 * which the TimerFeeder fills from the `timers` table (both are rebuilt from MySQL).
 */
export const QUEUES = {
  notifications: 'notifications',
  groupTasks: 'group-tasks',
  timers: 'timers',
  taskTimers: 'task-timers',
  webhooks: 'webhooks',
  apologies: 'apologies',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);

/** The job id of an outbox row: the same row always becomes the same job. */
export function outboxJobId(outboxId: string | number): string {
  return `outbox-${outboxId}`;
}

/** What every job relayed from the outbox carries besides its own payload. */
export interface OutboxJobData extends Record<string, unknown> {
  outboxId: string;
}
