import { EntityManager } from 'typeorm';
import type { IsoDate } from '@cchc/domain';

/** One planned moment at which something must happen to a subject (task, dossier ...). */
export interface TimerSpec {
  /** What happens, e.g. 'remind', 'deadline', 'escalate', 'appointment'. */
  kind: string;
  level: number;
  /** The due date the timer was planned for; a firing for an old due date is stale. */
  dueDate: IsoDate | null;
  fireAt: Date;
}

/** A pending timer whose moment has come, as handed to its subject type's handler. */
export interface DueTimer extends TimerSpec {
  id: string;
  subjectType: string;
  subjectId: string;
}

/**
 * Fires the timers of one subject type. `fire` runs inside the transaction that also deletes
 * the timer row, so its effect and the timer's removal commit together or not at all.
 * Throwing rolls both back and the firing is retried.
 *
 * Lock order, for every writer of a subject's timers: the subject's row first, then its timers.
 * A firing that held its timer while it waited for the subject's row deadlocked with a re-plan
 * that held the row (or the timers' index entries) and wanted that timer.
 */
export interface TimerHandler {
  readonly subjectType: string;
  /** Locks the subject's row (FOR UPDATE); the processor locks the timer's row after it. */
  lockSubject(manager: EntityManager, subjectId: string): Promise<void>;
  fire(manager: EntityManager, timer: DueTimer): Promise<void>;
}

/** Whose timers to plan again: one ward's subjects, or every ward's due in a range of days. */
export type TimerPlanScope = { wardId: string } | { dueFrom: IsoDate; dueTo: IsoDate };

/**
 * Plans the timers of one subject type from its state, its ward's escalation policy and the
 * calendar. When the policy or the calendar changes, the subjects `timed` names are planned
 * again, one `plan` job each (TIMER_PLAN_ROUTE), by `planIn`.
 */
export interface TimerPlanner {
  readonly subjectType: string;
  /** The subjects in scope whose state has timers, with their versions. */
  timed(manager: EntityManager, scope: TimerPlanScope): Promise<{ id: string; version: number }[]>;
  /**
   * Makes the subject's pending timers match its state as it is under its row's lock (taken
   * first, as for a firing), in the caller's transaction; how many it has now.
   */
  planIn(manager: EntityManager, subjectId: string): Promise<number>;
}
