import type { IsoDate } from '@cchc/domain';
import { newMoonJulianDate, sunLongitude } from './astronomy';
import { fromEpochDay, toEpochDay, yearOf } from './iso-date';
import { VIETNAM_UTC_OFFSET_HOURS } from './vietnam-time';

// The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's astronomical method.
// It follows the same rules as the Chinese calendar but days are cut at midnight UTC+7, not UTC+8:
// when a new moon falls between 23:00 and 24:00 in Hanoi (0:00–1:00 in Beijing) they disagree
// (Tết 2007 is 17/2 in Vietnam, 18/2 in China; in 1985 a whole month differs).
//
// Rules: a month begins on the day of a new moon; month 11 is the one containing the winter
// solstice; when 13 new moons start between one month 11 and the next, the first month without a
// major solar term (trung khí: the sun entering a new 30° sector of longitude) is the leap month
// and repeats the number of the month before it.

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named after the Gregorian year in which its month 1 begins. */
  year: number;
  /** True for the leap (nhuận) month, which follows the ordinary month of the same number. */
  leap: boolean;
}

export const LUNAR_FIRST_YEAR = 1900;
export const LUNAR_LAST_YEAR = 2199;

/** A year the calendar cannot compute (outside LUNAR_FIRST_YEAR–LUNAR_LAST_YEAR): bad input, not a fault. */
export class UnsupportedYearError extends RangeError {}

const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon numbered 0 by newMoonJulianDate (1900-01-01 13:52 UT). */
const NEW_MOON_ZERO = 2415021.076998695;
/** Julian day number of 1970-01-01, the origin of epoch days. */
const JULIAN_DAY_OF_EPOCH = 2440588;
const TIME_ZONE_DAYS = VIETNAM_UTC_OFFSET_HOURS / 24;

export function solarToLunar(date: IsoDate): LunarDate {
  const dayNumber = julianDayOf(date);
  const monthStart = startOfLunarMonthContaining(dayNumber);
  const { month11, nextMonth11, lunarYearOfSpring } = month11SpanContaining(
    monthStart,
    yearOf(date),
  );

  const monthsAfter11 = Math.floor((monthStart - month11) / 29);
  const leapOffset = hasLeapMonth(month11, nextMonth11) ? leapMonthOffset(month11) : null;
  const isLeap = monthsAfter11 === leapOffset;
  const ordinal =
    leapOffset !== null && monthsAfter11 >= leapOffset ? monthsAfter11 - 1 : monthsAfter11;
  const month = ((ordinal + 10) % 12) + 1; // ordinal 0 → month 11, 1 → 12, 2 → 1, ...

  return {
    day: dayNumber - monthStart + 1,
    month,
    // Months 11 and 12 at the start of the span still belong to the previous lunar year.
    year: ordinal < 2 ? lunarYearOfSpring - 1 : lunarYearOfSpring,
    leap: isLeap,
  };
}

/** The solar date of a lunar date; throws when that lunar date does not exist. */
export function lunarToSolar(day: number, month: number, lunarYear: number, leap = false): IsoDate {
  const label = `${day}/${month}${leap ? ' nhuận' : ''}/${lunarYear} (âm lịch)`;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(`Ngày âm lịch không tồn tại: ${label} — tháng phải từ 1 đến 12`);
  }
  if (!Number.isInteger(day) || day < 1 || day > 30) {
    throw new Error(`Ngày âm lịch không tồn tại: ${label} — ngày phải từ 1 đến 30`);
  }
  assertSupportedYear(lunarYear);

  // Months 11 and 12 of lunar year Y follow the month 11 of Gregorian Y; the others that of Y - 1.
  const spanYear = month >= 11 ? lunarYear : lunarYear - 1;
  const month11 = month11Start(spanYear);
  const nextMonth11 = month11Start(spanYear + 1);

  let monthsAfter11 = (month + 1) % 12; // month 11 → 0, 12 → 1, 1 → 2, ...
  if (hasLeapMonth(month11, nextMonth11)) {
    const leapOffset = leapMonthOffset(month11);
    const leapMonthNumber = ((leapOffset + 9) % 12) + 1; // repeats the month before it
    if (leap && month !== leapMonthNumber) {
      const leapMonthYear = leapOffset <= 2 ? spanYear : spanYear + 1; // a leap 11 or 12, or later
      throw new Error(
        `Ngày âm lịch không tồn tại: ${label} — không có tháng ${month} nhuận ` +
          `(năm ${leapMonthYear} nhuận tháng ${leapMonthNumber})`,
      );
    }
    if (leap || monthsAfter11 >= leapOffset) monthsAfter11 += 1;
  } else if (leap) {
    throw new Error(`Ngày âm lịch không tồn tại: ${label} — không có tháng ${month} nhuận`);
  }

  const k = nearestNewMoonIndex(month11);
  const monthStart = newMoonDay(k + monthsAfter11);
  const monthLength = newMoonDay(k + monthsAfter11 + 1) - monthStart;
  if (day > monthLength) {
    throw new Error(`Ngày âm lịch không tồn tại: ${label} — tháng này chỉ có ${monthLength} ngày`);
  }
  return dateOfJulianDay(monthStart + day - 1);
}

