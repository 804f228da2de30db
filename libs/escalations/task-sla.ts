import { WorkingCalendar } from '@cchc/calendar';
import { IsoDate, SlaStatus, TaskState } from '@cchc/domain';

/** Where a task stands against its due date, counted in working days of the ward's calendar. */
export interface TaskSla {
  status: SlaStatus;
  /** Working days after today up to and including the due date (0 on the due date itself). */
  workingDaysLeft: number | null;
  /** Working days after the due date up to and including today, for an open task past its date. */
  workingDaysOverdue: number | null;
}

const OPEN_STATES: readonly TaskState[] = ['assigned', 'inProgress', 'reported', 'overdue'];

/**
 * The SLA badge of a task. `reminderWindow` is the ward's first reminder (working days before the
 * due date): inside it the task is "due soon". A task reported by its due date has met it while
 * it waits for review, however long that takes (the machine never marks it overdue, the list's
 * overdue filter leaves it out); reported late, it stays overdue.
 */
export function taskSla(
  task: { state: TaskState; dueDate: IsoDate | null; late: boolean },
  today: IsoDate,
  calendar: WorkingCalendar,
  reminderWindow: number,
): TaskSla {
  const none = { workingDaysLeft: null, workingDaysOverdue: null };
  if (task.state === 'accepted')
    return { status: task.late ? 'completedLate' : 'completedOnTime', ...none };
  if (!task.dueDate || !OPEN_STATES.includes(task.state)) return { status: 'none', ...none };
  if (task.state === 'reported' && !task.late) return { status: 'reportedOnTime', ...none };
  if (today > task.dueDate) {
    return {
      status: 'overdue',
      workingDaysLeft: null,
      workingDaysOverdue: calendar.workingDaysBetween(task.dueDate, today),
    };
  }
  const left = calendar.workingDaysBetween(today, task.dueDate);
  return {
    status: left <= reminderWindow ? 'dueSoon' : 'onTrack',
    workingDaysLeft: left,
    workingDaysOverdue: null,
  };
}
