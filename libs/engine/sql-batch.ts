import { format } from 'mysql2';
import type { Pool, PoolConnection } from 'mysql2/promise';
import { DataSource, EntityManager } from 'typeorm';

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** One connection for a unit of work: plain queries, then a batch of writes. */
export interface SqlSession {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
  /** Runs the statements as one transaction and returns each statement's result. */
  batch(statements: SqlStatement[]): Promise<unknown[]>;
}

/**
 * Runs `work` on one connection. On its own it borrows a connection from the driver's pool
 * (skipping the ORM on this hot path) and sends a batch in a single round trip
 * (START TRANSACTION; ...; COMMIT as one multi-statement packet), rolling back on the same
 * connection if a statement fails. Inside a caller's transaction (an EntityManager) it runs the
 * statements one after another on that transaction's connection.
 */
export async function withSession<T>(
  target: DataSource | EntityManager,
  work: (session: SqlSession) => Promise<T>,
): Promise<T> {
  if (!(target instanceof DataSource)) return work(managerSession(target));
  const connection = await driverPool(target).getConnection();
  try {
    return await work(connectionSession(connection));
  } finally {
    connection.release();
  }
}

/** Runs statements as one transaction (see withSession). */
export function runBatch(
  target: DataSource | EntityManager,
  statements: SqlStatement[],
): Promise<unknown[]> {
  return withSession(target, (session) => session.batch(statements));
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

function connectionSession(connection: PoolConnection): SqlSession {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const [rows] = await connection.query(sql, params);
      return rows as T;
    },
    async batch(statements) {
      const packet = ['START TRANSACTION', ...statements.map(render), 'COMMIT'].join(';\n');
      try {
        const [results] = await connection.query(packet);
        return (results as unknown[]).slice(1, -1);
      } catch (error) {
        // The server stops at the failing statement and leaves the transaction open.
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
}

function managerSession(manager: EntityManager): SqlSession {
  return {
    query: (sql, params) => manager.query(sql, params),
    async batch(statements) {
      const results: unknown[] = [];
      for (const { sql, params } of statements) results.push(await manager.query(sql, params));
      return results;
    },
  };
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
