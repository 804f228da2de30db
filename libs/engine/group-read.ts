import { Coalescer } from './coalescer';
import type { PrimaryPool } from './sql-batch';

export interface InstanceRow {
  id: string;
  snapshot: unknown;
  version: number;
  machine_version: number;
  /** Hash and ward of the instance's last audit event (seq = version): its chain head. */
  audit_hash: string | null;
  audit_ward_id: string | null;
}

/** The instance row with its chain head, read in one statement (the head by its unique key). */
export function instanceRowSql(table: string, where: string): string {
  return (
    `SELECT t.id, t.snapshot, t.version, t.machine_version, a.hash AS audit_hash, ` +
    `a.ward_id AS audit_ward_id FROM ${table} t ` +
    `LEFT JOIN audit_events a ON a.instance_id = t.id AND a.seq = t.version WHERE ${where}`
  );
}

/** Reads of instance rows that arrive together go to the database as one `WHERE id IN (...)`. */
export class GroupRead {
  private readonly byTable = new Map<string, Coalescer<string, InstanceRow | null>>();

  constructor(private readonly pool: () => PrimaryPool) {}

  read(table: string, id: string): Promise<InstanceRow | null> {
    let coalescer = this.byTable.get(table);
    if (!coalescer) {
      coalescer = new Coalescer((ids) => this.readMany(table, ids));
      this.byTable.set(table, coalescer);
    }
    return coalescer.submit(id);
  }

  private async readMany(table: string, ids: string[]): Promise<(InstanceRow | null)[]> {
    const [rows] = await this.pool().query(instanceRowSql(table, 't.id IN (?)'), [
      [...new Set(ids)],
    ]);
    const found = new Map((rows as InstanceRow[]).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  }
}
