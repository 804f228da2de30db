import { addDays } from './iso-date';
import { lunarToSolar, solarToLunar } from './lunar';

// Tết Nguyên đán (1/1 lunar) as published for Vietnam. They match the Chinese dates except in 2007
// (China 18/2) and 2030 (China 3/2), when the new moon fell after midnight in Beijing (UTC+8) but
// before midnight in Hanoi (UTC+7).
const TET_DATES: Record<number, string> = {
  1990: '1990-01-27',
  1991: '1991-02-15',
  1992: '1992-02-04',
  1993: '1993-01-23',
  1994: '1994-02-10',
  1995: '1995-01-31',
  1996: '1996-02-19',
  1997: '1997-02-07',
  1998: '1998-01-28',
  1999: '1999-02-16',
  2000: '2000-02-05',
  2001: '2001-01-24',
  2002: '2002-02-12',
  2003: '2003-02-01',
  2004: '2004-01-22',
  2005: '2005-02-09',
  2006: '2006-01-29',
  2007: '2007-02-17',
  2008: '2008-02-07',
  2009: '2009-01-26',
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
  2036: '2036-01-28',
  2037: '2037-02-15',
  2038: '2038-02-04',
  2039: '2039-01-24',
  2040: '2040-02-12',
  2041: '2041-02-01',
  2042: '2042-01-22',
  2043: '2043-02-10',
  2044: '2044-01-30',
  2045: '2045-02-17',
  2046: '2046-02-06',
  2047: '2047-01-26',
  2048: '2048-02-14',
  2049: '2049-02-02',
  2050: '2050-01-23',
};

