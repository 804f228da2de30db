import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { AppConfig, loadConfig } from '@cchc/common';
import { prepareRuntime } from '@cchc/runtime';
import {
  E2E_REDIS_URL,
  e2eDatabasePrefix,
  e2eRedisPrefix,
  serverOptions,
  SERVER_URL,
  wipeRedis,
} from './e2e-resources';

export { E2E_REDIS_URL, wipeRedis } from './e2e-resources';

export function e2eConfig(suite: string): AppConfig {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: `${SERVER_URL}/${e2eDatabasePrefix()}${suite}`,
    REDIS_URL: E2E_REDIS_URL,
    REDIS_PREFIX: e2eRedisPrefix(),
    OUTBOX_POLL_MS: '50',
    // Tests ask by name for what only development has by default (see libs/common/app-config.ts).
    JWT_SECRET: process.env.JWT_SECRET || randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: process.env.AUDIT_SIGNING_KEY || auditTestKey(),
    DEMO_SEED: 'true',
    DEMO_PASSWORD: 'demo',
    WEBHOOK_ALLOW_PRIVATE: 'true',
  };
  Object.assign(process.env, env);
  return loadConfig(env);
}

/** An Ed25519 key for the run's audit checkpoints (base64 PKCS#8, as AUDIT_SIGNING_KEY takes). */
function auditTestKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
}

/** A fresh database (migrated, with the demo ward) and no queued jobs, for one suite. */
export async function freshEnvironment(suite: string): Promise<AppConfig> {
  const config = e2eConfig(suite);
  const connection = await createConnection(serverOptions());
  await connection.query(
    `DROP DATABASE IF EXISTS \`${new URL(config.databaseUrl).pathname.slice(1)}\``,
  );
  await connection.end();
  await wipeRedis();
  await prepareRuntime(config, { seedDemo: true });
  return config;
}
