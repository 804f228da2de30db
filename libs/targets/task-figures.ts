import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { IsoDate } from '@cchc/domain';

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

interface TaskAtCutoff {
  due_date: IsoDate | null;
  state_at: string | null;
  accepted_at: Date | null;
}

/**
 * The plan's tasks as they stood at the cut-off instant, from their audit history (the state
 * of the last event at or before it), so that a task accepted after the cut-off is not done.
 * Group tasks are left out: each of their children counts on its own.
 */
export async function planTaskFigures(
  db: DataSource | EntityManager,
  planId: string,
  cutoff: Date,
): Promise<PlanTaskFigures> {
  const tasks = (await db.query(
    `SELECT t.due_date,
       (SELECT e.to_state FROM audit_events e WHERE e.instance_id = t.id AND e.occurred_at <= ?
         ORDER BY e.seq DESC LIMIT 1) AS state_at,
       (SELECT MAX(e.occurred_at) FROM audit_events e WHERE e.instance_id = t.id
         AND e.to_state = 'accepted' AND e.occurred_at <= ?) AS accepted_at
     FROM reform_tasks t WHERE t.plan_id = ? AND t.is_group = 0`,
    [cutoff, cutoff, planId],
  )) as TaskAtCutoff[];
  const cutoffDay = todayIn(cutoff);
  const live = tasks.filter((task) => task.state_at !== null && task.state_at !== 'cancelled');
  const accepted = live.filter((task) => task.state_at === 'accepted');
  const onTime = accepted.filter(
    (task) =>
      task.due_date === null || todayIn(new Date(task.accepted_at as Date)) <= task.due_date,
  );
  const judged = live.filter(
    (task) =>
      task.state_at === 'accepted' || (task.due_date !== null && task.due_date <= cutoffDay),
  );
  return {
    completed: ratio(accepted.length, live.length),
    onTime: ratio(onTime.length, judged.length),
  };
}
