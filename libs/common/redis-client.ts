import Redis, { Cluster, RedisOptions } from 'ioredis';
import { AppConfig } from './app-config';

/** Where Redis is: one server (REDIS_URL) or a cluster (REDIS_CLUSTER_NODES, which wins). */
export type RedisSettings = Pick<AppConfig, 'redisUrl' | 'redisCluster'>;

/**
 * The one place a Redis client is made, for BullMQ, the health check and the start-up check:
 * an ioredis Cluster when REDIS_CLUSTER_NODES is set, otherwise a client of REDIS_URL.
 * `options` are per-connection options (timeouts, retries), applied to every node of a cluster.
 */
export function createRedisClient(
  settings: RedisSettings,
  options: RedisOptions = {},
): Redis | Cluster {
  const cluster = settings.redisCluster;
  if (!cluster) return new Redis(settings.redisUrl, options);
  const { lazyConnect, retryStrategy, ...redisOptions } = options;
  return new Cluster(cluster.nodes, {
    lazyConnect,
    // A cluster retries as a whole (finding the nodes again), not per node.
    ...(retryStrategy ? { clusterRetryStrategy: retryStrategy } : {}),
    redisOptions: { ...redisOptions, username: cluster.username, password: cluster.password },
  });
}

/** For messages: where Redis was looked for. */
export function describeRedis(settings: RedisSettings): string {
  if (!settings.redisCluster) {
    const url = new URL(settings.redisUrl);
    return `${url.hostname}:${url.port || 6379}`;
  }
  return `the cluster ${settings.redisCluster.nodes.map((node) => `${node.host}:${node.port}`).join(',')}`;
}

/**
 * The prefix of BullMQ's keys. A cluster runs a Lua script only on keys of one hash slot, and
 * BullMQ's scripts touch several keys of a queue, so on a cluster the prefix is a hash tag
 * (`{cchc}`: every queue in one slot). A single server keeps the bare prefix, so that an existing
 * deployment's keys (jobs waiting, ids of completed jobs) stay where they are.
 */
export function bullPrefix(settings: Pick<AppConfig, 'redisCluster' | 'redisPrefix'>): string {
  const prefix = settings.redisPrefix;
  if (!settings.redisCluster || /\{[^}]+\}/.test(prefix)) return prefix;
  return `{${prefix}}`;
}
