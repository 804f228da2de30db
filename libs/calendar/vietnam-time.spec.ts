import { endOfDayInstant, todayIn } from './vietnam-time';

describe('vietnam-time', () => {
  it('gives the date in Asia/Ho_Chi_Minh, which is 7 hours ahead of UTC', () => {
    expect(todayIn(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(todayIn(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
    expect(todayIn(new Date('2026-02-17T00:00:00+07:00'))).toBe('2026-02-17');
  });

  it('ends a day at 23:59:59.999 +07:00', () => {
    expect(endOfDayInstant('2026-02-26').toISOString()).toBe('2026-02-26T16:59:59.999Z');
    expect(todayIn(endOfDayInstant('2026-02-26'))).toBe('2026-02-26');
    expect(todayIn(new Date(endOfDayInstant('2026-02-26').getTime() + 1))).toBe('2026-02-27');
  });

  it('rejects a malformed date', () => {
    expect(() => endOfDayInstant('26/02/2026')).toThrow('YYYY-MM-DD');
  });
});
