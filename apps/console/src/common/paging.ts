/** A page of a keyset-paged list (GET /tasks, GET /dossiers). */
export interface ListPage {
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
  items: unknown[];
}

/**
 * The row count the table's pager shows: the server counts only up to a cap, so while it says a
 * next page exists (nextCursor) the pager always offers one, and on the last page it counts exactly.
 */
export function pagerTotal(data: ListPage | undefined, page: number, pageSize: number): number {
  if (!data) return 0;
  if (data.nextCursor) return Math.max(data.total, page * pageSize + 1);
  return data.totalCapped ? (page - 1) * pageSize + data.items.length : data.total;
}
