import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` on one replica connection, released afterwards. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = await this.connected();
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  private async connected(): Promise<QueryRunner> {
    const replica = this.dataSource.createQueryRunner('slave');
    try {
      await replica.connect();
      return replica;
    } catch (error) {
      await replica.release();
      this.logger.warn(
        `read replica unreachable, reading the primary: ${(error as Error).message}`,
      );
      return this.dataSource.createQueryRunner('master');
    }
  }
}
