import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';

/**
 * E2E tests run against the real MariaDB and Redis, but only on what they create themselves:
 * databases named cchc_e2e_<run>_<suite> and Redis keys under the prefix cchc-e2e-<run>, where
 * <run> is unique to one `jest` run (set by test/support/global-setup.ts). Two runs side by side
 * on one machine never touch each other's data, and nothing else on the machine is wiped.
 */
export const SERVER_URL = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function e2eRunId(): string {
  const runId = process.env.E2E_RUN_ID;
  if (!runId) throw new Error('E2E_RUN_ID is not set: run the e2e tests through jest');
  return runId;
}

export const e2eDatabasePrefix = (runId = e2eRunId()) => `cchc_e2e_${runId}_`;
export const e2eRedisPrefix = (runId = e2eRunId()) => `cchc-e2e-${runId}`;

/**
 * Deletes this run's BullMQ keys, all at once as a FLUSHALL would (one script: nothing the
 * worker writes meanwhile survives half a wipe), and nothing else.
 */
export async function wipeRedis(prefix = e2eRedisPrefix()): Promise<void> {
  const redis = new Redis(E2E_REDIS_URL);
  try {
    await redis.eval(
      `local keys = redis.call('KEYS', ARGV[1])
       for i = 1, #keys, 1000 do
         redis.call('UNLINK', unpack(keys, i, math.min(i + 999, #keys)))
       end
       return #keys`,
      0,
      `${prefix}:*`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Drops every database of this run whose name starts with `prefix`. */
export async function dropDatabases(prefix = e2eDatabasePrefix()): Promise<void> {
  const connection = await createConnection(serverOptions());
  try {
    const [rows] = await connection.query('SHOW DATABASES');
    for (const row of rows as Record<string, string>[]) {
      const name = Object.values(row)[0];
      if (name.startsWith(prefix)) await connection.query(`DROP DATABASE \`${name}\``);
    }
  } finally {
    await connection.end();
  }
}

export function serverOptions() {
  const url = new URL(SERVER_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password) || undefined,
  };
}
