import {
  dossierFiltersFromSearch,
  dossierQuery,
  searchFromDossierFilters,
} from './dossier-filters';

describe('dossier filters ↔ URL', () => {
  it('round-trips every filter through the URL', () => {
    const filters = {
      q: 'Nguyễn Văn An',
      state: 'processing',
      receivedFrom: '2026-02-01',
      receivedTo: '2026-02-28',
      appointmentFrom: '2026-03-01',
      appointmentTo: '2026-03-31',
      apology: 'pending',
      overdue: true,
      page: 3,
    };
    expect(dossierFiltersFromSearch(searchFromDossierFilters(filters))).toEqual(filters);
  });

  it('drops malformed dates, pages and overdue values instead of sending them', () => {
    const params = new URLSearchParams(
      'receivedFrom=01/02/2026&appointmentTo=2026-3-1&page=-2&overdue=yes&state=%20&q=%20%20',
    );
    expect(dossierFiltersFromSearch(params)).toEqual({ page: 1 });
  });

  it('leaves page 1 and unset filters out of the URL, and sends overdue only when true', () => {
    expect(searchFromDossierFilters({ page: 1, overdue: false }).toString()).toBe('');
    expect(dossierQuery({ page: 2, overdue: false }, 20)).toEqual({
      page: 2,
      overdue: undefined,
      pageSize: 20,
    });
  });

  it('keeps the search as typed (trimmed) in the URL and sends it as q', () => {
    const params = new URLSearchParams('q=%20nguyen%20van%20a%20&page=2');
    const filters = dossierFiltersFromSearch(params);
    expect(filters).toEqual({ q: 'nguyen van a', page: 2 });
    expect(searchFromDossierFilters(filters).toString()).toBe('q=nguyen+van+a&page=2');
    expect(dossierQuery(filters, 20)).toMatchObject({ q: 'nguyen van a', page: 2 });
  });
});
