import {
  addDays,
  countedFrom,
  cutoffSpan,
  formatIsoDate,
  isIsoDate,
  WorkingCalendar,
} from '@cchc/calendar';
import { IsoDate, REPORT_PERIOD_KINDS, ReportPeriodKind } from '@cchc/domain';

/**
 * A ward's reporting calendar (pure period arithmetic). Every period ends on `cutoffDay` of its
 * last month and starts the day after the previous cut-off: with the national preset (14) the
 * first quarter runs 15/12 of the year before – 14/3, six months 15/12 – 14/6, the year
 * 15/12 – 14/12. Units' contributions are due on `contributionDueDay` and the report upstream on
 * `upstreamDueDay` of the period's last month; a due day that is not a working day moves to
 * the working day before it (`before`), after it (`after`), or stays (`none`). The days a period
 * counts are @cchc/calendar's (`cutoffSpan`, `countedFrom`), as is @cchc/inspections' year.
 */
export interface PeriodRule {
  /** Day of the month the data are counted up to (1–28, so every month has it). */
  cutoffDay: number;
  contributionDueDay: number;
  upstreamDueDay: number;
}

export type DueDayShift = 'before' | 'after' | 'none';

export interface ReportingCalendarRules {
  periods: Record<ReportPeriodKind, PeriodRule>;
  /** Count from this day when it falls inside a period (a ward founded on 1/7/2025). */
  countFrom: IsoDate | null;
  dueDayShift: DueDayShift;
}

const NATIONAL_RULE: PeriodRule = { cutoffDay: 14, contributionDueDay: 10, upstreamDueDay: 20 };

/** The preset of the Ministry of Home Affairs (Bộ Nội vụ). */
export const NATIONAL_REPORTING_CALENDAR: ReportingCalendarRules = {
  periods: {
    thang: NATIONAL_RULE,
    quy: NATIONAL_RULE,
    sau_thang: NATIONAL_RULE,
    chin_thang: NATIONAL_RULE,
    nam: NATIONAL_RULE,
  },
  countFrom: null,
  dueDayShift: 'before',
};

/** How many periods of each kind a year has. */
export const PERIODS_PER_YEAR: Record<ReportPeriodKind, number> = {
  thang: 12,
  quy: 4,
  sau_thang: 1,
  chin_thang: 1,
  nam: 1,
};

export interface ReportPeriodRef {
  kind: ReportPeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, else 1. */
  index: number;
}

export interface ReportPeriod extends ReportPeriodRef {
  /** e.g. "Quý I/2026", "6 tháng đầu năm 2026". */
  label: string;
  /** First and last day counted (both included). */
  from: IsoDate;
  cutoffDate: IsoDate;
  contributionDueDate: IsoDate;
  upstreamDueDate: IsoDate;
}

export class InvalidPeriodError extends Error {}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The first and last month of a period: @cchc/calendar's `cutoffSpan` counts its days. */
function months(ref: ReportPeriodRef): { first: number; last: number } {
  switch (ref.kind) {
    case 'thang':
      return { first: ref.index, last: ref.index };
    case 'quy':
      return { first: 3 * ref.index - 2, last: 3 * ref.index };
    case 'sau_thang':
      return { first: 1, last: 6 };
    case 'chin_thang':
      return { first: 1, last: 9 };
    case 'nam':
      return { first: 1, last: 12 };
  }
}

export function periodLabel(ref: ReportPeriodRef): string {
  switch (ref.kind) {
    case 'thang':
      return `Tháng ${ref.index}/${ref.year}`;
    case 'quy':
      return `Quý ${ROMAN[ref.index - 1]}/${ref.year}`;
    case 'sau_thang':
      return `6 tháng đầu năm ${ref.year}`;
    case 'chin_thang':
      return `9 tháng năm ${ref.year}`;
    case 'nam':
      return `Năm ${ref.year}`;
  }
}

