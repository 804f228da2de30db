import { isWeekend } from './iso-date';
import { validateYearSchedule } from './schedule-validation';
import { STATUTORY_SOURCE, statutoryScheduleOf } from './statutory-holidays';

const daysOffOf = (year: number) =>
  Object.fromEntries(statutoryScheduleOf(year).daysOff.map((day) => [day.date, day.name]));

describe('statutory holidays (Labor Code 2019)', () => {
  it('lists the eleven holidays of 2026 and compensates Giỗ Tổ falling on a Sunday', () => {
    expect(daysOffOf(2026)).toEqual({
      '2026-01-01': 'Tết Dương lịch',
      '2026-02-16': 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)',
      '2026-02-17': 'Tết Nguyên đán Bính Ngọ (mùng 1)',
      '2026-02-18': 'Tết Nguyên đán Bính Ngọ (mùng 2)',
      '2026-02-19': 'Tết Nguyên đán Bính Ngọ (mùng 3)',
      '2026-02-20': 'Tết Nguyên đán Bính Ngọ (mùng 4)',
      '2026-04-26': 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2026-04-27': 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2026-04-30': 'Ngày Chiến thắng (30/4)',
      '2026-05-01': 'Ngày Quốc tế Lao động (1/5)',
      '2026-09-01': 'Quốc khánh (ngày liền kề 1/9)',
      '2026-09-02': 'Quốc khánh (2/9)',
    });
    const schedule = statutoryScheduleOf(2026);
    expect(schedule.makeUpWorkdays).toEqual([]);
    expect(schedule.source).toBe(STATUTORY_SOURCE);
  });

  it('takes the last day of the old lunar year, 29 or 30 tháng Chạp, as the first day of Tết', () => {
    expect(daysOffOf(2024)['2024-02-09']).toBe('Tết Nguyên đán Giáp Thìn (30 tháng Chạp)');
    expect(daysOffOf(2024)['2024-02-08']).toBeUndefined();
  });

  it('compensates Tết days on a weekend after the whole Tết break (2027)', () => {
    const days = daysOffOf(2027);
    expect(days['2027-02-06']).toBe('Tết Nguyên đán Đinh Mùi (mùng 1)'); // Saturday
    expect(days['2027-02-10']).toBe('Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 1)');
    expect(days['2027-02-11']).toBe('Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 2)');
    expect(days['2027-02-12']).toBeUndefined();
  });

  it('compensates 1/1, 1/5, 30/4 and 2/9 on the next free weekday', () => {
    expect(daysOffOf(2027)['2027-05-03']).toBe('Nghỉ bù Ngày Quốc tế Lao động (1/5)');
    expect(daysOffOf(2028)['2028-01-03']).toBe('Nghỉ bù Tết Dương lịch');
    // 30/4/2028 is a Sunday and Monday 1/5 is itself a holiday: compensation moves to Tuesday.
    expect(daysOffOf(2028)['2028-05-02']).toBe('Nghỉ bù Ngày Chiến thắng (30/4)');
    // Tết's last day (mùng 4) on Saturday 29/1/2028 is compensated on Monday 31/1.
    expect(daysOffOf(2028)['2028-01-31']).toBe('Nghỉ bù Tết Nguyên đán Mậu Thân (mùng 4)');
    expect(daysOffOf(2028)['2028-09-04']).toBe('Nghỉ bù Quốc khánh (2/9)');
  });

  it.each([
    [2024, 'Monday', '2024-09-03'],
    [2025, 'Tuesday', '2025-09-01'],
    [2026, 'Wednesday', '2026-09-01'],
    [2027, 'Thursday', '2027-09-03'],
    [2022, 'Friday', '2022-09-01'],
    [2023, 'Saturday', '2023-09-01'],
    [2029, 'Sunday', '2029-09-03'],
  ])('in %i (2/9 on a %s) adds %s to Quốc khánh', (year, _weekday, adjacent) => {
    expect(daysOffOf(year)[adjacent]).toMatch(/^Quốc khánh \(ngày liền kề/);
  });

  it('gives a Sunday 2/9 its compensation after the adjacent Monday (2029)', () => {
    expect(daysOffOf(2029)['2029-09-04']).toBe('Nghỉ bù Quốc khánh (2/9)');
  });

  it('compensates Giỗ Tổ when it coincides with 30/4 (1947)', () => {
    const days = daysOffOf(1947);
    expect(days['1947-04-30']).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(days['1947-05-02']).toBe('Nghỉ bù Ngày Chiến thắng (30/4)');
  });

  it('yields eleven holidays plus one compensation day per holiday on a weekend, 2021–2199', () => {
    const failures: string[] = [];
    for (let year = 2021; year <= 2199; year++) {
      const schedule = statutoryScheduleOf(year);
      const holidays = schedule.daysOff.filter((day) => !day.name.startsWith('Nghỉ bù'));
      const compensations = schedule.daysOff.length - holidays.length;
      const onWeekend = holidays.filter((day) => isWeekend(day.date)).length;
      const problems = validateYearSchedule(schedule, year);
      if (holidays.length !== 11 || compensations !== onWeekend || problems.length > 0) {
        failures.push(
          `${year}: ${holidays.length} holidays, ${compensations} compensations, ${problems.length} problems`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
