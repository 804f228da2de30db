import { format } from 'mysql2';
import type { Pool } from 'mysql2/promise';
import { DataSource, EntityManager } from 'typeorm';

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * Runs statements as one transaction. On its own it borrows a connection from the driver's pool
 * (skipping the ORM on this hot path) and sends them in a single round trip
 * (START TRANSACTION; ...; COMMIT as one multi-statement packet), rolling back on the same
 * connection if a statement fails. Inside a caller's transaction (an EntityManager) it runs them
 * one after another on that transaction's connection. Returns each statement's result.
 */
export async function runBatch(
  target: DataSource | EntityManager,
  statements: SqlStatement[],
): Promise<unknown[]> {
  if (!(target instanceof DataSource)) {
    const results: unknown[] = [];
    for (const { sql, params } of statements) results.push(await target.query(sql, params));
    return results;
  }
  const connection = await driverPool(target).getConnection();
  try {
    const packet = ['START TRANSACTION', ...statements.map(render), 'COMMIT'].join(';\n');
    const [results] = await connection.query(packet);
    return (results as unknown[]).slice(1, -1);
  } catch (error) {
    // The server stops at the failing statement and leaves the transaction open.
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

const pools = new WeakMap<DataSource, Pool>();

/** The mysql2 pool under TypeORM's MySQL driver, as a promise pool sharing its connections. */
export function driverPool(dataSource: DataSource): Pool {
  let promisePool = pools.get(dataSource);
  if (!promisePool) {
    // TypeORM's MySQL driver keeps a mysql2 pool; its promise wrapper shares the same connections.
    promisePool = (dataSource.driver as unknown as { pool: { promise(): Pool } }).pool.promise();
    pools.set(dataSource, promisePool);
  }
  return promisePool;
}

export function render({ sql, params }: SqlStatement): string {
  // Dates as UTC, like the connection itself (timezone 'Z').
  return format(sql, params as never[], false, 'Z');
}

/** True for MySQL's duplicate-key error, optionally on one named unique key. */
export function isDuplicateKey(error: unknown, key?: string): boolean {
  const e = error as { code?: string; sqlMessage?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  if (code !== 'ER_DUP_ENTRY') return false;
  return key === undefined || (e.sqlMessage ?? String(error)).includes(key);
}
