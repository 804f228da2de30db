import { auditFiltersFromSearch, auditQuery, searchFromAuditFilters } from './audit-filters';

describe('audit filters ↔ URL', () => {
  it('round-trips every filter through the URL', () => {
    const filters = {
      actor: '6f1c1f4e-0000-4000-8000-000000000001',
      type: 'reform-task',
      event: 'LOGIN_FAILED',
      unit: '6f1c1f4e-0000-4000-8000-000000000002',
      from: '2026-03-01',
      to: '2026-03-31',
    };
    expect(auditFiltersFromSearch(searchFromAuditFilters(filters))).toEqual(filters);
  });

  it('leaves blank filters out, and pages by cursor', () => {
    expect(auditFiltersFromSearch(new URLSearchParams('type=%20&event='))).toEqual({});
    expect(auditQuery({ type: 'user' }, 50, '1767225600000.42')).toEqual({
      type: 'user',
      limit: 50,
      cursor: '1767225600000.42',
    });
  });
});
