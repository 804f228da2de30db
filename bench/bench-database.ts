import { createConnection } from 'mysql2/promise';
import { databaseName, mysqlConnectionOptions } from '@cchc/common';

/**
 * The bench's own database: BENCH_DATABASE_URL, else the app's server with `name` for the
 * database (the URL's path; its `?socket=` kept).
 */
export function benchDatabaseUrl(appDatabaseUrl: string, name: string): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const url = new URL(appDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the bench's own database, so that a run starts from nothing. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const connection = await createConnection(mysqlConnectionOptions(databaseUrl));
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${databaseName(databaseUrl)}\``);
  } finally {
    await connection.end();
  }
}
