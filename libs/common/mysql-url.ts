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
    ...databaseSocket(databaseUrl),
    ...(withDatabase ? { database: databaseName(databaseUrl) } : {}),
  };
}

/**
 * `?socket=/run/mysqld/mysqld.sock`: a server on the same host reached through its Unix socket
 * instead of TCP (host and port are then ignored). Each statement is a socket write and a read;
 * through a Unix socket the kernel spends less on them than through the TCP loopback.
 */
export function databaseSocket(databaseUrl: string): { socketPath?: string } {
  const socketPath = new URL(databaseUrl).searchParams.get('socket');
  return socketPath ? { socketPath } : {};
}

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}

/**
 * Error codes of a database server that is down, restarting or out of reach (not of a refused
 * statement): what was asked may be asked again later, or of another server.
 */
const DATABASE_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  // With a read replica (mysql2 pool cluster): the server is resting after a failed connection.
  'POOL_NONEONLINE',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return DATABASE_DOWN.has(e?.code ?? e?.driverError?.code ?? '');
}
