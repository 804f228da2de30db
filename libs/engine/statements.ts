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

/** Rows to write only when the session variable `flag` is 1 (their transition's guard matched). */
export interface GuardedRows {
  rows: InsertRows;
  flag: string;
}

/**
 * Rows of several transitions for one table, as ONE multi-row statement that keeps only the rows
 * whose flag is 1: `INSERT ... SELECT ... FROM DUAL WHERE @flag = 1 UNION ALL SELECT ...`, which
 * needs no derived table. All parts name the same table and columns.
 */
export function insertIfSql(parts: GuardedRows[]): SqlStatement {
  const { table, columns } = parts[0].rows;
  const select = `SELECT ${columns.map(() => '?').join(', ')} FROM DUAL WHERE `;
  const selects = parts.flatMap(({ rows, flag }) => rows.rows.map(() => `${select}${flag} = 1`));
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) ${selects.join(' UNION ALL ')}`,
    params: parts.flatMap(({ rows }) => rows.rows.flat()),
  };
}
