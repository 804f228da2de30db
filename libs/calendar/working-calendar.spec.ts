import { addDays } from './iso-date';
import { InvalidYearScheduleError } from './schedule-validation';
import { statutoryScheduleOf } from './statutory-holidays';
import { WorkingCalendar } from './working-calendar';
import type { YearSchedule } from './year-schedule';

const calendar = new WorkingCalendar();

describe('WorkingCalendar', () => {
  describe('isWorkingDay', () => {
    it('works Monday to Friday and rests on weekends', () => {
      expect(calendar.isWorkingDay('2026-03-02')).toBe(true); // Monday
      expect(calendar.isWorkingDay('2026-03-06')).toBe(true); // Friday
      expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // Saturday
      expect(calendar.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    });

    it('rests on official days off and works on make-up Saturdays', () => {
      expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // 29 tháng Chạp
      expect(calendar.isWorkingDay('2026-01-02')).toBe(false); // swapped Friday
      expect(calendar.isWorkingDay('2026-01-10')).toBe(true); // make-up Saturday
      expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
      expect(calendar.isWorkingDay('2026-08-31')).toBe(false);
    });

    it('rejects a malformed date', () => {
      expect(() => calendar.isWorkingDay('2026-02-30')).toThrow('YYYY-MM-DD');
    });
  });

  describe('addWorkingDays', () => {
    it('counts across Tết Bính Ngọ 2026 (the date itself is not counted)', () => {
      // Thu 12/2 → Fri 13/2 (1), 16–20/2 off, Mon 23 (2), 24 (3), 25 (4), 26 (5).
      expect(calendar.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
      expect(calendar.addWorkingDays('2026-02-12', 1)).toBe('2026-02-13');
      expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    });

    it('returns the date unchanged for n = 0, even on a day off', () => {
      expect(calendar.addWorkingDays('2026-02-17', 0)).toBe('2026-02-17');
    });

    it('starts counting after a day off', () => {
      expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-23');
    });

    it('crosses the year end into the 2026 New Year swap and its make-up Saturday', () => {
      // 1/1 holiday, 2/1 swapped, 3–4 weekend; Saturday 10/1 is worked.
      expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
      expect(calendar.addWorkingDays('2025-12-31', 5)).toBe('2026-01-09');
      expect(calendar.addWorkingDays('2025-12-31', 6)).toBe('2026-01-10');
      expect(calendar.addWorkingDays('2025-12-31', 7)).toBe('2026-01-12');
    });

    it('follows the 30/4–1/5 swaps of 2024 and 2025', () => {
      expect(calendar.addWorkingDays('2024-04-26', 1)).toBe('2024-05-02'); // 29/4 swapped
      expect(calendar.addWorkingDays('2024-05-03', 1)).toBe('2024-05-04'); // make-up Saturday
      expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26'); // make-up Saturday
      expect(calendar.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05'); // 2/5 swapped
    });

    it('follows the Quốc khánh 2026 swap', () => {
      expect(calendar.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
      expect(calendar.addWorkingDays('2026-08-28', 1)).toBe('2026-09-03');
    });

    it('uses the official Tết 2024 (8–14/2), not the statutory rule (9–15/2)', () => {
      expect(statutoryScheduleOf(2024).daysOff.map((day) => day.date)).toContain('2024-02-15');
      expect(calendar.addWorkingDays('2024-02-07', 1)).toBe('2024-02-15');
    });

    it('falls back to the statutory rule, with compensation, in a year without a schedule', () => {
      expect(calendar.addWorkingDays('2027-02-04', 1)).toBe('2027-02-12'); // Tết 5–9/2, bù 10–11/2
      expect(calendar.addWorkingDays('2027-04-29', 1)).toBe('2027-05-04'); // 30/4, bù 1/5 on 3/5
      expect(calendar.addWorkingDays('2028-04-28', 1)).toBe('2028-05-03'); // 30/4 Sun → bù 2/5
      expect(calendar.addWorkingDays('2027-12-31', 1)).toBe('2028-01-04'); // 1/1 Sat → bù 3/1
      expect(calendar.addWorkingDays('2029-08-31', 1)).toBe('2029-09-05'); // 2/9 Sun, 3/9, bù 4/9
    });

    it.each([-1, 1.5, Number.NaN])('rejects n = %p', (n) => {
      expect(() => calendar.addWorkingDays('2026-02-12', n)).toThrow(RangeError);
    });
  });

  describe('subtractWorkingDays', () => {
    it('goes back over Tết, not counting the date itself', () => {
      expect(calendar.subtractWorkingDays('2026-02-26', 3)).toBe('2026-02-23');
      expect(calendar.subtractWorkingDays('2026-02-26', 4)).toBe('2026-02-13');
      expect(calendar.subtractWorkingDays('2026-02-23', 3)).toBe('2026-02-11');
    });

    it('goes back across the year end and over the make-up Saturday', () => {
      expect(calendar.subtractWorkingDays('2026-01-12', 1)).toBe('2026-01-10');
      expect(calendar.subtractWorkingDays('2026-01-05', 1)).toBe('2025-12-31');
      expect(calendar.subtractWorkingDays('2026-01-05', 2)).toBe('2025-12-30');
    });

    it('returns the date unchanged for n = 0 and rejects a negative n', () => {
      expect(calendar.subtractWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
      expect(() => calendar.subtractWorkingDays('2026-02-15', -3)).toThrow(RangeError);
    });
  });

  describe('nextWorkingDay', () => {
    it('is the first working day strictly after the date', () => {
      expect(calendar.nextWorkingDay('2026-02-12')).toBe('2026-02-13');
      expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
      expect(calendar.nextWorkingDay('2026-04-24')).toBe('2026-04-28'); // Giỗ Tổ bù on 27/4
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days after `from` up to and including `to`', () => {
      expect(calendar.workingDaysBetween('2026-02-12', '2026-02-26')).toBe(5);
      expect(calendar.workingDaysBetween('2026-02-12', '2026-02-12')).toBe(0);
      expect(calendar.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0);
    });

    it('is negative when `to` is before `from`', () => {
      expect(calendar.workingDaysBetween('2026-02-26', '2026-02-12')).toBe(-5);
    });

    it('counts across years', () => {
      expect(calendar.workingDaysBetween('2025-12-31', '2026-01-10')).toBe(6);
      // 2026: 261 weekdays, 13 of them off, 2 make-up Saturdays.
      expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
      expect(calendar.workingDaysBetween('2023-06-15', '2028-06-15')).toBe(
        countByWalking('2023-06-15', '2028-06-15'),
      );
    });

    it('is the inverse of addWorkingDays', () => {
      const failures: string[] = [];
      for (let from = '2023-12-01'; from <= '2028-01-31'; from = addDays(from, 3)) {
        for (const n of [0, 1, 3, 5, 10, 20, 45]) {
          const due = calendar.addWorkingDays(from, n);
          if (calendar.workingDaysBetween(from, due) !== n)
            failures.push(`${from} + ${n} = ${due}`);
          if (n > 0 && calendar.subtractWorkingDays(due, n) > from) failures.push(`${due} - ${n}`);
          if (n > 0 && !calendar.isWorkingDay(due)) failures.push(`${due} is not a working day`);
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('schedules passed in', () => {
    const edited2026: YearSchedule = {
      year: 2026,
      source: 'Lịch đã chỉnh sửa (ví dụ)',
      daysOff: [{ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }],
      makeUpWorkdays: [],
    };
    const edited = new WorkingCalendar([edited2026]);

    it('replace the built-in schedule of their year entirely', () => {
      expect(edited.isWorkingDay('2026-11-24')).toBe(false);
      expect(edited.isWorkingDay('2026-02-17')).toBe(true);
      expect(edited.holidaysOf(2026)).toEqual([
        {
          date: '2026-11-24',
          name: 'Ngày Văn hóa Việt Nam',
          kind: 'day-off',
          source: 'official',
          reference: 'Lịch đã chỉnh sửa (ví dụ)',
        },
      ]);
    });

    it('leave other years alone', () => {
      expect(edited.isWorkingDay('2025-05-02')).toBe(false);
      expect(edited.scheduleOf(2027).source).toBe('statutory');
    });

    it('are validated', () => {
      const invalid = { ...edited2026, makeUpWorkdays: [{ date: '2026-11-25', name: 'Làm bù' }] };
      expect(() => new WorkingCalendar([invalid])).toThrow(InvalidYearScheduleError);
      expect(() => new WorkingCalendar([edited2026, edited2026])).toThrow('hai lần');
    });
  });

  describe('holidaysOf', () => {
    it('lists an official year with its make-up days and documents', () => {
      const holidays = calendar.holidaysOf(2026);
      expect(holidays.map((holiday) => holiday.date)).toEqual(
        [...holidays.map((h) => h.date)].sort(),
      );
      expect(holidays.every((holiday) => holiday.source === 'official')).toBe(true);
      expect(holidays.find((holiday) => holiday.date === '2026-01-10')).toEqual({
        date: '2026-01-10',
        name: 'Làm bù cho thứ Sáu 02/01/2026 (dịp Tết Dương lịch)',
        kind: 'make-up-workday',
        source: 'official',
        reference: expect.stringContaining('12729/VPCP-KGVX'),
      });
    });

    it('lists a statutory year', () => {
      const holidays = calendar.holidaysOf(2027);
      expect(holidays).toHaveLength(14);
      expect(holidays[0]).toEqual({
        date: '2027-01-01',
        name: 'Tết Dương lịch',
        kind: 'day-off',
        source: 'statutory',
        reference: expect.stringContaining('Bộ luật Lao động 2019'),
      });
    });
  });
});

/** Reference implementation: walk day by day, using only isWorkingDay. */
function countByWalking(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return count;
}
