import { ConnectionOptions } from 'bullmq';

/** BullMQ connection options from a redis:// URL. */
export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    // Workers block on Redis; BullMQ wants no per-request retry limit.
    maxRetriesPerRequest: null,
  };
}
