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
import { outboxJobId } from './queues';

/** A relayed job that has not been processed after this long is relayed again (e.g. Redis was flushed). */
const REDELIVER_AFTER_MS = 60_000;
const BATCH = 500;

interface PendingRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown> | string;
  relayed_at: Date | null;
}

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with SKIP LOCKED so that two workers
 * share the work; the job id comes from the row id, so a relay repeated after a crash adds nothing.
 * Rows stay pending until their job marks them processed, which rebuilds Redis after a flush.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
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
    // READ COMMITTED: the claim locks only the rows it takes, no gaps, so jobs inserting or
    // finishing outbox rows meanwhile never deadlock with it.
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const now = this.clock.now();
      const rows = (await manager.query(
        `SELECT id, queue, job_name, payload, relayed_at FROM outbox
         WHERE processed_at IS NULL AND (relayed_at IS NULL OR relayed_at < ?)
         ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [new Date(now.getTime() - REDELIVER_AFTER_MS)],
      )) as PendingRow[];
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, PendingRow[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
      for (const [name, queueRows] of byQueue) {
        const queue = this.queue(name);
        await Promise.all(
          queueRows.filter((row) => row.relayed_at !== null).map((row) => dropFailed(queue, row)),
        );
        await queue.addBulk(
          queueRows.map((row) => ({
            name: row.job_name,
            data: { ...parse(row.payload), outboxId: String(row.id) },
            opts: { jobId: outboxJobId(row.id) },
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

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

/**
 * A job that used up its attempts (say, while MySQL was down) stays failed under its id, and the
 * same id would never be added again: the row is still pending, so its job starts over from it.
 */
async function dropFailed(queue: Queue, row: PendingRow): Promise<void> {
  const job = await queue.getJob(outboxJobId(row.id));
  if (job && (await job.isFailed())) await job.remove();
}

function parse(payload: PendingRow['payload']): Record<string, unknown> {
  return typeof payload === 'string' ? JSON.parse(payload) : payload;
}
