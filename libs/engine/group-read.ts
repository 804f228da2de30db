import type { Pool } from 'mysql2/promise';
import { Coalescer } from './coalescer';

export interface InstanceRow {
  id: string;
  snapshot: unknown;
  version: number;
  machine_version: number;
}

/** Reads of instance rows that arrive together go to the database as one `WHERE id IN (...)`. */
export class GroupRead {
  private readonly byTable = new Map<string, Coalescer<string, InstanceRow | null>>();

  constructor(private readonly pool: () => Pool) {}

  read(table: string, id: string): Promise<InstanceRow | null> {
    let coalescer = this.byTable.get(table);
    if (!coalescer) {
      coalescer = new Coalescer((ids) => this.readMany(table, ids));
      this.byTable.set(table, coalescer);
    }
    return coalescer.submit(id);
  }

  private async readMany(table: string, ids: string[]): Promise<(InstanceRow | null)[]> {
    const [rows] = await this.pool().query(
      `SELECT id, snapshot, version, machine_version FROM ${table} WHERE id IN (?)`,
      [[...new Set(ids)]],
    );
    const found = new Map((rows as InstanceRow[]).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  }
}
