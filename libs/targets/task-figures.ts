import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { IsoDate } from '@cchc/domain';
import { taskAuditUpTo, tasksAsOf } from '@cchc/tasks';

/** A ratio with what it was counted from; `rate` is null when the denominator is 0. */
export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface PlanTaskFigures {
  /** Accepted at the cut-off, over every task of the plan that existed and was not cancelled then. */
  completed: Ratio;
  /**
   * Accepted at the cut-off on or before the due date (Vietnam time), over the tasks counted in
   * `completed` that were accepted by then or due on or before the cut-off's day.
   */
  onTime: Ratio;
}

export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

/**
 * The plan's tasks as they stood at the cut-off instant, read as the periodic report reads them
 * (`tasksAsOf`: the state of the last audit event at or before it, the due date then), so that a
 * task accepted after the cut-off is not done, nor one extended after it on time. Group tasks are
 * left out: each of their children counts on its own.
 */
export async function planTaskFigures(
  db: DataSource | EntityManager,
  planId: string,
  cutoff: Date,
): Promise<PlanTaskFigures> {
  const tasks = (await db.query(
    `SELECT id, DATE_FORMAT(due_date, '%Y-%m-%d') AS dueDate
     FROM reform_tasks WHERE plan_id = ? AND is_group = 0`,
    [planId],
  )) as { id: string; dueDate: IsoDate | null }[];
  const cutoffDay = todayIn(cutoff);
  const live = tasksAsOf(tasks, await taskAuditUpTo(db, { planId }, cutoff), cutoff).filter(
    (task) => task.state !== 'cancelled',
  );
  const accepted = live.filter((task) => task.state === 'accepted');
  const judged = live.filter(
    (task) => task.state === 'accepted' || (task.dueDate !== null && task.dueDate <= cutoffDay),
  );
  return {
    completed: ratio(accepted.length, live.length),
    onTime: ratio(accepted.filter((task) => task.onTime).length, judged.length),
  };
}
