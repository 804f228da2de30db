import { bestMatchingValue, overlapDays } from './entered-values';

const value = (
  from: string,
  to: string,
  figure: number,
  enteredAt = '2026-06-18T09:00:00+07:00',
) => ({
  from,
  to,
  value: figure,
  enteredAt: new Date(enteredAt),
});
const now = new Date('2027-01-05T09:00:00+07:00');
const pick = (values: ReturnType<typeof value>[], from: string, to: string, knownAt = now) =>
  bestMatchingValue(values, from, to, knownAt)?.value;

describe('entered target values', () => {
  const q1 = value('2025-12-15', '2026-03-14', 85, '2026-03-18T09:00:00+07:00');
  const q2 = value('2026-03-15', '2026-06-14', 88, '2026-06-16T09:00:00+07:00');
  const q3 = value('2026-06-15', '2026-09-14', 81, '2026-09-16T09:00:00+07:00');
  const q4 = value('2026-09-15', '2026-12-14', 79, '2026-12-16T09:00:00+07:00');
  const calendarYear = value('2026-01-01', '2026-12-31', 70, '2026-12-18T09:00:00+07:00');

  it('counts the days a period shares with the window, both ends included', () => {
    expect(overlapDays(q2, '2026-03-15', '2026-06-14')).toBe(92);
    expect(overlapDays(calendarYear, '2025-12-15', '2026-12-14')).toBe(348);
    expect(overlapDays(q1, '2026-03-15', '2026-06-14')).toBe(0);
  });

  it("takes a quarter's value entered after its cut-off, once entered", () => {
    expect(pick([q2], '2026-03-15', '2026-06-14')).toBe(88);
    // Read before it was entered (a compile on the 15th), it is not known yet.
    expect(pick([q2], '2026-03-15', '2026-06-14', new Date('2026-06-15T09:00:00+07:00'))).toBe(
      undefined,
    );
  });

  it("gives the annual report (15/12–14/12) the calendar year's value, not a quarter's", () => {
    expect(pick([q1, calendarYear], '2025-12-15', '2026-12-14')).toBe(70);
    expect(pick([q1, q2, q3, q4, calendarYear], '2025-12-15', '2026-12-14')).toBe(70);
    // The year's own value fits best of all.
    const annual = value('2025-12-15', '2026-12-14', 72, '2026-12-17T09:00:00+07:00');
    expect(pick([calendarYear, annual], '2025-12-15', '2026-12-14')).toBe(72);
  });

  it("gives a quarter its own value over the year's, and a year of quarters its last quarter", () => {
    expect(pick([calendarYear, q2], '2026-03-15', '2026-06-14')).toBe(88);
    expect(pick([q1, q2, q3, q4], '2025-12-15', '2026-12-14')).toBe(79);
    // A year so far (the targets page in July): Q2, the last quarter that is over.
    expect(pick([q1, q2], '2025-12-15', '2026-07-20')).toBe(88);
    // Six months cover more of it than either quarter.
    expect(pick([q1, q2, value('2025-12-15', '2026-06-14', 86)], '2025-12-15', '2026-07-20')).toBe(
      86,
    );
  });

  it("never takes a period mostly outside the window: last year's value is no figure of this one", () => {
    const year2025 = value('2025-01-01', '2025-12-31', 95, '2026-01-10T09:00:00+07:00');
    // It shares 17 days (15–31/12/2025) with Q1 2026 and with the reporting year 2026.
    expect(pick([year2025], '2025-12-15', '2026-03-14')).toBe(undefined);
    expect(pick([year2025], '2025-12-15', '2026-12-14')).toBe(undefined);
    expect(pick([year2025, q1], '2025-12-15', '2026-03-14')).toBe(85);
  });

  it('prefers the value entered last between two of the same period', () => {
    const again = { ...q2, value: 90, enteredAt: new Date('2026-06-19T09:00:00+07:00') };
    expect(pick([again, q2], '2026-03-15', '2026-06-14')).toBe(90);
    expect(pick([q2, again], '2026-03-15', '2026-06-14')).toBe(90);
  });
});
