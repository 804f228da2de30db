import { randomBytes } from 'node:crypto';

/** One id per `jest` run: every e2e database and Redis key of the run carries it. */
export default function globalSetup(): void {
  process.env.E2E_RUN_ID ??= randomBytes(4).toString('hex');
}
