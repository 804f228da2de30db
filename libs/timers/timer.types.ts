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
