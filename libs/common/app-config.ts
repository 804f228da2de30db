/** Settings read once from the environment; defaults run the product on a developer machine. */
export interface AppConfig {
  nodeEnv: string;
  isProduction: boolean;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every BullMQ key, so that several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  demoPassword: string;
  /** How often the worker looks for unrelayed outbox rows, in milliseconds. */
  outboxPollMs: number;
  storageDir: string;
}

const DEV_JWT_SECRET = 'cchc-dev-secret-change-me';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const isProduction = nodeEnv === 'production';
  const jwtSecret = env.JWT_SECRET ?? (isProduction ? '' : DEV_JWT_SECRET);
  if (!jwtSecret) throw new Error('JWT_SECRET must be set when NODE_ENV=production');
  return {
    nodeEnv,
    isProduction,
    port: Number(env.PORT ?? 3000),
    databaseUrl: env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/cchc',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'cchc',
    jwtSecret,
    jwtExpiresIn: env.JWT_EXPIRES_IN ?? '12h',
    demoPassword: env.DEMO_PASSWORD ?? 'demo',
    outboxPollMs: Number(env.OUTBOX_POLL_MS ?? 200),
    storageDir: env.STORAGE_DIR ?? 'storage',
  };
}

/** Nest injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
