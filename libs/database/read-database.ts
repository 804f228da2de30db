import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ReplicationMode } from 'typeorm';
import { APP_CONFIG, AppConfig, isDatabaseUnavailable } from '@cchc/common';

/**
 * Heavy reads — lists, dashboards, statistics, report figures, exports — on the read replica
 * (DATABASE_READ_URL), which may be a moment behind the primary. Without a replica, or while it
 * cannot be reached, they read the primary. What decides who may do what, a single record read
 * back after its user's write, and everything read inside a transition use the primary (the
 * injected DataSource and repositories), never this.
 */
@Injectable()
export class ReadDatabase {
  private readonly logger = new Logger(ReadDatabase.name);
  private readonly replicated: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.replicated = config.databaseReadUrl !== null;
  }

  /** Runs `work` on one connection (the replica's when there is one), released afterwards. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.replicated) return this.on('master', work);
    try {
      return await this.on('slave', work);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      // Reads change nothing: asking the primary again is safe.
      this.logger.warn(
        `read replica unavailable, reading the primary: ${(error as Error).message}`,
      );
      return this.on('master', work);
    }
  }

  private async on<T>(mode: ReplicationMode, work: (manager: EntityManager) => Promise<T>) {
    const runner = this.dataSource.createQueryRunner(mode);
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }
}
