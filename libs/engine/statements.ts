import { SqlStatement } from './sql-batch';

/** What is stored of a machine snapshot: enough for `machine.resolveState`. */
export interface PersistedSnapshot {
  value: unknown;
  context: unknown;
}

/** Rows for one INSERT, kept as data so they can be written plainly or only if a guard held. */
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

/**
 * The same rows, written only when the session variable `flag` is 1: one
 * `INSERT ... SELECT ... FROM DUAL WHERE` per row, which needs no derived table.
 */
export function insertIfSql({ table, columns, rows }: InsertRows, flag: string): SqlStatement[] {
  const sql =
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map(() => '?').join(', ')} ` +
    `FROM DUAL WHERE ${flag} = 1`;
  return rows.map((row) => ({ sql, params: row }));
}
