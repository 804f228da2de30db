import { IsoDate } from '@cchc/domain';

/** What choosing an entered value needs of it. */
export interface EnteredValue {
  from: IsoDate;
  to: IsoDate;
  enteredAt: Date | string;
}

/**
 * Periods whose coverage of the window differs by less than this many days cover it equally:
 * the reporting quarters are 90 to 92 days long, months 28 to 31.
 */
export const SAME_COVERAGE_DAYS = 7;

const MS_PER_DAY = 86_400_000;
const epochDay = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;

/** Days of [from, to] (both included) within [windowFrom, windowTo]; 0 when apart. */
export function overlapDays(
  period: { from: IsoDate; to: IsoDate },
  windowFrom: IsoDate,
  windowTo: IsoDate,
): number {
  const first = Math.max(epochDay(period.from), epochDay(windowFrom));
  const last = Math.min(epochDay(period.to), epochDay(windowTo));
  return Math.max(0, last - first + 1);
}

/**
 * The value whose period best matches the window [from, to], among those entered by `knownAt`:
 * the one covering most of the window (within SAME_COVERAGE_DAYS of the most), then the one
 * with the fewest days outside it, then the latest period, then the latest entered. So the
 * annual report (15/12–14/12) takes the calendar year's value over a quarter's, a quarterly
 * report its quarter's over the year's, and a year with quarterly values only its last quarter.
 * A period's figure is entered after the period ends, so when it was entered does not matter as
 * long as it was by `knownAt` (the time the figures are read: a report's compiling).
 */
export function bestMatchingValue<T extends EnteredValue>(
  values: T[],
  from: IsoDate,
  to: IsoDate,
  knownAt: Date,
): T | undefined {
  const windowDays = epochDay(to) - epochDay(from) + 1;
  const candidates = values
    .filter((value) => new Date(value.enteredAt).getTime() <= knownAt.getTime())
    .map((value) => ({
      value,
      covered: overlapDays(value, from, to),
      outside: epochDay(value.to) - epochDay(value.from) + 1 - overlapDays(value, from, to),
      enteredAt: new Date(value.enteredAt).getTime(),
    }))
    // Mostly about this window: it covers most of the window, or lies mostly inside it (a
    // calendar year's value is not a figure of the quarter that begins 17 days before it ends).
    .filter(
      (candidate) =>
        candidate.covered * 2 > windowDays ||
        candidate.covered * 2 > candidate.covered + candidate.outside,
    );
  if (candidates.length === 0) return undefined;
  const most = Math.max(...candidates.map((candidate) => candidate.covered));
  return candidates
    .filter((candidate) => candidate.covered > most - SAME_COVERAGE_DAYS)
    .sort(
      (a, b) =>
        a.outside - b.outside || b.value.to.localeCompare(a.value.to) || b.enteredAt - a.enteredAt,
    )[0].value;
}
