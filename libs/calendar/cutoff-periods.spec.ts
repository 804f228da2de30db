import {
  countedFrom,
  cutoffSpan,
  reportingYear,
  reportingYearOf,
  type AnnualReportingRule,
} from './cutoff-periods';

describe('cutoffSpan', () => {
  it.each([
    ['the first quarter', 1, 3, '2025-12-15', '2026-03-14'],
    ['the second quarter', 4, 6, '2026-03-15', '2026-06-14'],
    ['July', 7, 7, '2026-06-15', '2026-07-14'],
    ['nine months', 1, 9, '2025-12-15', '2026-09-14'],
    ['the year', 1, 12, '2025-12-15', '2026-12-14'],
  ])('counts %s of 2026 (cut-off 14) %s – %s', (_, first, last, from, to) => {
    expect(cutoffSpan(2026, first, last, 14)).toEqual({ from, to });
  });

  it('keeps a cut-off day of its own', () => {
    expect(cutoffSpan(2026, 1, 12, 9)).toEqual({ from: '2025-12-10', to: '2026-12-09' });
  });
});

describe('countedFrom', () => {
  const q3 = cutoffSpan(2025, 7, 9, 14); // 15/06/2025 – 14/09/2025

  it('counts from the day a ward starts counting when it falls inside the span', () => {
    expect(countedFrom(q3, '2025-07-01')).toEqual({ from: '2025-07-01', to: '2025-09-14' });
    expect(countedFrom(q3, '2025-09-14')).toEqual({ from: '2025-09-14', to: '2025-09-14' });
  });

  it('counts the whole span from a day before it, or with no such day', () => {
    expect(countedFrom(q3, null)).toEqual(q3);
    expect(countedFrom(q3, '2025-06-15')).toEqual(q3);
    expect(countedFrom(q3, '2024-01-01')).toEqual(q3);
  });

  it('has nothing to count when the ward starts after the span ends', () => {
    expect(countedFrom(q3, '2025-09-15')).toBeNull();
  });
});

describe('reporting year', () => {
  const national: AnnualReportingRule = { cutoffDay: 14, countFrom: null };

  it('runs 15/12 of the year before – 14/12 under the national preset', () => {
    expect(reportingYear(national, 2026)).toEqual({
      year: 2026,
      from: '2025-12-15',
      to: '2026-12-14',
    });
  });

  it('puts a day after the annual cut-off in the next year', () => {
    expect(reportingYearOf(national, '2026-06-14').from).toBe('2025-12-15');
    expect(reportingYearOf(national, '2026-12-14').year).toBe(2026);
    expect(reportingYearOf(national, '2026-12-15')).toMatchObject({
      year: 2027,
      from: '2026-12-15',
    });
  });

  it("starts a ward's first year on the day it starts counting, and keeps its own cut-off day", () => {
    const founded = { cutoffDay: 14, countFrom: '2025-07-01' };
    expect(reportingYear(founded, 2025)).toMatchObject({ from: '2025-07-01', to: '2025-12-14' });
    expect(reportingYear(founded, 2026).from).toBe('2025-12-15');
    expect(reportingYear({ cutoffDay: 9, countFrom: null }, 2026)).toMatchObject({
      from: '2025-12-10',
      to: '2026-12-09',
    });
  });

  it('counts a year the ward has not begun counting in whole', () => {
    expect(reportingYear({ cutoffDay: 14, countFrom: '2026-01-10' }, 2025)).toEqual({
      year: 2025,
      from: '2024-12-15',
      to: '2025-12-14',
    });
  });
});
