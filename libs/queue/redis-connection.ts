import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions } from 'bullmq';
import type { Cluster } from 'ioredis';
import { APP_CONFIG, AppConfig, createRedisClient } from '@cchc/common';

/** BullMQ connection options from a redis:// URL. */
function redisConnection(redisUrl: string): ConnectionOptions {
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

/**
 * BullMQ's connection. On one server it is options: every queue and worker opens and closes its
 * own connections. BullMQ cannot make a cluster client from options, so on a cluster it is one
 * ioredis Cluster that the queues share, and BullMQ leaves a shared client open. Workers
 * duplicate it for their blocking reads and close their copy only after their last job; the
 * shared client is closed once the application shuts down and every copy is closed, whatever
 * order Nest runs the shutdown hooks of the modules in.
 */
@Injectable()
export class BullConnection implements OnApplicationShutdown {
  readonly options: ConnectionOptions;
  private readonly cluster: Cluster | null = null;
  private readonly copies = new Set<Cluster>();
  private shuttingDown = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.redisCluster) {
      this.options = redisConnection(config.redisUrl);
      return;
    }
    // Workers block on Redis; BullMQ wants no per-request retry limit.
    const cluster = createRedisClient(config, { maxRetriesPerRequest: null }) as Cluster;
    const duplicate = cluster.duplicate.bind(cluster);
    cluster.duplicate = (...args: Parameters<Cluster['duplicate']>) => {
      const copy = duplicate(...args);
      this.copies.add(copy);
      copy.once('end', () => {
        this.copies.delete(copy);
        this.quitWhenIdle();
      });
      return copy;
    };
    this.cluster = cluster;
    this.options = cluster;
  }

  onApplicationShutdown(): void {
    this.shuttingDown = true;
    this.quitWhenIdle();
  }

  private quitWhenIdle(): void {
    if (this.shuttingDown && this.copies.size === 0 && this.cluster?.status !== 'end') {
      this.cluster?.quit().catch(() => this.cluster?.disconnect());
    }
  }
}

@Module({ providers: [BullConnection], exports: [BullConnection] })
export class BullConnectionModule {}
