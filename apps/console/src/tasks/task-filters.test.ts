import { filtersFromSearch, searchFromFilters } from './task-filters';

describe('task filters ↔ URL', () => {
  it('reads every filter from the URL and writes it back the same', () => {
    const search =
      'state=overdue&leadUnitId=u1&leaderId=l1&dueAfter=2026-01-01&dueBefore=2026-06-30&text=c%C3%B4ng+khai&overdue=true&page=3';
    const filters = filtersFromSearch(new URLSearchParams(search));
    expect(filters).toEqual({
      state: 'overdue',
      leadUnitId: 'u1',
      leaderId: 'l1',
      dueAfter: '2026-01-01',
      dueBefore: '2026-06-30',
      text: 'công khai',
      overdue: true,
      page: 3,
    });
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('drops what is not a filter value: malformed dates, pages below 2, blank text', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('dueAfter=30/02/2026&page=-4&text=%20%20&overdue=yes'),
    );
    expect(filters).toEqual({ page: 1 });
    expect(searchFromFilters(filters).toString()).toBe('');
  });
});
