import { todayIn } from '@cchc/calendar';
import { vietnamInstant } from './vietnam-instant';

describe('vietnamInstant', () => {
  it.each([
    // Without a time zone: Vietnam time, never UTC.
    ['2026-02-12T09:30:00', '2026-02-12T02:30:00.000Z'],
    ['2026-02-12T09:30', '2026-02-12T02:30:00.000Z'],
    ['2026-02-12 09:30:00.250', '2026-02-12T02:30:00.250Z'],
    ['2026-02-12', '2026-02-11T17:00:00.000Z'],
    // With one: as written.
    ['2026-02-12T09:30:00+07:00', '2026-02-12T02:30:00.000Z'],
    ['2026-02-12T09:30:00+0700', '2026-02-12T02:30:00.000Z'],
    ['2026-02-12T02:30:00Z', '2026-02-12T02:30:00.000Z'],
    ['2026-02-11T21:30:00-05:00', '2026-02-12T02:30:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(vietnamInstant(text)?.toISOString()).toBe(expected);
  });

  it('a receipt at 06:30 without a zone falls on that Vietnamese day, not the day before', () => {
    expect(todayIn(vietnamInstant('2026-02-12T06:30:00') as Date)).toBe('2026-02-12');
  });

  it.each([
    '2026-02-30T09:00:00',
    '2026-13-01',
    '2026-02-12T25:00',
    '12/02/2026',
    'hôm nay',
    '',
    '2026-W07-4',
    '2026-043',
    '20260212T093000Z',
  ])('refuses %j', (text) => {
    expect(vietnamInstant(text)).toBeNull();
  });
});
