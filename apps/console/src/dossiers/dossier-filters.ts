import type { paths } from '../api/schema';

/** The query of GET /dossiers, as the API's document says. */
export type DossierQuery = NonNullable<paths['/dossiers']['get']['parameters']['query']>;

/** The dossier list's filters; they live in the URL so that a link shares the view. */
export interface DossierFilters {
  /** The start of a dossier code or of an applicant's name (the API's `q`). */
  q?: string;
  state?: string;
  receivedFrom?: string;
  receivedTo?: string;
  appointmentFrom?: string;
  appointmentTo?: string;
  apology?: string;
  overdue?: boolean;
  page: number;
}

const TEXT_KEYS = ['q', 'state', 'apology'] as const;

/** The API refuses a longer `q`; the search box stops there. */
export const SEARCH_MAX_LENGTH = 100;
const DATE_KEYS = ['receivedFrom', 'receivedTo', 'appointmentFrom', 'appointmentTo'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function dossierFiltersFromSearch(params: URLSearchParams): DossierFilters {
  const filters: DossierFilters = { page: 1 };
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  for (const key of DATE_KEYS) {
    const value = params.get(key)?.trim();
    if (value && ISO_DATE.test(value)) filters[key] = value;
  }
  if (params.get('overdue') === 'true') filters.overdue = true;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) filters.page = page;
  return filters;
}

export function searchFromDossierFilters(filters: DossierFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [...TEXT_KEYS, ...DATE_KEYS]) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The same filters as the API's query; the page size is the console's. */
export function dossierQuery(filters: DossierFilters, pageSize: number): DossierQuery {
  // The values come from the URL unchecked: the API judges them (a bad one is a 400 naming it).
  return { ...filters, overdue: filters.overdue ? true : undefined, pageSize } as DossierQuery;
}
