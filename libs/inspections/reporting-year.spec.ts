import { NATIONAL_ANNUAL_RULE, reportingYear, reportingYearOf } from './reporting-year';

describe('reporting year', () => {
  it('runs 15/12 of the year before – 14/12 under the national preset', () => {
    expect(reportingYear(NATIONAL_ANNUAL_RULE, 2026)).toEqual({
      year: 2026,
      from: '2025-12-15',
      to: '2026-12-14',
    });
  });

  it('puts a day after the annual cut-off in the next year', () => {
    expect(reportingYearOf(NATIONAL_ANNUAL_RULE, '2026-06-14').from).toBe('2025-12-15');
    expect(reportingYearOf(NATIONAL_ANNUAL_RULE, '2026-12-14').year).toBe(2026);
    expect(reportingYearOf(NATIONAL_ANNUAL_RULE, '2026-12-15')).toMatchObject({
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
});
