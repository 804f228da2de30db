import type { IsoDate } from '@cchc/domain';
import { addDays, formatIsoDate } from './iso-date';

// Periods counted up to a cut-off day (the arithmetic of a ward's reporting calendar): a period
// of months ends on the cut-off day of its last month and starts the day after the cut-off of
// the month before it. With the national preset (14) the first quarter runs 15/12 of the year
// before – 14/3 and the year 15/12 – 14/12. @cchc/reports builds its periods on it, and
// @cchc/inspections its reporting year (it cannot import the reports, which read its figures).

/** The first and the last day a period counts (both included). */
export interface CutoffSpan {
  from: IsoDate;
  to: IsoDate;
}

/**
 * Months `firstMonth`–`lastMonth` of `year`, each counted up to `cutoffDay`: from the day after
 * the cut-off of the month before (December of the year before for January) to the cut-off of
 * `lastMonth`.
 */
export function cutoffSpan(
  year: number,
  firstMonth: number,
  lastMonth: number,
  cutoffDay: number,
): CutoffSpan {
  const before = firstMonth === 1 ? { year: year - 1, month: 12 } : { year, month: firstMonth - 1 };
  return {
    from: addDays(formatIsoDate({ ...before, day: cutoffDay }), 1),
    to: formatIsoDate({ year, month: lastMonth, day: cutoffDay }),
  };
}

/**
 * The span as a ward that starts counting on `countFrom` (a ward founded on 1/7/2025) counts it:
 * from then when that falls inside, whole when it falls before (or there is no such day), null
 * when the ward starts counting only after the span ends.
 */
export function countedFrom(span: CutoffSpan, countFrom: IsoDate | null): CutoffSpan | null {
  if (!countFrom || countFrom <= span.from) return span;
  return countFrom <= span.to ? { ...span, from: countFrom } : null;
}

/** What of a ward's reporting calendar its reporting year (kỳ báo cáo năm) depends on. */
export interface AnnualReportingRule {
  /** Day of December the year's figures are counted up to. */
  cutoffDay: number;
  countFrom: IsoDate | null;
}

export interface ReportingYear extends CutoffSpan {
  year: number;
}

/**
 * The reporting year: from the day after the annual cut-off of the year before to the annual
 * cut-off, or from the ward's start (`countFrom`) when it falls inside (never past the year's
 * end: a year the ward has not begun counting in is counted whole).
 */
export function reportingYear(rule: AnnualReportingRule, year: number): ReportingYear {
  const span = cutoffSpan(year, 1, 12, rule.cutoffDay);
  return { year, ...(countedFrom(span, rule.countFrom) ?? span) };
}

/** The reporting year a day falls in: 20/12/2025 is in 2026's (15/12/2025 – 14/12/2026). */
export function reportingYearOf(rule: AnnualReportingRule, day: IsoDate): ReportingYear {
  const year = Number(day.slice(0, 4));
  const current = reportingYear(rule, year);
  return day > current.to ? reportingYear(rule, year + 1) : current;
}
