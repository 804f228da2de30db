import type { paths } from '../api/schema';

/** The query of GET /tasks, as the API's document says. */
export type TaskQuery = NonNullable<paths['/tasks']['get']['parameters']['query']>;

/** The task list's filters; they live in the URL so that a link shares the view. */
export interface TaskFilters {
  state?: string;
  leadUnitId?: string;
  leaderId?: string;
  planId?: string;
  areaCode?: string;
  overdue?: boolean;
  dueAfter?: string;
  dueBefore?: string;
  text?: string;
  page: number;
}

const TEXT_KEYS = [
  'state',
  'leadUnitId',
  'leaderId',
  'planId',
  'areaCode',
  'dueAfter',
  'dueBefore',
  'text',
] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromSearch(params: URLSearchParams): TaskFilters {
  const filters: TaskFilters = { page: 1 };
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if ((key === 'dueAfter' || key === 'dueBefore') && !ISO_DATE.test(value)) continue;
    filters[key] = value;
  }
  if (params.get('overdue') === 'true') filters.overdue = true;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) filters.page = page;
  return filters;
}

export function searchFromFilters(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The same filters as the API's query; the page size is the console's. */
export function taskQuery(filters: TaskFilters, pageSize: number): TaskQuery {
  // The values come from the URL unchecked: the API judges them (a bad one is a 400 naming it).
  return { ...filters, overdue: filters.overdue ? true : undefined, pageSize } as TaskQuery;
}