/** Problems of a ward's rules, each naming its field; empty when they can be used. */
export function validateReportingCalendar(rules: ReportingCalendarRules): string[] {
  const problems: string[] = [];
  for (const kind of REPORT_PERIOD_KINDS) {
    const rule = rules.periods?.[kind];
    if (!rule) {
      problems.push(`periods.${kind}: thiếu quy định kỳ báo cáo`);
      continue;
    }
    for (const field of ['cutoffDay', 'contributionDueDay', 'upstreamDueDay'] as const) {
      const value = rule[field];
      if (!Number.isInteger(value) || value < 1 || value > 28)
        problems.push(`periods.${kind}.${field}: phải là ngày từ 1 đến 28`);
    }
  }
  if (rules.countFrom !== null && !isIsoDate(rules.countFrom))
    problems.push('countFrom: phải là ngày YYYY-MM-DD');
  if (!['before', 'after', 'none'].includes(rules.dueDayShift))
    problems.push('dueDayShift: phải là before, after hoặc none');
  return problems;
}

/**
 * The period's bounds and due dates under the ward's rules. Refuses a period that ends before
 * the ward starts counting, or an index the kind does not have.
 */
export function reportPeriod(
  rules: ReportingCalendarRules,
  ref: ReportPeriodRef,
  calendar: WorkingCalendar,
): ReportPeriod {
  if (!Number.isInteger(ref.index) || ref.index < 1 || ref.index > PERIODS_PER_YEAR[ref.kind])
    throw new InvalidPeriodError(
      `index: kỳ ${ref.kind} chỉ có số 1 đến ${PERIODS_PER_YEAR[ref.kind]}`,
    );
  const rule = rules.periods[ref.kind];
  const { first, last } = months(ref);
  const span = cutoffSpan(ref.year, first, last, rule.cutoffDay);
  const counted = countedFrom(span, rules.countFrom);
  if (!counted)
    throw new InvalidPeriodError(
      `Phường bắt đầu tính số liệu từ ${rules.countFrom}, sau ngày chốt ${span.to} của kỳ ${periodLabel(ref)}`,
    );
  const due = (day: number) =>
    shiftToWorkingDay(
      formatIsoDate({ year: ref.year, month: last, day }),
      rules.dueDayShift,
      calendar,
    );
  return {
    ...ref,
    label: periodLabel(ref),
    from: counted.from,
    cutoffDate: counted.to,
    contributionDueDate: due(rule.contributionDueDay),
    upstreamDueDate: due(rule.upstreamDueDay),
  };
}

/**
 * The period whose cut-off bounds a report's "Nhiệm vụ kỳ tới": the next month or quarter (Q1 of
 * the next year after Q4), the next year after the year. After 6 or 9 months it is the rest of
 * the same year, up to the year's cut-off (14/12 in the national preset): the year report comes
 * next, and "6 tháng đầu năm" of the next year would skip half a year of tasks.
 */
export function nextPeriodRef(ref: ReportPeriodRef): ReportPeriodRef {
  if (ref.kind === 'sau_thang' || ref.kind === 'chin_thang')
    return { kind: 'nam', year: ref.year, index: 1 };
  return ref.index < PERIODS_PER_YEAR[ref.kind]
    ? { ...ref, index: ref.index + 1 }
    : { ...ref, year: ref.year + 1, index: 1 };
}

/** A stable code of a period, e.g. "2026-quy-1". */
export function periodCode(ref: ReportPeriodRef): string {
  return `${ref.year}-${ref.kind}-${ref.index}`;
}

function shiftToWorkingDay(date: IsoDate, shift: DueDayShift, calendar: WorkingCalendar): IsoDate {
  if (shift === 'none' || calendar.isWorkingDay(date)) return date;
  if (shift === 'after') return calendar.nextWorkingDay(date);
  // The last working day strictly before the next day: the working day before `date`.
  return calendar.subtractWorkingDays(addDays(date, 1), 1);
}
