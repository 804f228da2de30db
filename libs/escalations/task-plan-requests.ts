import { EntityManager } from 'typeorm';
import { TASK_STATES, taskTimerPhase } from '@cchc/domain';
import { Outbox } from '@cchc/engine';
import { QUEUES } from '@cchc/queue';
import { PlanJobData, REFORM_TASK_SUBJECT } from './task-timer-planner';

/** The states in which a task has timers, planned from its ward's policy and the calendar. */
const TIMED_STATES = TASK_STATES.filter((state) => taskTimerPhase(state) !== 'none');

/** Outbox rows per statement: a province's open tasks in one INSERT would outgrow a packet. */
const ROWS_PER_INSERT = 5_000;

/**
 * Asks, in the caller's transaction, for the timers of every task that has any (of one ward, or
 * of every ward) to be planned again, after what they are planned from changed: the ward's
 * policy, or the calendar (`freshCalendar`: plan with the calendar as committed, not a copy
 * another process read before the change).
 */
export async function requestTaskPlans(
  manager: EntityManager,
  scope: { wardId: string } | 'allWards',
  now: Date,
  options: Pick<PlanJobData, 'freshCalendar'> = {},
): Promise<number> {
  const tasks = (await (scope === 'allWards'
    ? manager.query('SELECT id, version FROM reform_tasks WHERE state IN (?)', [TIMED_STATES])
    : manager.query('SELECT id, version FROM reform_tasks WHERE ward_id = ? AND state IN (?)', [
        scope.wardId,
        TIMED_STATES,
      ]))) as { id: string; version: number }[];
  for (let start = 0; start < tasks.length; start += ROWS_PER_INSERT) {
    await Outbox.enqueue(
      manager,
      tasks.slice(start, start + ROWS_PER_INSERT).map((task) => ({
        queue: QUEUES.taskTimers,
        jobName: 'plan',
        payload: {
          instanceType: REFORM_TASK_SUBJECT,
          instanceId: task.id,
          seq: task.version,
          ...options,
        },
      })),
      now,
    );
  }
  return tasks.length;
}
