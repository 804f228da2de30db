import { endOfDayInstant, parseIsoDate, WorkingCalendar } from '@cchc/calendar';
import { IsoDate, NotifyRecipient, TaskState, taskTimerPhase } from '@cchc/domain';
import type { TimerSpec } from '@cchc/timers';

/** A reminder before the due date: `workingDaysBefore` working days earlier, at `at` (Vietnam time). */
export interface ReminderStep {
  workingDaysBefore: number;
  /** HH:mm, Asia/Ho_Chi_Minh. */
  at: string;
  to: NotifyRecipient[];
}

/** An escalation of a task still overdue at the end of `workingDaysAfter` working days after its due date. */
export interface EscalationStep {
  workingDaysAfter: number;
  to: NotifyRecipient[];
}

/** A ward's policy; the level of a step is its position in its list, from 1. */
export interface EscalationPolicy {
  reminders: ReminderStep[];
  escalations: EscalationStep[];
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  reminders: [
    { workingDaysBefore: 3, at: '08:00', to: ['leadUnit'] },
    { workingDaysBefore: 0, at: '08:00', to: ['leadUnit'] },
  ],
  escalations: [
    { workingDaysAfter: 3, to: ['chairman'] },
    { workingDaysAfter: 10, to: ['chairman'] },
  ],
};

/** Timer kinds of a reform task (also the `kind` of its escalation rows). */
export const TASK_TIMER_KINDS = {
  remind: 'remind',
  deadline: 'deadline',
  escalate: 'escalate',
} as const;
export type TaskTimerKind = (typeof TASK_TIMER_KINDS)[keyof typeof TASK_TIMER_KINDS];

/** What the planner needs of a task. */
export interface WatchedTask {
  state: TaskState;
  dueDate: IsoDate | null;
}

/** The (kind, level) pairs already fired for the task's current due date. */
export type FiredSlots = ReadonlySet<string>;

export function firedSlot(kind: string, level: number): string {
  return `${kind}:${level}`;
}

/**
 * The timers a task needs now. Before its due date (assigned, in progress): its reminders and
 * the deadline itself, at the end of the due date. Once overdue: the escalations. Every
 * other state needs none. Steps already fired for this due date are not planned again; a deadline
 * or escalation whose moment has passed is planned anyway, so it fires at once (catch-up).
 */
export function planTaskTimers(
  task: WatchedTask,
  policy: EscalationPolicy,
  calendar: WorkingCalendar,
  now: Date,
  fired: FiredSlots = new Set(),
): TimerSpec[] {
  const due = task.dueDate;
  if (due === null) return [];
  const deadline = endOfDayInstant(due);
  const timers: TimerSpec[] = [];
  const add = (kind: TaskTimerKind, level: number, fireAt: Date) => {
    if (!fired.has(firedSlot(kind, level))) timers.push({ kind, level, dueDate: due, fireAt });
  };
  const phase = taskTimerPhase(task.state);
  if (phase === 'beforeDue') {
    policy.reminders.forEach((step, index) => {
      const fireAt = instantAt(calendar.subtractWorkingDays(due, step.workingDaysBefore), step.at);
      // A reminder whose moment has passed still comes (late, e.g. after the worker was down)
      // unless the deadline has passed too: then the overdue notice says more.
      if (fireAt.getTime() < deadline.getTime() && now.getTime() < deadline.getTime())
        add(TASK_TIMER_KINDS.remind, index + 1, fireAt);
    });
    add(TASK_TIMER_KINDS.deadline, 1, deadline);
  } else if (phase === 'overdue') {
    policy.escalations.forEach((step, index) => {
      add(
        TASK_TIMER_KINDS.escalate,
        index + 1,
        endOfDayInstant(calendar.addWorkingDays(due, step.workingDaysAfter)),
      );
    });
  }
  return timers;
}

/** The recipients of a fired reminder or escalation, by the current policy. */
export function recipientsOf(
  policy: EscalationPolicy,
  kind: string,
  level: number,
): NotifyRecipient[] | null {
  const steps = kind === TASK_TIMER_KINDS.remind ? policy.reminders : policy.escalations;
  return steps[level - 1]?.to ?? null;
}

/** `date` at `hhmm` in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
function instantAt(date: IsoDate, hhmm: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const [hours, minutes] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(year, month - 1, day, hours - 7, minutes));
}
