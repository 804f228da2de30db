import { EntityManager } from 'typeorm';
import { IsoDate, TASK_STATES, taskTimerPhase } from '@cchc/domain';
import { Outbox } from '@cchc/engine';
import { reformTaskPersistence, TASK_PLAN_ROUTE } from '@cchc/tasks';

/** The states in which a task has timers, planned from its ward's policy and the calendar. */
const TIMED_STATES = TASK_STATES.filter((state) => taskTimerPhase(state) !== 'none');

/** Outbox rows per statement: a province's open tasks in one INSERT would outgrow a packet. */
const ROWS_PER_INSERT = 5_000;

/** Whose timers to plan again: one ward's tasks, or every ward's tasks due in a range of days. */
export type TaskPlanScope = { wardId: string } | { dueFrom: IsoDate; dueTo: IsoDate };

/**
 * Asks, in the caller's transaction, for the timers of every task in `scope` that has any to be
 * planned again, after what they are planned from changed (the ward's policy, the calendar).
 */
export async function requestTaskPlans(
  manager: EntityManager,
  scope: TaskPlanScope,
  now: Date,
): Promise<void> {
  const tasks = (await ('wardId' in scope
    ? manager.query('SELECT id, version FROM reform_tasks WHERE ward_id = ? AND state IN (?)', [
        scope.wardId,
        TIMED_STATES,
      ])
    : manager.query(
        'SELECT id, version FROM reform_tasks WHERE due_date BETWEEN ? AND ? AND state IN (?)',
        [scope.dueFrom, scope.dueTo, TIMED_STATES],
      ))) as { id: string; version: number }[];
  for (let start = 0; start < tasks.length; start += ROWS_PER_INSERT) {
    await Outbox.enqueue(
      manager,
      tasks.slice(start, start + ROWS_PER_INSERT).map((task) => ({
        ...TASK_PLAN_ROUTE,
        payload: {
          instanceType: reformTaskPersistence.instanceType,
          instanceId: task.id,
          seq: task.version,
        },
      })),
      now,
    );
  }
}
