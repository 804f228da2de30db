/**
 * Settings read once from the environment. The product fails closed: nothing insecure is on
 * unless asked for. `npm start` on a developer machine sets NODE_ENV=development, which turns on
 * the conveniences (built-in JWT secret, demo ward, /docs, webhooks to local addresses).
 */
export interface AppConfig {
  nodeEnv: string;
  isProduction: boolean;
  /** NODE_ENV=development: a developer machine. */
  isDevelopment: boolean;
  port: number;
  databaseUrl: string;
  /**
   * A read replica of the primary (DATABASE_READ_URL) for heavy reads: lists, dashboards,
   * statistics, report figures, exports (see ReadDatabase). Null: everything reads the primary.
   */
  databaseReadUrl: string | null;
  /**
   * Heavy reads go to the primary while the replica is further behind than this, in seconds, or
   * not replicating at all (DATABASE_READ_MAX_LAG, default 30; `off`: never checked).
   */
  databaseReadMaxLagSeconds: number | null;
  redisUrl: string;
  /** A Redis Cluster (REDIS_CLUSTER_NODES) to use instead of REDIS_URL's single server. */
  redisCluster: RedisClusterSetting | null;
  /** Prefix of every BullMQ key, so that several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  /** The HS256 key of access tokens; null when none is set and the built-in one is not allowed. */
  jwtSecret: string | null;
  jwtExpiresIn: string;
  /**
   * Create the database and apply pending migrations when a process starts (MIGRATE_ON_START,
   * default on). A production deployment turns it off and migrates as its own step, so that the
   * API and the worker can run as a database user without DDL privileges.
   */
  migrateOnStart: boolean;
  /** Create the demo ward and its users in an empty database. */
  demoSeed: boolean;
  demoPassword: string;
  /** Serve the OpenAPI page at /docs. */
  apiDocs: boolean;
  /** Let webhooks call loopback and private addresses (tests, a developer machine). */
  webhookAllowPrivate: boolean;
  /** Login attempts allowed per minute for one user name, and from one address. */
  loginLimitPerUser: number;
  loginLimitPerAddress: number;
  /** How often the worker looks for unrelayed outbox rows, in milliseconds. */
  outboxPollMs: number;
  storageDir: string;
  /**
   * Express's `trust proxy` behind a TLS-terminating proxy, so that client addresses (login
   * throttling) and `https` (Secure cookies) are the real ones: false, true, a hop count or a
   * list of addresses/subnets (TRUST_PROXY).
   */
  trustProxy: boolean | number | string;
  /**
   * Bearer token Prometheus presents to /metrics (METRICS_TOKEN). Without it /metrics is open on
   * a developer or test machine and refused in production.
   */
  metricsToken: string | null;
  /** The worker serves /metrics on this port when set (METRICS_PORT); it has no other HTTP. */
  metricsPort: number | null;
  /** POST /dossiers/bulk: largest body, and most lines; past either the upload is refused (413). */
  bulkMaxBytes: number;
  bulkMaxLines: number;
}

/** A problem that stops start-up; its message is the one line to show. */
export class StartupError extends Error {}

/** Only for development: it is printed here, so anyone can sign tokens with it. */
const DEV_JWT_SECRET = 'cchc-dev-secret-change-me';
const MIN_SECRET_BYTES = 32;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'production';
  const isProduction = nodeEnv === 'production';
  const isDevelopment = nodeEnv === 'development';
  const devOnly = (name: string) => {
    const value = flag(env, name, isDevelopment);
    if (value && isProduction)
      throw new StartupError(`${name}=true is refused when NODE_ENV=production`);
    return value;
  };
  return {
    nodeEnv,
    isProduction,
    isDevelopment,
    port: Number(env.PORT ?? 3000),
    databaseUrl: env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/cchc',
    databaseReadUrl: env.DATABASE_READ_URL || null,
    databaseReadMaxLagSeconds: maxLagOf(env.DATABASE_READ_MAX_LAG),
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisCluster: parseClusterNodes(env.REDIS_CLUSTER_NODES),
    redisPrefix: env.REDIS_PREFIX ?? 'cchc',
    jwtSecret: jwtSecretOf(env.JWT_SECRET, devOnly('ALLOW_DEV_SECRET')),
    jwtExpiresIn: env.JWT_EXPIRES_IN ?? '1h',
    migrateOnStart: flag(env, 'MIGRATE_ON_START', true),
    demoSeed: devOnly('DEMO_SEED'),
    demoPassword: env.DEMO_PASSWORD ?? 'demo',
    apiDocs: flag(env, 'API_DOCS', isDevelopment),
    webhookAllowPrivate: devOnly('WEBHOOK_ALLOW_PRIVATE'),
    loginLimitPerUser: Number(env.LOGIN_LIMIT_PER_USER ?? 10),
    loginLimitPerAddress: Number(env.LOGIN_LIMIT_PER_ADDRESS ?? 60),
    outboxPollMs: Number(env.OUTBOX_POLL_MS ?? 200),
    storageDir: env.STORAGE_DIR ?? 'storage',
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN || null,
    metricsPort: env.METRICS_PORT ? Number(env.METRICS_PORT) : null,
    bulkMaxBytes: Number(env.BULK_MAX_BYTES ?? 2 * 1024 * 1024),
    bulkMaxLines: Number(env.BULK_MAX_LINES ?? 2000),
  };
}

