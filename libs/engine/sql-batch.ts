import { format } from 'mysql2';
import type { PoolConnection as CorePoolConnection } from 'mysql2';
import type { PoolConnection } from 'mysql2/promise';
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

/** The primary's connections, as the engine's hot paths use them. */
export interface PrimaryPool {
  getConnection(): Promise<PoolConnection>;
  query(sql: string, values: unknown[]): Promise<[unknown, unknown]>;
}

const pools = new WeakMap<DataSource, PrimaryPool>();

/**
 * Connections to the primary from TypeORM's MySQL driver (its pool, or the primary's pool when a
 * read replica is configured), as promise connections sharing the driver's.
 */
export function driverPool(dataSource: DataSource): PrimaryPool {
  let pool = pools.get(dataSource);
  if (!pool) {
    const driver = dataSource.driver as unknown as {
      obtainMasterConnection(): Promise<CorePoolConnection>;
    };
    const getConnection = async () => (await driver.obtainMasterConnection()).promise();
    pool = {
      getConnection,
      async query(sql, values) {
        const connection = await getConnection();
        try {
          return await connection.query(sql, values);
        } finally {
          connection.release();
        }
      },
    };
    pools.set(dataSource, pool);
  }
  return pool;
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
