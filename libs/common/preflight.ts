import { createConnection } from 'mysql2/promise';
import { AppConfig } from './app-config';
import { databaseSocket, mysqlConnectionOptions } from './mysql-url';
import { createRedisClient, describeRedis } from './redis-client';

/**
 * Checks that MySQL and Redis answer before anything starts, and says in one line
 * what is missing and how to fix it, instead of a stack trace from deep inside a driver.
 */
export async function checkServices(
  config: Pick<AppConfig, 'databaseUrl' | 'redisUrl' | 'redisCluster'>,
): Promise<string[]> {
  const { databaseUrl } = config;
  const problems: string[] = [];
  const db = new URL(databaseUrl);
  try {
    const connection = await createConnection({
      ...mysqlConnectionOptions(databaseUrl),
      connectTimeout: 3000,
    });
    await connection.end();
  } catch (error) {
    const address = databaseSocket(databaseUrl).socketPath ?? `${db.hostname}:${db.port || 3306}`;
    problems.push(
      `MySQL does not answer at ${address} (${describe(error)}): ` +
        `start it (e.g. "service mariadb start" or "docker compose -f docker/compose.yml up -d mysql") or set DATABASE_URL.`,
    );
  }
  const redis = createRedisClient(config, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let redisError: unknown = null;
  // The failure is reported below, in one line; keep ioredis from printing its own.
  redis.on('error', (error) => (redisError ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(
      `Redis does not answer at ${describeRedis(config)} (${describe(error)}): ` +
        `start it (e.g. "redis-server --daemonize yes" or "docker compose -f docker/compose.yml up -d redis") ` +
        `or set ${config.redisCluster ? 'REDIS_CLUSTER_NODES' : 'REDIS_URL'}.`,
    );
  } finally {
    redis.disconnect();
  }
  return problems;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && error.code)
    return String(error.code);
  return error instanceof Error ? error.message : String(error);
}