/** One node of a Redis Cluster. */
export interface RedisClusterNode {
  host: string;
  port: number;
}

/** The nodes to start from, and the credentials every node shares. */
export interface RedisClusterSetting {
  nodes: RedisClusterNode[];
  username?: string;
  password?: string;
}

/**
 * REDIS_CLUSTER_NODES: `host:port,host:port,…` (some or all of the cluster's masters; ioredis
 * finds the rest). An entry may be written `redis://user:password@host:port`; the first entry's
 * credentials are used for every node. Anything else stops start-up with one line.
 */
export function parseClusterNodes(value: string | undefined): RedisClusterSetting | null {
  if (value === undefined || value.trim() === '') return null;
  const setting: RedisClusterSetting = { nodes: [] };
  for (const entry of value.split(',').map((part) => part.trim())) {
    const url = urlOf(entry);
    if (!url || url.protocol !== 'redis:' || !url.hostname || !/^\d+$/.test(url.port)) {
      throw new StartupError(
        `REDIS_CLUSTER_NODES: "${entry}" is not host:port (expected e.g. 10.0.0.1:7000,10.0.0.2:7000)`,
      );
    }
    if (setting.nodes.length === 0) {
      setting.username = url.username ? decodeURIComponent(url.username) : undefined;
      setting.password = url.password ? decodeURIComponent(url.password) : undefined;
    }
    setting.nodes.push({ host: url.hostname, port: Number(url.port) });
  }
  return setting;
}

function urlOf(entry: string): URL | null {
  try {
    return new URL(entry.includes('://') ? entry : `redis://${entry}`);
  } catch {
    return null;
  }
}

/** The JWT secret, or a StartupError saying which setting is missing (the API needs it). */
export function requireJwtSecret(config: AppConfig): string {
  if (config.jwtSecret === null) {
    throw new StartupError(
      `JWT_SECRET must be set (at least ${MIN_SECRET_BYTES} bytes, e.g. \`openssl rand -base64 48\`); ` +
        'a built-in secret is used only with NODE_ENV=development or ALLOW_DEV_SECRET=true',
    );
  }
  return config.jwtSecret;
}

function jwtSecretOf(given: string | undefined, allowDevSecret: boolean): string | null {
  if (given === undefined || given === '') return allowDevSecret ? DEV_JWT_SECRET : null;
  if (Buffer.byteLength(given, 'utf8') < MIN_SECRET_BYTES) {
    throw new StartupError(`JWT_SECRET is too short: at least ${MIN_SECRET_BYTES} bytes`);
  }
  return given;
}

/** Whole seconds, or `off`. */
function maxLagOf(value: string | undefined): number | null {
  if (value === undefined || value === '') return 30;
  if (value === 'off') return null;
  if (!/^\d+$/.test(value)) {
    throw new StartupError(`DATABASE_READ_MAX_LAG must be whole seconds or off, not "${value}"`);
  }
  return Number(value);
}

/** `true`/`1` or `false`/`0`; anything else is a mistake worth stopping for. */
function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new StartupError(`${name} must be true or false, not "${value}"`);
}

/** Nest injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

function trustProxyOf(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
