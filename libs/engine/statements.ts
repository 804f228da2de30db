import { SqlStatement } from './sql-batch';

/** What is stored of a machine snapshot: enough for `machine.resolveState`. */
export interface PersistedSnapshot {
  value: unknown;
  context: unknown;
}

/** Rows for one INSERT, kept as data so that a group commit can merge them. */
export interface InsertRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

export function insertSql({ table, columns, rows }: InsertRows): SqlStatement {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
    params: rows.flat(),
  };
}
