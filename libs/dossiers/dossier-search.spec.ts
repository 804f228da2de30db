import { dossierSearch, filterIndexes, searchPlan, SEARCH_COUNT_CAP } from './dossier-search';

describe('dossierSearch', () => {
  it('reads one word with a digit as the start of a code', () => {
    expect(dossierSearch('  H12.34-260212-0001 ')).toEqual({
      property: 'code',
      column: 'code',
      pattern: 'H12.34-260212-0001%',
      index: 'idx_dossiers_list_code',
    });
    expect(dossierSearch('0001')?.property).toBe('code');
  });

  it('reads anything else as the start of a name, white space collapsed as the column stores it', () => {
    expect(dossierSearch(' nguyen \u00a0 van\ta ')).toEqual({
      property: 'applicantSearch',
      column: 'applicant_search',
      pattern: 'nguyen van a%',
      index: 'idx_dossiers_list_applicant',
    });
    // an organisation's name may hold digits; a code has no space
    expect(dossierSearch('Công ty TNHH 3A')?.property).toBe('applicantSearch');
    expect(dossierSearch('HS-')?.property).toBe('applicantSearch');
  });

  it('composes a decomposed name and escapes LIKE wildcards', () => {
    expect(dossierSearch('Nguye\u0302\u0303n')?.pattern).toBe('Nguyễn%');
    expect(dossierSearch('50%_a\\b')?.pattern).toBe('50\\%\\_a\\\\b%');
  });

  it('drops the marks NFC could not compose, as the stored column does', () => {
    expect(dossierSearch('\u0301Nguyễn van\u20dd')?.pattern).toBe('Nguyễn van%');
  });

  it('looks for nothing when only white space or marks were typed', () => {
    expect(dossierSearch(' \t ')).toBeNull();
    expect(dossierSearch('\u0301\u0323')).toBeNull();
  });
});

describe('searchPlan', () => {
  const name = dossierSearch('nguyen') as NonNullable<ReturnType<typeof dossierSearch>>;

  it('lets MariaDB choose between the search index and the list index for a search alone', () => {
    expect(searchPlan(name, null)).toEqual({
      indexes: 'idx_dossiers_list_applicant, idx_dossiers_list',
      countCap: 1000,
    });
  });

  it("with other filters, reads the range of a prefix matching up to 1,000, else the filters' indexes", () => {
    const filters = ['idx_dossiers_ward_state', 'idx_dossiers_list_received'];
    expect(searchPlan(name, filters, 1000)).toEqual({
      indexes: 'idx_dossiers_list_applicant',
      countCap: 1000,
    });
    expect(
      searchPlan(name, ['idx_dossiers_ward_state', 'idx_dossiers_list_apology'], 1001),
    ).toEqual({
      indexes: 'idx_dossiers_ward_state, idx_dossiers_list_apology, idx_dossiers_list',
      countCap: SEARCH_COUNT_CAP,
    });
    // A received period: its own range only, never the ward's list walked from its start.
    expect(searchPlan(name, filters, 1001)).toEqual({
      indexes: 'idx_dossiers_list_received',
      countCap: SEARCH_COUNT_CAP,
    });
    // Not overdue, appointment dates: no range of their own; the list walked in order.
    expect(searchPlan(name, [], 1001)).toEqual({
      indexes: 'idx_dossiers_list',
      countCap: SEARCH_COUNT_CAP,
    });
  });
});

describe('filterIndexes', () => {
  it("names the other filters' indexes, none when none is sent", () => {
    expect(filterIndexes({ page: 1, pageSize: 20 } as Record<string, unknown>)).toBeNull();
    expect(
      filterIndexes({ state: 'processing', receivedFrom: '2026-02-01', receivedTo: '2026-02-07' }),
    ).toEqual([
      'idx_dossiers_ward_state',
      'idx_dossiers_list_received',
      'idx_dossiers_list_received',
    ]);
    expect(filterIndexes({ overdue: true })).toEqual(['idx_dossiers_list_overdue']);
    // Sent, but no range of an index of their own: the list is walked.
    expect(filterIndexes({ overdue: false, appointmentTo: '2026-03-01' })).toEqual([]);
  });
});
