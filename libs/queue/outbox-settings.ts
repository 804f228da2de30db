import { StartupError } from '@cchc/common';

/** How the worker handles the outbox; read once from the environment. */
export interface OutboxSettings {
  /** Failed attempts after which a row becomes a dead letter (and its job stops retrying). */
  maxAttempts: number;
  /** Processed rows are deleted after this many days. */
  retentionDays: number;
}

export function outboxSettings(env: NodeJS.ProcessEnv = process.env): OutboxSettings {
  return {
    maxAttempts: positive(env, 'OUTBOX_MAX_ATTEMPTS', 8),
    retentionDays: positive(env, 'OUTBOX_RETENTION_DAYS', 7),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new StartupError(`${name} must be a whole number of at least 1, not "${env[name]}"`);
  return value;
}
