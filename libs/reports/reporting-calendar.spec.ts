import { OFFICIAL_SCHEDULES, WorkingCalendar } from '@cchc/calendar';
import {
  InvalidPeriodError,
  NATIONAL_REPORTING_CALENDAR,
  nextPeriodRef,
  reportPeriod,
  ReportingCalendarRules,
  validateReportingCalendar,
} from './reporting-calendar';

const calendar = new WorkingCalendar(OFFICIAL_SCHEDULES);
const national = NATIONAL_REPORTING_CALENDAR;

describe('reportPeriod (national preset)', () => {
  it.each([
    ['quy', 1, 'Quý I/2026', '2025-12-15', '2026-03-14'],
    ['quy', 2, 'Quý II/2026', '2026-03-15', '2026-06-14'],
    ['quy', 3, 'Quý III/2026', '2026-06-15', '2026-09-14'],
    ['quy', 4, 'Quý IV/2026', '2026-09-15', '2026-12-14'],
    ['sau_thang', 1, '6 tháng đầu năm 2026', '2025-12-15', '2026-06-14'],
    ['chin_thang', 1, '9 tháng năm 2026', '2025-12-15', '2026-09-14'],
    ['nam', 1, 'Năm 2026', '2025-12-15', '2026-12-14'],
    ['thang', 1, 'Tháng 1/2026', '2025-12-15', '2026-01-14'],
    ['thang', 7, 'Tháng 7/2026', '2026-06-15', '2026-07-14'],
  ] as const)('%s %i: %s counts %s – %s', (kind, index, label, from, cutoffDate) => {
    expect(reportPeriod(national, { kind, year: 2026, index }, calendar)).toMatchObject({
      label,
      from,
      cutoffDate,
    });
  });

  it('sends the report upstream by the 20th of the last month, moved back to a working day', () => {
    // 20/3/2026 is a Friday; 20/6/2026 a Saturday → Friday 19/6; 20/9/2026 a Sunday → 18/9.
    expect(
      reportPeriod(national, { kind: 'quy', year: 2026, index: 1 }, calendar).upstreamDueDate,
    ).toBe('2026-03-20');
    expect(
      reportPeriod(national, { kind: 'sau_thang', year: 2026, index: 1 }, calendar).upstreamDueDate,
    ).toBe('2026-06-19');
    expect(
      reportPeriod(national, { kind: 'chin_thang', year: 2026, index: 1 }, calendar)
        .upstreamDueDate,
    ).toBe('2026-09-18');
  });

  it('refuses an index the kind does not have', () => {
    expect(() => reportPeriod(national, { kind: 'quy', year: 2026, index: 5 }, calendar)).toThrow(
      InvalidPeriodError,
    );
    expect(() => reportPeriod(national, { kind: 'nam', year: 2026, index: 2 }, calendar)).toThrow(
      InvalidPeriodError,
    );
  });

  it('follows a quarter with the next, and Q4 with Q1 of the next year', () => {
    expect(nextPeriodRef({ kind: 'quy', year: 2026, index: 1 })).toEqual({
      kind: 'quy',
      year: 2026,
      index: 2,
    });
    expect(nextPeriodRef({ kind: 'quy', year: 2026, index: 4 })).toEqual({
      kind: 'quy',
      year: 2027,
      index: 1,
    });
  });

  it('follows 6 and 9 months with the rest of the same year, to the year’s cut-off', () => {
    for (const kind of ['sau_thang', 'chin_thang'] as const) {
      const next = reportPeriod(national, nextPeriodRef({ kind, year: 2026, index: 1 }), calendar);
      expect({ kind, cutoffDate: next.cutoffDate }).toEqual({ kind, cutoffDate: '2026-12-14' });
    }
    expect(nextPeriodRef({ kind: 'nam', year: 2026, index: 1 })).toEqual({
      kind: 'nam',
      year: 2027,
      index: 1,
    });
    expect(nextPeriodRef({ kind: 'thang', year: 2026, index: 12 })).toEqual({
      kind: 'thang',
      year: 2027,
      index: 1,
    });
  });
});

