import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, Ticker } from '@cchc/common';
import { OutboxSettings, outboxSettings } from './outbox-settings';

const PRUNE_EVERY_MS = 60_000;
/** Small deletes, so that no prune holds many locks or a long transaction. */
const PRUNE_BATCH = 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Deletes processed outbox rows older than OUTBOX_RETENTION_DAYS, a batch at a time. */
@Injectable()
export class OutboxPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxPruner.name);
  private readonly settings: OutboxSettings = outboxSettings();
  private readonly pruner = new Ticker(
    () => this.prune(),
    (error) => this.logger.error(`Outbox pruning failed: ${String(error)}`),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.pruner.start(PRUNE_EVERY_MS);
    void this.pruner.tick();
  }

  onApplicationShutdown(): Promise<void> {
    return this.pruner.stop();
  }

  /** Prunes now; returns how many rows it deleted. */
  pruneNow(): Promise<number> {
    return this.pruner.tick();
  }

  private async prune(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.settings.retentionDays * DAY_MS);
    let deleted = 0;
    for (;;) {
      const result = (await this.dataSource.query(
        `DELETE FROM outbox WHERE processed_at < ? ORDER BY processed_at LIMIT ${PRUNE_BATCH}`,
        [before],
      )) as { affectedRows: number };
      deleted += result.affectedRows;
      if (result.affectedRows < PRUNE_BATCH) return deleted;
    }
  }
}