function julianDayOf(date: IsoDate): number {
  assertSupportedYear(yearOf(date));
  return toEpochDay(date) + JULIAN_DAY_OF_EPOCH;
}

function dateOfJulianDay(julianDay: number): IsoDate {
  return fromEpochDay(julianDay - JULIAN_DAY_OF_EPOCH);
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR) {
    throw new UnsupportedYearError(
      `Lịch âm chỉ tính cho các năm ${LUNAR_FIRST_YEAR}–${LUNAR_LAST_YEAR} (nhận ${year})`,
    );
  }
}

/** The (Julian day number of the) day in Vietnam on which the k-th new moon occurs. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJulianDate(k) + 0.5 + TIME_ZONE_DAYS);
}

/** Index k of the new moon closest to a Julian day. */
function nearestNewMoonIndex(julianDay: number): number {
  return Math.floor((julianDay - NEW_MOON_ZERO) / SYNODIC_MONTH + 0.5);
}

/**
 * Which 30° sector (0–11) of ecliptic longitude the sun is in at the local midnight that starts
 * the day. Sector 9 begins at 270°, the winter solstice.
 */
function sunSectorAtStartOf(julianDay: number): number {
  const localMidnight = julianDay - 0.5 - TIME_ZONE_DAYS;
  return Math.floor((sunLongitude(localMidnight) / Math.PI) * 6);
}

function startOfLunarMonthContaining(julianDay: number): number {
  // The mean month only estimates k: a true new moon can fall more than a day from the mean, so
  // step back until the new moon is on or before the day (2054-05-07 needs two steps).
  let k = Math.floor((julianDay - NEW_MOON_ZERO) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > julianDay) k--;
  return newMoonDay(k);
}

// Both searches below are reused by every date of a year; caching them (a few hundred entries at
// most over the supported years) makes conversions several times faster.
const month11Cache = new Map<number, number>();
const leapOffsetCache = new Map<number, number>();

/** First day of month 11 — the lunar month containing the December solstice of `gregorianYear`. */
function month11Start(gregorianYear: number): number {
  let start = month11Cache.get(gregorianYear);
  if (start === undefined) {
    start = findMonth11Start(gregorianYear);
    month11Cache.set(gregorianYear, start);
  }
  return start;
}

function findMonth11Start(gregorianYear: number): number {
  const lastDayOfYear = toEpochDay(`${gregorianYear}-12-31`) + JULIAN_DAY_OF_EPOCH;
  const k = Math.floor((lastDayOfYear - NEW_MOON_ZERO) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // If the sun has already passed 270° when this month begins, the solstice fell in the month before.
  return sunSectorAtStartOf(start) >= 9 ? newMoonDay(k - 1) : start;
}

/**
 * The two consecutive month-11 starts around `monthStart`, and the lunar year whose months 1–10
 * lie between them (the year of the spring that follows the first one).
 */
function month11SpanContaining(monthStart: number, gregorianYear: number) {
  const month11ThisYear = month11Start(gregorianYear);
  if (month11ThisYear > monthStart) {
    return {
      month11: month11Start(gregorianYear - 1),
      nextMonth11: month11ThisYear,
      lunarYearOfSpring: gregorianYear,
    };
  }
  return {
    month11: month11ThisYear,
    nextMonth11: month11Start(gregorianYear + 1),
    lunarYearOfSpring: gregorianYear + 1,
  };
}

/** Thirteen months (not twelve) between two month 11s make a leap year (năm nhuận). */
function hasLeapMonth(month11: number, nextMonth11: number): boolean {
  return nextMonth11 - month11 > 365;
}

/**
 * How many months after month 11 the leap month comes: the first month during which the sun
 * enters no new sector, i.e. starts in the same sector as the month after it.
 */
function leapMonthOffset(month11: number): number {
  let offset = leapOffsetCache.get(month11);
  if (offset === undefined) {
    offset = findLeapMonthOffset(month11);
    leapOffsetCache.set(month11, offset);
  }
  return offset;
}

function findLeapMonthOffset(month11: number): number {
  const k = nearestNewMoonIndex(month11);
  for (let offset = 1; offset <= 12; offset++) {
    if (
      sunSectorAtStartOf(newMoonDay(k + offset)) === sunSectorAtStartOf(newMoonDay(k + offset + 1))
    ) {
      return offset;
    }
  }
  throw new Error(`Không tìm được tháng nhuận sau tháng 11 bắt đầu ngày Julius ${month11}`);
}
