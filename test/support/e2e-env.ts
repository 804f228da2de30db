import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';
import { AppConfig, loadConfig } from '@cchc/common';
import { prepareRuntime } from '@cchc/runtime';

/**
 * E2E tests run against the real MariaDB and Redis, in their own database
 * (cchc_e2e_<suite>) and Redis db 9, both wiped at the start of each suite.
 */
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const SERVER_URL = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export function e2eConfig(suite: string): AppConfig {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: `${SERVER_URL}/cchc_e2e_${suite}`,
    REDIS_URL: E2E_REDIS_URL,
    OUTBOX_POLL_MS: '50',
    DEMO_PASSWORD: 'demo',
  };
  Object.assign(process.env, env);
  return loadConfig(env);
}

/** A fresh database (migrated, with the demo ward) and an empty Redis db for one suite. */
export async function freshEnvironment(suite: string): Promise<AppConfig> {
  const config = e2eConfig(suite);
  const url = new URL(config.databaseUrl);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: url.username || 'root',
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${url.pathname.slice(1)}\``);
  await connection.end();
  const redis = new Redis(config.redisUrl);
  await redis.flushdb();
  redis.disconnect();
  await prepareRuntime(config, { seedDemo: true });
  return config;
}
