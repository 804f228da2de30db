import type { IsoDate } from '@cchc/domain';
import { addDays, formatIsoDate, isWeekend, weekdayOf } from './iso-date';
import { lunarToSolar, solarToLunar } from './lunar';
import { lunarYearName } from './lunar-year-name';
import type { NamedDay, YearSchedule } from './year-schedule';

// The fallback for a year without an announced schedule: the paid holidays of the Labor Code 2019
// (Bộ luật Lao động 2019, Điều 112 khoản 1, in force since 1/1/2021), and compensation (nghỉ bù)
// on the next working day for one that falls on a weekly day off (Điều 111 khoản 3).
// The same rule is applied to every year; before 2021 the older codes gave fewer days (no day
// next to Quốc khánh), so earlier years are only an approximation.
//
// Checked in March 2026: the list is unchanged. Politburo Resolution 80-NQ/TW (7/1/2026) makes
// 24/11 "Ngày Văn hóa Việt Nam" a paid day off in principle, and Government Resolution
// 30/NQ-CP (2/2026) tasks amending Điều 112 khoản 1 accordingly; until that amendment is in force,
// 24/11 is not added here (an announced schedule can still add it for a given year).

export const STATUTORY_SOURCE =
  'Bộ luật Lao động 2019, Điều 112 khoản 1 (ngày nghỉ lễ, tết); nghỉ bù theo Điều 111 khoản 3';

/** The days off of `year` under the statutory rule alone. */
export function statutoryScheduleOf(year: number): YearSchedule {
  const holidays = [
    { date: formatIsoDate({ year, month: 1, day: 1 }), name: 'Tết Dương lịch' },
    ...lunarNewYearDays(year),
    { date: lunarToSolar(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: formatIsoDate({ year, month: 4, day: 30 }), name: 'Ngày Chiến thắng (30/4)' },
    { date: formatIsoDate({ year, month: 5, day: 1 }), name: 'Ngày Quốc tế Lao động (1/5)' },
    ...nationalDays(year),
  ];
  return {
    year,
    daysOff: withCompensation(holidays),
    makeUpWorkdays: [],
    source: STATUTORY_SOURCE,
  };
}

/**
 * Five days of Tết: the last day of the old lunar year and the first four of the new one. The law
 * only says "05 ngày" and the Government splits them each year: one day before Tết in 2026
 * (29 tháng Chạp to mùng 4), two days before in 2024 and 2025. Announced schedules carry the
 * actual split; this is the fallback.
 */
function lunarNewYearDays(year: number): NamedDay[] {
  const newYearsDay = lunarToSolar(1, 1, year);
  const title = `Tết Nguyên đán ${lunarYearName(year)}`;
  const lastDayOfOldYear = addDays(newYearsDay, -1);
  return [
    { date: lastDayOfOldYear, name: `${title} (${solarToLunar(lastDayOfOldYear).day} tháng Chạp)` },
    ...[0, 1, 2, 3].map((offset) => ({
      date: addDays(newYearsDay, offset),
      name: `${title} (mùng ${offset + 1})`,
    })),
  ];
}

/**
 * Quốc khánh: 2/9 plus 1/9 or 3/9, which the Government picks each year. Its choices 2021–2026
 * joined the pair to a weekend where possible, so the rule is: 3/9 when 2/9 is a Monday,
 * Thursday or Sunday, otherwise 1/9 (2021 Thu→3/9, 2022 Fri→1/9, 2023 Sat→1/9, 2024 Mon→3/9,
 * 2025 Tue→1/9, 2026 Wed→1/9). For a Sunday 2/9 both choices give the same days off.
 */
function nationalDays(year: number): NamedDay[] {
  const nationalDay = formatIsoDate({ year, month: 9, day: 2 });
  const adjacentDay = [1, 4, 0].includes(weekdayOf(nationalDay)) ? 3 : 1;
  return [
    { date: nationalDay, name: 'Quốc khánh (2/9)' },
    {
      date: formatIsoDate({ year, month: 9, day: adjacentDay }),
      name: `Quốc khánh (ngày liền kề ${adjacentDay}/9)`,
    },
  ];
}

/**
 * Adds a compensation day for each holiday on a Saturday or Sunday, on the next weekday that is
 * not itself a holiday or already a compensation day. Two holidays on one date (Giỗ Tổ on 30/4,
 * which happens once in 1900–2199, in 1947) are treated the same way.
 */
function withCompensation(holidays: NamedDay[]): NamedDay[] {
  const daysOff = new Map<IsoDate, NamedDay>();
  const owed: NamedDay[] = [];
  for (const holiday of [...holidays].sort(byDate)) {
    if (daysOff.has(holiday.date) || isWeekend(holiday.date)) owed.push(holiday);
    if (!daysOff.has(holiday.date)) daysOff.set(holiday.date, holiday);
  }
  for (const holiday of owed) {
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || daysOff.has(day)) day = addDays(day, 1);
    daysOff.set(day, { date: day, name: `Nghỉ bù ${holiday.name}` });
  }
  return [...daysOff.values()].sort(byDate);
}

function byDate(a: NamedDay, b: NamedDay): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
