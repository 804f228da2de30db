import { COUNT_CAP, escapeLike } from '@cchc/common';

/** `?q=` of the dossier list is at most this long (a code is 64, a name rarely half of 100). */
export const SEARCH_MAX_LENGTH = 100;

/** The list's index, in its order, ending with the code and the name (migration 1763804800000). */
export const LIST_INDEX = 'idx_dossiers_list';

/**
 * A search whose prefix matches many dossiers, with another filter, counts its matches up to
 * here: each counted dossier is an entry of a filter's index (or the list's) whose name is
 * checked, and a common surname with a filter that has no range of its own ("Nguyễn", not
 * overdue) would otherwise read most of the ward's entries to reach COUNT_CAP (the task list's
 * text search counts to 100 too).
 */
export const SEARCH_COUNT_CAP = 100;

/** What `?q=` looks for: the start of the dossier's code, or of its applicant's name. */
export interface DossierSearch {
  /** The entity property compared. */
  property: 'code' | 'applicantSearch';
  /** Its column. */
  column: 'code' | 'applicant_search';
  /** A LIKE pattern: the text typed, wildcards escaped, then `%`. */
  pattern: string;
  /**
   * The search's own index: the column, then the list's order and every filter's column; a
   * prefix matching few dossiers is a short range of it.
   */
  index: 'idx_dossiers_list_code' | 'idx_dossiers_list_applicant';
}

/**
 * How the list reads `?q=`: white space trimmed and collapsed (as the stored `applicant_search`),
 * then a code when it is one word holding a digit (a one-stop system's code always has digits,
 * a person's name never), else a name. Either matches from its start, exactly or as a prefix:
 * a code in its column's collation (case-insensitive), a name case- and accent-insensitively
 * with "đ" = "d" ("nguyen van a" finds "Nguyễn Văn An"). Null when nothing is left to look for.
 */
export function dossierSearch(q: string): DossierSearch | null {
  const text = q.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!text) return null;
  if (!text.includes(' ') && /\p{Nd}/u.test(text)) {
    return {
      property: 'code',
      column: 'code',
      pattern: prefix(text),
      index: 'idx_dossiers_list_code',
    };
  }
  // As the column drops them: a mark NFC could not compose onto its letter.
  const name = text.replace(/\p{M}+/gu, '');
  return name
    ? {
        property: 'applicantSearch',
        column: 'applicant_search',
        pattern: prefix(name),
        index: 'idx_dossiers_list_applicant',
      }
    : null;
}

/** `text` from the start: LIKE's wildcards (and its escape) typed are themselves. */
const prefix = (text: string) => `${escapeLike(text)}%`;

/** Which indexes a search's page and count read (USE INDEX), and how far it counts. */
export interface SearchPlan {
  indexes: string;
  countCap: number;
}

/**
 * How a search is read; `filterIndexes` are the indexes of the other filters sent (each ends
 * with the code and the name), `prefixMatches` the prefix's matches alone counted up to
 * COUNT_CAP + 1 (from the search's own index, no row read) when there are other filters.
 * - Alone, MariaDB may take the search's index or the list's and picks right by the prefix's
 *   range estimate (an index dive): few matches — the range, sorted; many — the list's index
 *   walked in order, the page found after a few dozen entries; the count reads the search's
 *   range either way.
 * - With other filters its guess of the two together chose to sort a whole surname's range
 *   (76,000 entries for "Nguyễn" in a 200,000-dossier ward) for a page. Up to COUNT_CAP matches,
 *   the search's range is read with the filters checked on its entries, and sorted; beyond, the
 *   filters' own indexes (or the list's, walked in order) with the search checked on their
 *   entries, counting up to SEARCH_COUNT_CAP: a filter without a range of its own (not overdue)
 *   walks the list until it has counted that many.
 */
export function searchPlan(
  search: DossierSearch,
  filterIndexes: string[] | null,
  prefixMatches?: number,
): SearchPlan {
  if (!filterIndexes) return { indexes: `${search.index}, ${LIST_INDEX}`, countCap: COUNT_CAP };
  if (prefixMatches !== undefined && prefixMatches <= COUNT_CAP)
    return { indexes: search.index, countCap: COUNT_CAP };
  // A received period sits together in the appointment order, not spread along it (see the
  // list service): its own range, never the list walked from its start.
  const received = filterIndexes.includes(RECEIVED_INDEX);
  return {
    indexes: received ? RECEIVED_INDEX : [...new Set([...filterIndexes, LIST_INDEX])].join(', '),
    countCap: SEARCH_COUNT_CAP,
  };
}

const RECEIVED_INDEX = 'idx_dossiers_list_received';

/** The index of each list filter that has one, for a search combined with it. */
const FILTER_INDEXES = {
  state: 'idx_dossiers_ward_state',
  handlingUnitId: 'idx_dossiers_list_unit',
  receivedFrom: RECEIVED_INDEX,
  receivedTo: RECEIVED_INDEX,
  apology: 'idx_dossiers_list_apology',
  overdue: 'idx_dossiers_list_overdue',
  appointmentFrom: null,
  appointmentTo: null,
} as const;

/**
 * The indexes of the list's other filters sent, for searchPlan: those that have one (overdue
 * only when `true`: not overdue is no range of its index; appointment dates are the list's own
 * order); null when no other filter is sent.
 */
export function filterIndexes(
  query: Partial<Record<keyof typeof FILTER_INDEXES, unknown>>,
): string[] | null {
  const sent = (Object.keys(FILTER_INDEXES) as (keyof typeof FILTER_INDEXES)[]).filter(
    (name) => query[name] !== undefined,
  );
  if (sent.length === 0) return null;
  return sent.flatMap((name) => {
    const index = FILTER_INDEXES[name];
    return index && !(name === 'overdue' && query.overdue !== true) ? [index] : [];
  });
}
