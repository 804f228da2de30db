import { IsoDate } from './actor';

export const DEADLINE_KINDS = [
  'fixed',
  'period',
  'milestones',
  'range',
  'recurring',
  'event',
  'unrecognized',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type Recurrence = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly' | null;

/** A plan row's "Thời gian thực hiện/hoàn thành", understood (or flagged for a person). */
export interface ParsedDeadline {
  kind: DeadlineKind;
  /** Last date the task must be done by; null for recurring, event-driven and unrecognized. */
  due: IsoDate | null;
  /** Every dated milestone, in order (for `milestones`; a single entry for fixed/period). */
  milestones: IsoDate[];
  /** Start of a range, or of an ongoing task. */
  start: IsoDate | null;
  recurrence: Recurrence;
  /** The text as written in the plan. */
  raw: string;
}

export interface DeadlineContext {
  /** The plan's year, used when a phrase omits it. */
  year: number;
  /** The plan's issue date, when known. */
  issueDate?: IsoDate;
}

/** The reading of a phrase nobody could understand: no date, the raw text kept for a person. */
export function unrecognizedDeadline(raw: string): ParsedDeadline {
  return { kind: 'unrecognized', due: null, milestones: [], start: null, recurrence: null, raw };
}
