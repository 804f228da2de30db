import type { IsoDate } from '@cchc/domain';
import {
  epochDayOf,
  fromEpochDay,
  isLeapYear,
  parseIsoDate,
  SATURDAY,
  SUNDAY,
  toEpochDay,
  weekdayOfEpochDay,
} from './iso-date';
import { OFFICIAL_SCHEDULES } from './official-schedules';
import { assertValidYearSchedule } from './schedule-validation';
import { statutoryScheduleOf } from './statutory-holidays';
import type { HolidayListing, NamedDay, ScheduleSource, YearSchedule } from './year-schedule';

// Working days (ngày làm việc) of public servants: Monday to Friday, minus the year's days off,
// plus its make-up Saturdays/Sundays. A year uses its announced schedule when there is one
// (built in, or edited and passed to the constructor) and the statutory rule otherwise.
//
// A province computes hundreds of thousands of due dates, so each year is turned once into a
// table of working-day flags and running counts; every query is then array lookups.

interface YearDays {
  year: number;
  /** Epoch day of 1 January. */
  firstEpochDay: number;
  /** By day of the year (0 = 1 January): 1 for a working day, 0 otherwise. */
  working: Uint8Array;
  /** By day of the year: working days from 1 January up to and including that day. */
  workingUpTo: Uint16Array;
}

interface Position {
  yearDays: YearDays;
  index: number;
}

export interface EffectiveSchedule {
  source: ScheduleSource;
  schedule: YearSchedule;
}

export class WorkingCalendar {
  private readonly officialSchedules = new Map<number, YearSchedule>();
  private readonly yearCache = new Map<number, YearDays>();

  /**
   * @param schedules Schedules edited by administrators (loaded from the database); each replaces
   *   the built-in official schedule of its year. Throws InvalidYearScheduleError for an invalid
   *   one, and an Error when a year is given twice.
   */
  constructor(schedules: readonly YearSchedule[] = []) {
    for (const schedule of OFFICIAL_SCHEDULES) this.officialSchedules.set(schedule.year, schedule);
    const seen = new Set<number>();
    for (const schedule of schedules) {
      if (seen.has(schedule.year)) {
        throw new Error(`Lịch nghỉ năm ${schedule.year} được truyền vào hai lần`);
      }
      seen.add(schedule.year);
      assertValidYearSchedule(schedule);
      this.officialSchedules.set(schedule.year, schedule);
    }
  }

  /** The schedule that governs `year`, and whether it was announced or derived from the law. */
  scheduleOf(year: number): EffectiveSchedule {
    const official = this.officialSchedules.get(year);
    return official
      ? { source: 'official', schedule: official }
      : { source: 'statutory', schedule: statutoryScheduleOf(year) };
  }

  /** The year's days off and make-up workdays, by date, each with where it comes from. */
  holidaysOf(year: number): HolidayListing[] {
    const { source, schedule } = this.scheduleOf(year);
    const listing = (kind: HolidayListing['kind']) => (day: NamedDay) => ({
      date: day.date,
      name: day.name,
      kind,
      source,
      reference: schedule.source,
    });
    return [
      ...schedule.daysOff.map(listing('day-off')),
      ...schedule.makeUpWorkdays.map(listing('make-up-workday')),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  isWorkingDay(date: IsoDate): boolean {
    const { yearDays, index } = this.locate(date);
    return yearDays.working[index] === 1;
  }

  /**
   * The date `n` working days after `date`, which itself is not counted (so the result is always
   * a working day when n ≥ 1, even if `date` is not one). n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    assertCount(n);
    let { yearDays, index } = this.locate(date);
    for (let remaining = n; remaining > 0; remaining -= yearDays.working[index]) {
      index += 1;
      if (index === yearDays.working.length) {
        yearDays = this.yearDays(yearDays.year + 1);
        index = 0;
      }
    }
    return fromEpochDay(yearDays.firstEpochDay + index);
  }

  /**
   * The date `n` working days before `date`, which itself is not counted — e.g. when to remind
   * "3 working days before the deadline". n = 0 returns `date` unchanged.
   */
  subtractWorkingDays(date: IsoDate, n: number): IsoDate {
    assertCount(n);
    let { yearDays, index } = this.locate(date);
    for (let remaining = n; remaining > 0; remaining -= yearDays.working[index]) {
      index -= 1;
      if (index < 0) {
        yearDays = this.yearDays(yearDays.year - 1);
        index = yearDays.working.length - 1;
      }
    }
    return fromEpochDay(yearDays.firstEpochDay + index);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /**
   * Working days after `from` up to and including `to`: 0 when they are equal, and the negated
   * count (working days after `to` up to and including `from`) when `to` is earlier, so that
   * workingDaysBetween(a, b) = -workingDaysBetween(b, a). For a working day `to` ≥ `from`,
   * addWorkingDays(from, workingDaysBetween(from, to)) = to.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const start = this.locate(from);
    const end = this.locate(to);
    const startDay = start.yearDays.firstEpochDay + start.index;
    const endDay = end.yearDays.firstEpochDay + end.index;
    if (endDay < startDay) return -this.workingDaysBetween(to, from);

    let count = end.yearDays.workingUpTo[end.index] - start.yearDays.workingUpTo[start.index];
    for (let year = start.yearDays.year; year < end.yearDays.year; year++) {
      const yearDays = this.yearDays(year);
      count += yearDays.workingUpTo[yearDays.workingUpTo.length - 1];
    }
    return count;
  }

  private locate(date: IsoDate): Position {
    const { year, month, day } = parseIsoDate(date);
    const yearDays = this.yearDays(year);
    return { yearDays, index: epochDayOf(year, month, day) - yearDays.firstEpochDay };
  }

  private yearDays(year: number): YearDays {
    const cached = this.yearCache.get(year);
    if (cached) return cached;
    const built = buildYearDays(this.scheduleOf(year).schedule);
    this.yearCache.set(year, built);
    return built;
  }
}

function buildYearDays(schedule: YearSchedule): YearDays {
  const firstEpochDay = epochDayOf(schedule.year, 1, 1);
  const length = isLeapYear(schedule.year) ? 366 : 365;
  const working = new Uint8Array(length);
  for (let index = 0; index < length; index++) {
    const weekday = weekdayOfEpochDay(firstEpochDay + index);
    working[index] = weekday === SATURDAY || weekday === SUNDAY ? 0 : 1;
  }
  for (const day of schedule.daysOff) working[toEpochDay(day.date) - firstEpochDay] = 0;
  for (const day of schedule.makeUpWorkdays) working[toEpochDay(day.date) - firstEpochDay] = 1;

  const workingUpTo = new Uint16Array(length);
  let count = 0;
  for (let index = 0; index < length; index++) {
    count += working[index];
    workingUpTo[index] = count;
  }
  return { year: schedule.year, firstEpochDay, working, workingUpTo };
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Số ngày làm việc phải là số nguyên không âm (nhận ${n})`);
  }
}
