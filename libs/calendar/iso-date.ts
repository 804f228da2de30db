import type { IsoDate } from '@cchc/domain';

// Plain calendar dates, computed in UTC so that the host's time zone can never shift a day.

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of the week as JavaScript numbers it: 0 = Sunday, 1 = Monday, ..., 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const SUNDAY: Weekday = 0;
export const SATURDAY: Weekday = 6;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Reads `YYYY-MM-DD`, rejecting anything that is not a real date (e.g. `2025-02-29`). */
export function parseIsoDate(date: IsoDate): DateParts {
  const match = ISO_DATE_PATTERN.exec(date);
  if (match) {
    const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (parts.month >= 1 && parts.month <= 12 && parts.day >= 1) {
      if (parts.day <= daysInMonth(parts.year, parts.month)) return parts;
    }
  }
  throw new Error(`"${date}" is not a date written YYYY-MM-DD`);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Days since 1970-01-01: integer arithmetic on dates without touching local time. */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return epochDayOf(year, month, day);
}

export function epochDayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): IsoDate {
  const instant = new Date(epochDay * MS_PER_DAY);
  return formatIsoDate({
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function weekdayOf(date: IsoDate): Weekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

export function weekdayOfEpochDay(epochDay: number): Weekday {
  // 1970-01-01 was a Thursday (4); the double modulo keeps days before 1970 in range.
  return ((((epochDay + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === SATURDAY || weekday === SUNDAY;
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The first and the last day of the month `date` is in. */
export function monthOf(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const { year, month } = parseIsoDate(date);
  return {
    from: formatIsoDate({ year, month, day: 1 }),
    to: formatIsoDate({ year, month, day: daysInMonth(year, month) }),
  };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
