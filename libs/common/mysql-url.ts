import type { ConnectionOptions } from 'mysql2';

/** mysql2 connection options from a mysql:// URL; the database only when asked for. */
export function mysqlConnectionOptions(
  databaseUrl: string,
  withDatabase = false,
): ConnectionOptions {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    ...(withDatabase ? { database: databaseName(databaseUrl) } : {}),
  };
}

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}
