import { describe, expect, it } from 'vitest';
import { pagerTotal } from './paging';

const page = (total: number, totalCapped: boolean, nextCursor: string | null, items = 20) => ({
  total,
  totalCapped,
  nextCursor,
  items: Array.from({ length: items }),
});

describe('pagerTotal', () => {
  it('is the exact count when the server counted every row', () => {
    expect(pagerTotal(page(45, false, 'c'), 1, 20)).toBe(45);
    expect(pagerTotal(page(45, false, null, 5), 3, 20)).toBe(45);
  });

  it('always offers the next page while the server has one beyond its capped count', () => {
    expect(pagerTotal(page(1000, true, 'c'), 50, 20)).toBe(1001);
    expect(pagerTotal(page(1000, true, 'c'), 3, 20)).toBe(1000);
  });

  it('counts the rows up to the last page once there is no next page', () => {
    expect(pagerTotal(page(1000, true, null, 7), 60, 20)).toBe(1187);
  });
});