describe('lunar calendar (UTC+7)', () => {
  it('covers every year 1990–2050 in the Tết table', () => {
    expect(Object.keys(TET_DATES)).toHaveLength(61);
  });

  it.each(Object.entries(TET_DATES))('Tết %s is %s', (year, date) => {
    expect(lunarToSolar(1, 1, Number(year))).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year: Number(year), leap: false });
  });

  it('puts Tết Ất Sửu 1985 a month earlier than China (21/1, not 20/2)', () => {
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21');
    expect(solarToLunar('1985-02-20')).toEqual({ day: 1, month: 2, year: 1985, leap: false });
  });

  it('gives Giỗ Tổ Hùng Vương (10/3) as celebrated, including 2009 (a day before China)', () => {
    expect(lunarToSolar(10, 3, 2009)).toBe('2009-04-04');
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26');
  });

  it('reads the last days of a lunar year', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2024-02-09')).toEqual({ day: 30, month: 12, year: 2023, leap: false });
    expect(solarToLunar('2025-12-31')).toEqual({ day: 12, month: 11, year: 2025, leap: false });
  });

  describe('leap months', () => {
    it.each([
      // year, leap month, first day of the leap month, first day of the month after it
      [2020, 4, '2020-05-23', '2020-06-21'],
      [2023, 2, '2023-03-22', '2023-04-20'],
      [2025, 6, '2025-07-25', '2025-08-23'],
    ])('%i has a leap month %i from %s', (year, month, leapStart, nextStart) => {
      expect(lunarToSolar(1, month, year, true)).toBe(leapStart);
      expect(solarToLunar(leapStart)).toEqual({ day: 1, month, year, leap: true });
      expect(solarToLunar(addDays(leapStart, -1)).leap).toBe(false);
      expect(solarToLunar(addDays(leapStart, -1)).month).toBe(month);
      expect(solarToLunar(nextStart)).toEqual({ day: 1, month: month + 1, year, leap: false });
      // The ordinary month of the same number comes first.
      expect(lunarToSolar(1, month, year) < leapStart).toBe(true);
    });

    it('counts 13 months in a leap year and 12 otherwise', () => {
      const daysOfLunarYear = (year: number) =>
        (Date.parse(lunarToSolar(1, 1, year + 1)) - Date.parse(lunarToSolar(1, 1, year))) /
        86_400_000;
      expect(daysOfLunarYear(2025)).toBeGreaterThan(380);
      expect(daysOfLunarYear(2026)).toBeLessThan(356);
    });
  });

  describe('impossible lunar dates', () => {
    it('rejects a leap month the year does not have', () => {
      expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(
        'không có tháng 5 nhuận (năm 2025 nhuận tháng 6)',
      );
      expect(() => lunarToSolar(1, 11, 2024, true)).toThrow(
        'không có tháng 11 nhuận (năm 2025 nhuận tháng 6)',
      );
      expect(() => lunarToSolar(1, 1, 2026, true)).toThrow('không có tháng 1 nhuận');
    });

    it('rejects day 30 of a 29-day month', () => {
      // Tháng Chạp Ất Tỵ ends on 29 (16/2/2026); Tết Bính Ngọ follows.
      expect(() => lunarToSolar(30, 12, 2025)).toThrow('chỉ có 29 ngày');
      expect(lunarToSolar(30, 12, 2023)).toBe('2024-02-09');
    });

    it.each([
      [0, 1, 2026],
      [31, 1, 2026],
      [1, 13, 2026],
      [1.5, 1, 2026],
    ])('rejects %i/%i/%i', (day, month, year) => {
      expect(() => lunarToSolar(day, month, year)).toThrow('không tồn tại');
    });

    it('refuses years outside 1900–2199', () => {
      expect(() => lunarToSolar(1, 1, 1899)).toThrow(RangeError);
      expect(() => solarToLunar('2200-01-01')).toThrow(RangeError);
    });
  });

  it('ends every lunar month of 1900–2199 on its 29th or 30th, and the next begins on its 1st', () => {
    // The days around each new moon are where the month's start is computed; checked month by
    // month (a daily sweep of three centuries takes seconds). 2054-05-07 once came out as day 0.
    const failures: string[] = [];
    const expectRoundTrip = (date: string) => {
      const lunar = solarToLunar(date);
      const back = lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap);
      if (back !== date) failures.push(`${date} → ${JSON.stringify(lunar)} → ${back}`);
      return lunar;
    };
    let start = lunarToSolar(1, 2, 1900);
    while (start < '2199-12-01') {
      const first = expectRoundTrip(start);
      const last = expectRoundTrip(addDays(start, -1));
      if (first.day !== 1 || (last.day !== 29 && last.day !== 30)) {
        failures.push(`${start}: ${JSON.stringify(last)} then ${JSON.stringify(first)}`);
      }
      const after29 = addDays(start, 29);
      start = solarToLunar(after29).day === 1 ? after29 : addDays(start, 30);
    }
    expect(failures).toEqual([]);
    expect(solarToLunar('2054-05-07')).toEqual({ day: 30, month: 3, year: 2054, leap: false });
    expect(solarToLunar('2062-04-09')).toEqual({ day: 30, month: 2, year: 2062, leap: false });
  });

  it('round-trips and advances one day at a time over 1990–2050', () => {
    // Collected and asserted once: 22,000 separate expect() calls would make the test slow.
    const failures: string[] = [];
    let date = '1990-01-01';
    let previous = solarToLunar(addDays(date, -1));
    while (date <= '2050-12-31') {
      const lunar = solarToLunar(date);
      const back = lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap);
      if (back !== date) failures.push(`${date} → ${JSON.stringify(lunar)} → ${back}`);
      const continues =
        lunar.day === 1
          ? previous.day === 29 || previous.day === 30
          : lunar.day === previous.day + 1 &&
            lunar.month === previous.month &&
            lunar.year === previous.year &&
            lunar.leap === previous.leap;
      if (!continues)
        failures.push(`${date}: ${JSON.stringify(previous)} then ${JSON.stringify(lunar)}`);
      previous = lunar;
      date = addDays(date, 1);
    }
    expect(failures).toEqual([]);
  });
});
