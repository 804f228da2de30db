import type { paths } from '../api/schema';

/** The query of GET /audit (and of its XLSX export), as the API's document says. */
export type AuditListQuery = NonNullable<paths['/audit']['get']['parameters']['query']>;

/** The audit page's filters; they live in the URL so that a link shares the view. */
export interface AuditFilters {
  actor?: string;
  type?: string;
  event?: string;
  unit?: string;
  from?: string;
  to?: string;
}

const KEYS = ['actor', 'type', 'event', 'unit', 'from', 'to'] as const;

export function auditFiltersFromSearch(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function searchFromAuditFilters(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** The API's query for one page; the values are the API's to judge (a bad one is a 400). */
export function auditQuery(filters: AuditFilters, limit: number, cursor?: string): AuditListQuery {
  return { ...filters, limit, cursor } as AuditListQuery;
}
