import type { IsoDate } from '@cchc/domain';

// The shape of a year's holiday schedule for public servants, shared by the built-in official
// schedules, the statutory fallback and the schedules an administrator edits.

export interface NamedDay {
  date: IsoDate;
  /** Vietnamese name shown to users, e.g. "Tết Nguyên đán Bính Ngọ (mùng 1)". */
  name: string;
}

export interface YearSchedule {
  year: number;
  /**
   * Days on which public servants do not work: holidays (listed even when they fall on a weekend),
   * compensation days (nghỉ bù) and weekdays swapped away (hoán đổi).
   */
  daysOff: NamedDay[];
  /** Saturdays or Sundays worked in exchange for a swapped weekday (ngày làm bù). */
  makeUpWorkdays: NamedDay[];
  /** Where the schedule comes from: document numbers, or the article of law for the fallback. */
  source: string;
}

/** `official`: a schedule announced for that year (built in or edited); `statutory`: the fallback rule. */
export type ScheduleSource = 'official' | 'statutory';

export interface HolidayListing {
  date: IsoDate;
  name: string;
  kind: 'day-off' | 'make-up-workday';
  source: ScheduleSource;
  /** The schedule's `source` text (document numbers or article of law). */
  reference: string;
}
