import { InstanceRow } from './group-read';

/**
 * The rows this process wrote last, as a read would return them, so that the next transition of
 * an instance usually skips its read. A row is only taken at the version the client saw, and the
 * write is guarded by that version: the database holds exactly that row (one transition commits
 * per version), or the guard fails and the client hears it is stale, as after a read.
 */
export class RecentRows {
  private readonly rows = new Map<string, InstanceRow>();

  constructor(private readonly capacity: number) {}

  get(table: string, id: string, version: number): InstanceRow | undefined {
    const row = this.rows.get(`${table}/${id}`);
    return row?.version === version ? row : undefined;
  }

  set(table: string, row: InstanceRow): void {
    const key = `${table}/${row.id}`;
    // Re-inserted, so the Map's order is the order of last writes and the oldest go first.
    this.rows.delete(key);
    this.rows.set(key, row);
    if (this.rows.size > this.capacity) this.rows.delete(this.rows.keys().next().value as string);
  }

  forget(table: string, id: string): void {
    this.rows.delete(`${table}/${id}`);
  }
}
