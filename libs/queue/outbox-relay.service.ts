import { getQueueToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, Ticker } from '@cchc/common';
import { OutboxSettings, outboxSettings } from './outbox-settings';
import { QUEUES, outboxJobId, readOutboxEpoch } from './queues';
import { markRedisRebuilt, redisLostKeys } from './redis-loss';

/**
 * A relayed job that has not been processed after this long is relayed again (its job was lost
 * in a way the loss marker does not show, e.g. Redis restored from an older snapshot).
 */
const REDELIVER_AFTER_MS = 60_000;
const BATCH = 500;
const LOSS_MARKER = 'outbox-relay';

interface PendingRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown> | string;
  attempts: number;
}

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with SKIP LOCKED so that two workers
 * share the work; the job id comes from the row id, so a relay repeated after a crash adds nothing.
 * Rows stay pending until their job marks them processed, which rebuilds Redis after a flush:
 * when Redis has lost its keys, every row relayed but not processed is relayed again at once.
 * Dead letters (rows whose job failed every attempt) are left alone until retried.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly settings: OutboxSettings = outboxSettings();
  private readonly relay = new Ticker(
    () => this.relayBatch(),
    (error) => this.logger.error(`Outbox relay failed: ${String(error)}`),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start(this.config.outboxPollMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }

  /** Relays what is pending now; returns how many rows it relayed. Never runs twice at once. */
  relayNow(): Promise<number> {
    return this.relay.tick();
  }

  private async relayBatch(): Promise<number> {
    const anyQueue = this.queue(QUEUES.notifications);
    if (await redisLostKeys(anyQueue, LOSS_MARKER)) {
      await this.forgetRelayed();
      await markRedisRebuilt(anyQueue, LOSS_MARKER);
    }
    // READ COMMITTED: the claim locks only the rows it takes, no gaps, so jobs inserting or
    // finishing outbox rows meanwhile never deadlock with it.
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const now = this.clock.now();
      const rows = (await manager.query(
        `SELECT id, queue, job_name, payload, attempts FROM outbox
         WHERE processed_at IS NULL AND dead_at IS NULL
           AND (relayed_at IS NULL OR relayed_at < ?)
         ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [new Date(now.getTime() - REDELIVER_AFTER_MS)],
      )) as PendingRow[];
      if (rows.length === 0) return 0;
      const epoch = await readOutboxEpoch(manager);
      const byQueue = new Map<string, PendingRow[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
      for (const [name, queueRows] of byQueue) {
        const queue = this.queue(name);
        await Promise.all(queueRows.map((row) => this.dropFinished(queue, epoch, row)));
        await queue.addBulk(
          queueRows.map((row) => ({
            name: row.job_name,
            data: { ...parse(row.payload), outboxId: String(row.id) },
            opts: {
              jobId: outboxJobId(epoch, row.id),
              attempts: Math.max(1, this.settings.maxAttempts - row.attempts),
            },
          })),
        );
      }
      await manager.query(`UPDATE outbox SET relayed_at = ? WHERE id IN (?)`, [
        now,
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  /**
   * Redis lost the jobs of relayed rows: they become pending as if never relayed. In batches, each
   * READ COMMITTED (as the claim: no gap locks, so transitions inserting outbox rows never wait).
   */
  private async forgetRelayed(): Promise<void> {
    let forgotten = 0;
    for (;;) {
      const { affectedRows } = (await this.dataSource.transaction('READ COMMITTED', (manager) =>
        manager.query(
          `UPDATE outbox SET relayed_at = NULL
           WHERE processed_at IS NULL AND dead_at IS NULL AND relayed_at IS NOT NULL
           ORDER BY id LIMIT ${BATCH}`,
        ),
      )) as { affectedRows: number };
      forgotten += affectedRows;
      if (affectedRows < BATCH) break;
    }
    if (forgotten > 0)
      this.logger.warn(`Redis lost its keys: relaying ${forgotten} outbox rows again`);
  }

  /**
   * The row is pending and locked here, yet its job id may name a finished job: one that used up
   * its attempts (say, while MySQL was down), one retried from the dead letters, or one that
   * completed without its row being marked (a database restored from a backup). The same id
   * would never be added again, so the finished job is removed and the row's job starts over.
   */
  private async dropFinished(queue: Queue, epoch: string, row: PendingRow): Promise<void> {
    const jobId = outboxJobId(epoch, row.id);
    const state = await queue.getJobState(jobId);
    if (state !== 'completed' && state !== 'failed') return;
    if (state === 'completed')
      this.logger.warn(
        `Outbox row ${row.id} is pending but job ${jobId} completed: running it again`,
      );
    await queue.remove(jobId);
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

function parse(payload: PendingRow['payload']): Record<string, unknown> {
  return typeof payload === 'string' ? JSON.parse(payload) : payload;
}
