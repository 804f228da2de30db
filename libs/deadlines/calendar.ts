import { IsoDate } from '@cchc/domain';

export type SpanUnit = 'day' | 'month' | 'quarter' | 'half' | 'year';

/** The stretch of calendar one deadline phrase names: a day, a month, a quarter, ... */
export interface Span {
  unit: SpanUnit;
  start: IsoDate;
  end: IsoDate;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

/** Months `from`..`to` of `year` as one span; callers pass valid months. */
function months(unit: SpanUnit, year: number, from: number, to: number): Span {
  return { unit, start: iso(year, from, 1), end: iso(year, to, daysInMonth(year, to)) };
}

/** A calendar day, or null when it does not exist (31/02, 00/05, ...). */
export function daySpan(year: number, month: number, day: number): Span | null {
  if (!validMonth(month) || !Number.isInteger(day) || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  const date = iso(year, month, day);
  return { unit: 'day', start: date, end: date };
}

export function monthSpan(year: number, month: number): Span | null {
  return validMonth(month) ? months('month', year, month, month) : null;
}

export function quarterSpan(year: number, quarter: number): Span | null {
  const valid = Number.isInteger(quarter) && quarter >= 1 && quarter <= 4;
  return valid ? months('quarter', year, quarter * 3 - 2, quarter * 3) : null;
}

export function halfSpan(year: number, half: 1 | 2): Span {
  return months('half', year, half * 6 - 5, half * 6);
}

export function yearSpan(year: number): Span {
  return months('year', year, 1, 12);
}
