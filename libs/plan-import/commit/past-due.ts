import { IsoDate, taskTimerPhase, TaskState } from '@cchc/domain';
import type { PlanDiff } from './diff-plan';
import type { PlannedTask } from './planned-tasks';

/** What an import would write, as the preview tells it before anything is written. */
export interface ImportWrites {
  /** Tasks created: every task of a new plan; the added ones when a plan imported before is amended. */
  created: PlannedTask[];
  /**
   * Tasks created, and those of an amended plan whose deadline cell changed while they still
   * wait for it (assigned or in progress), already past their due date on the day given: the
   * worker marks them overdue as soon as they are written, reminds their unit and escalates
   * those overdue long enough at once (the ward's policy counts from the due date).
   */
  pastDue: PlannedTask[];
}

/**
 * What importing `planned` on `today` (the server's day in Vietnam, from its Clock) would
 * create, and which of those tasks would be overdue at once. `diff`: the plan the file amends
 * (its stored tasks compared with `planned`), else undefined for a new plan. A task is past due
 * on the day after its due date (DEADLINE_PASSED fires at 23:59:59 of it), never on it.
 */
export function importWrites(
  planned: PlannedTask[],
  today: IsoDate,
  diff?: PlanDiff,
): ImportWrites {
  const created = diff ? diff.added : planned;
  const moved = diff
    ? diff.changed
        .filter(
          (change) =>
            change.fields.some((field) => field.field === 'deadline') &&
            taskTimerPhase(change.task.state as TaskState) === 'beforeDue',
        )
        .map((change) => change.incoming)
    : [];
  const pastDue = [...created, ...moved].filter(
    (task) => task.dueDate !== null && task.dueDate < today,
  );
  return { created, pastDue };
}
