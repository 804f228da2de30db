import {
  addDays,
  formatIsoDate,
  fromEpochDay,
  isIsoDate,
  isWeekend,
  monthOf,
  parseIsoDate,
  toEpochDay,
  weekdayOf,
  weekdayOfEpochDay,
} from './iso-date';

describe('iso-date', () => {
  it('parses and formats YYYY-MM-DD', () => {
    expect(parseIsoDate('2026-02-17')).toEqual({ year: 2026, month: 2, day: 17 });
    expect(formatIsoDate({ year: 2026, month: 2, day: 7 })).toBe('2026-02-07');
  });

  it.each([
    '2025-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-2-7',
    '17/02/2026',
    '',
    '2026-02-17T00:00',
  ])('rejects %j', (text) => {
    expect(() => parseIsoDate(text)).toThrow('YYYY-MM-DD');
    expect(isIsoDate(text)).toBe(false);
  });

  it('accepts 29 February only in leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it('is not fooled by non-strings', () => {
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(20260217)).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-02-17', 0)).toBe('2026-02-17');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('converts to and from epoch days, also before 1970', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(fromEpochDay(toEpochDay('1900-03-01'))).toBe('1900-03-01');
    expect(fromEpochDay(-1)).toBe('1969-12-31');
  });

  it('gives the weekday (0 = Sunday ... 6 = Saturday)', () => {
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('2026-02-15')).toBe(0);
    expect(weekdayOf('2026-02-16')).toBe(1);
    expect(weekdayOf('1945-09-02')).toBe(0);
    expect(weekdayOfEpochDay(-1)).toBe(3);
  });

  it('knows weekends', () => {
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-15')).toBe(true);
    expect(isWeekend('2026-02-13')).toBe(false);
  });

  it('gives the first and last day of a month, February of leap years and December included', () => {
    expect(monthOf('2026-03-02')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(monthOf('2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthOf('2026-02-28')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