describe('reportPeriod (a ward changes the preset)', () => {
  // Founded 1/7/2025; contributions due by the 9th of the quarter's last month.
  const ward: ReportingCalendarRules = {
    ...national,
    countFrom: '2025-07-01',
    periods: Object.fromEntries(
      Object.entries(national.periods).map(([kind, rule]) => [
        kind,
        { ...rule, contributionDueDay: 9 },
      ]),
    ) as ReportingCalendarRules['periods'],
  };

  it('counts from its founding day inside the period that contains it', () => {
    expect(reportPeriod(ward, { kind: 'quy', year: 2025, index: 3 }, calendar)).toMatchObject({
      from: '2025-07-01',
      cutoffDate: '2025-09-14',
    });
    expect(reportPeriod(ward, { kind: 'nam', year: 2025, index: 1 }, calendar).from).toBe(
      '2025-07-01',
    );
    expect(reportPeriod(ward, { kind: 'quy', year: 2026, index: 1 }, calendar).from).toBe(
      '2025-12-15',
    );
  });

  it('refuses a period that ended before the ward existed', () => {
    expect(() => reportPeriod(ward, { kind: 'quy', year: 2025, index: 2 }, calendar)).toThrow(
      /01\/7|2025-07-01/,
    );
  });

  it('asks for contributions by the 9th, on a working day', () => {
    // 9/3/2026 is a Monday; 9/6/2026 a Tuesday; 9/8/2026 a Sunday (monthly) → Friday 7/8.
    expect(
      reportPeriod(ward, { kind: 'quy', year: 2026, index: 1 }, calendar).contributionDueDate,
    ).toBe('2026-03-09');
    expect(
      reportPeriod(ward, { kind: 'quy', year: 2026, index: 2 }, calendar).contributionDueDate,
    ).toBe('2026-06-09');
    expect(
      reportPeriod(ward, { kind: 'thang', year: 2026, index: 8 }, calendar).contributionDueDate,
    ).toBe('2026-08-07');
    expect(
      reportPeriod(
        { ...ward, dueDayShift: 'after' },
        { kind: 'thang', year: 2026, index: 8 },
        calendar,
      ).contributionDueDate,
    ).toBe('2026-08-10');
    expect(
      reportPeriod(
        { ...ward, dueDayShift: 'none' },
        { kind: 'thang', year: 2026, index: 8 },
        calendar,
      ).contributionDueDate,
    ).toBe('2026-08-09');
  });

  it('moves a due day that falls in Tết to the working day before it', () => {
    // Tết Bính Ngọ: 17/2/2026; 20/2/2026 is a holiday → the last working day before Tết.
    const due = reportPeriod(
      national,
      { kind: 'thang', year: 2026, index: 2 },
      calendar,
    ).upstreamDueDate;
    expect(calendar.isWorkingDay(due)).toBe(true);
    expect(due < '2026-02-17').toBe(true);
  });
});

describe('validateReportingCalendar', () => {
  it('accepts the preset and names every wrong field', () => {
    expect(validateReportingCalendar(national)).toEqual([]);
    const wrong = {
      ...national,
      countFrom: '2025-02-30',
      dueDayShift: 'sideways',
      periods: {
        ...national.periods,
        quy: { cutoffDay: 31, contributionDueDay: 0, upstreamDueDay: 20 },
      },
    } as unknown as ReportingCalendarRules;
    expect(validateReportingCalendar(wrong)).toEqual([
      'periods.quy.cutoffDay: phải là ngày từ 1 đến 28',
      'periods.quy.contributionDueDay: phải là ngày từ 1 đến 28',
      'countFrom: phải là ngày YYYY-MM-DD',
      'dueDayShift: phải là before, after hoặc none',
    ]);
  });
});
