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

/** A multi-row INSERT; `firstValue` may wrap the placeholder of each row's first column. */
export function insertSql({ table, columns, rows }: InsertRows, firstValue = '?'): SqlStatement {
  const tuple = `(${[firstValue, ...columns.slice(1).map(() => '?')].join(', ')})`;
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
    params: rows.flat(),
  };
}
