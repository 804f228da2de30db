import { format } from 'mysql2';
import { DataSource, EntityManager } from 'typeorm';

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * Runs statements as one transaction. On its own it sends them in a single round trip
 * (START TRANSACTION; ...; COMMIT as one multi-statement packet) and rolls back on the same
 * connection if any of them fails; inside a caller's transaction (an EntityManager) it runs
 * them one after another on that transaction's connection. Returns each statement's result.
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
  const runner = target.createQueryRunner();
  await runner.connect();
  try {
    const packet = ['START TRANSACTION', ...statements.map(render), 'COMMIT'].join(';\n');
    const results = (await runner.query(packet)) as unknown[];
    return results.slice(1, -1);
  } catch (error) {
    // The server stops at the failing statement and leaves the transaction open.
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

function render({ sql, params }: SqlStatement): string {
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
