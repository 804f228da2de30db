import { dropDatabases, wipeRedis } from './e2e-resources';

/** Removes what this run created: its databases and its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  if (!process.env.E2E_RUN_ID || process.env.E2E_KEEP_DATA) return;
  await dropDatabases();
  await wipeRedis();
}
