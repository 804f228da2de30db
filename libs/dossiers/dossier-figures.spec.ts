import { receiptRanges } from './dossier-figures';

describe('receiptRanges', () => {
  it('reads whole months from the monthly counts and the days at either end from the daily ones', () => {
    expect(receiptRanges('2026-01-15', '2026-04-10')).toEqual({
      days: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
      months: { from: '2026-02-01', to: '2026-03-01' },
    });
  });

  it('needs no days when the period is whole months, and no bound when the period has none', () => {
    expect(receiptRanges('2026-02-01', '2026-03-31')).toEqual({
      days: [],
      months: { from: '2026-02-01', to: '2026-03-01' },
    });
    expect(receiptRanges(undefined, undefined)).toEqual({
      days: [],
      months: { from: null, to: null },
    });
    expect(receiptRanges('2025-12-15', undefined)).toEqual({
      days: [{ from: '2025-12-15', to: '2025-12-31' }],
      months: { from: '2026-01-01', to: null },
    });
  });

  it('keeps a period ending on the first of a month, or inside one month, in days', () => {
    expect(receiptRanges('2026-01-01', '2026-03-01')).toEqual({
      days: [{ from: '2026-03-01', to: '2026-03-01' }],
      months: { from: '2026-01-01', to: '2026-02-01' },
    });
    expect(receiptRanges('2026-02-10', '2026-02-20')).toEqual({
      days: [{ from: '2026-02-10', to: '2026-02-20' }],
      months: null,
    });
    expect(receiptRanges('2026-01-20', '2026-02-10')).toEqual({
      days: [{ from: '2026-01-20', to: '2026-02-10' }],
      months: null,
    });
  });
});
