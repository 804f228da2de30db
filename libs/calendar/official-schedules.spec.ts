import { weekdayOf } from './iso-date';
import { OFFICIAL_SCHEDULES } from './official-schedules';
import { validateYearSchedule } from './schedule-validation';

const scheduleOf = (year: number) => {
  const schedule = OFFICIAL_SCHEDULES.find((candidate) => candidate.year === year);
  if (!schedule) throw new Error(`no schedule for ${year}`);
  return schedule;
};
const datesOff = (year: number) => scheduleOf(year).daysOff.map((day) => day.date);
const weekdaysOff = (year: number, from: string, to: string) =>
  datesOff(year).filter((date) => date >= from && date <= to && weekdayOf(date) % 6 !== 0);

describe('official schedules', () => {
  it('cover 2024, 2025 and 2026, once each', () => {
    expect(OFFICIAL_SCHEDULES.map((schedule) => schedule.year)).toEqual([2024, 2025, 2026]);
  });

  it.each(OFFICIAL_SCHEDULES.map((schedule) => [schedule.year, schedule]))(
    'the %i schedule is valid, sorted and cites its documents',
    (year, schedule) => {
      expect(validateYearSchedule(schedule, year)).toEqual([]);
      const dates = schedule.daysOff.map((day) => day.date);
      expect(dates).toEqual([...dates].sort());
      expect(schedule.source).toMatch(/\d+\/(TB|VPCP)/);
    },
  );

  it('Tết Giáp Thìn 2024: Thursday 8/2 to Wednesday 14/2', () => {
    expect(weekdaysOff(2024, '2024-02-01', '2024-02-29')).toEqual([
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
    ]);
  });

  it('Tết Ất Tỵ 2025: Saturday 25/1 to Sunday 2/2', () => {
    expect(weekdaysOff(2025, '2025-01-20', '2025-02-10')).toEqual([
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
    ]);
  });

  it('Tết Bính Ngọ 2026: Saturday 14/2 to Sunday 22/2', () => {
    expect(weekdaysOff(2026, '2026-02-01', '2026-02-28')).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(scheduleOf(2026).daysOff.find((day) => day.date === '2026-02-17')?.name).toBe(
      'Tết Nguyên đán Bính Ngọ (mùng 1)',
    );
  });

  it('records each swap with its make-up Saturday', () => {
    expect(datesOff(2024)).toContain('2024-04-29');
    expect(datesOff(2025)).toContain('2025-05-02');
    expect(datesOff(2026)).toEqual(expect.arrayContaining(['2026-01-02', '2026-08-31']));
    expect(
      OFFICIAL_SCHEDULES.flatMap((schedule) => schedule.makeUpWorkdays.map((day) => day.date)),
    ).toEqual(['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']);
  });

  it('gives Quốc khánh the adjacent day the Government chose', () => {
    expect(weekdaysOff(2024, '2024-08-25', '2024-09-10')).toEqual(['2024-09-02', '2024-09-03']);
    expect(weekdaysOff(2025, '2025-08-25', '2025-09-10')).toEqual(['2025-09-01', '2025-09-02']);
    expect(weekdaysOff(2026, '2026-08-25', '2026-09-10')).toEqual([
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ]);
  });
});
