import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { OutboxSettings, outboxSettings } from './outbox-settings';
import { requestIdOfJob } from './job-request';
import { outboxIdOf } from './queues';

const LAST_ERROR_LENGTH = 500;

/**
 * Listens to every BullMQ worker of the process. A failed attempt is logged as an error and
 * counted on its outbox row; the attempt that reaches OUTBOX_MAX_ATTEMPTS makes the row a dead
 * letter (`dead_at`, `last_error`), which the relay no longer sends until someone retries it.
 * Worker errors are logged on one line: after a Redis flush, jobs in flight lose their keys
 * ("Missing key for job") and are simply relayed again from MySQL, so that is only a warning.
 */
@Injectable()
export class JobFailures implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobFailures.name);
  private readonly settings: OutboxSettings = outboxSettings();

  constructor(
    private readonly discovery: DiscoveryService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const host: unknown = wrapper.instance;
      if (!(host instanceof WorkerHost)) continue;
      const worker: Worker = host.worker;
      worker.on('failed', (job, error) => {
        if (job) void this.recordFailure(job, error);
      });
      worker.on('error', (error) => this.logWorkerError(worker.name, error));
    }
  }

  /** Counts a failed attempt on its outbox row (no row for timer jobs) and logs it. */
  async recordFailure(job: Job, error: Error): Promise<void> {
    const requestId = requestIdOfJob(job);
    const cause = requestId ? `, request ${requestId}` : '';
    const where = `${job.queueName} job ${job.id} (${job.name}${cause})`;
    this.logger.error(`${where} failed, attempt ${job.attemptsMade}: ${error.message}`);
    const outboxId = outboxIdOf(job);
    if (!outboxId) return;
    try {
      const now = this.clock.now();
      // dead_at first: it reads `attempts` before this statement increments it.
      await this.dataSource.query(
        `UPDATE outbox SET dead_at = IF(attempts + 1 >= ?, ?, NULL), last_error = ?,
           attempts = attempts + 1
         WHERE id = ? AND processed_at IS NULL AND dead_at IS NULL`,
        [this.settings.maxAttempts, now, error.message.slice(0, LAST_ERROR_LENGTH), outboxId],
      );
      const [row] = (await this.dataSource.query(
        'SELECT attempts, dead_at FROM outbox WHERE id = ?',
        [outboxId],
      )) as { attempts: number; dead_at: Date | null }[];
      if (row?.dead_at)
        this.logger.error(
          `Outbox row ${outboxId} is a dead letter after ${row.attempts} failed attempts ` +
            `(${where}); retry it with "outbox retry ${outboxId}" or POST /outbox/dead-letters/${outboxId}/retry`,
        );
    } catch (recordError) {
      // The relay starts the job over from its pending row later; nothing is lost.
      this.logger.warn(`Could not count the failure of ${where}: ${String(recordError)}`);
    }
  }

  private logWorkerError(queue: string, error: Error): void {
    if (/Missing (key|lock) for job/.test(error.message))
      this.logger.warn(
        `${queue}: a job lost its Redis keys (${error.message}); relayed again from MySQL`,
      );
    else this.logger.error(`${queue} worker: ${error.message}`);
  }
}
