import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ReplicationMode } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, isDatabaseUnavailable } from '@cchc/common';

/** How long one look at the replica's lag is trusted. */
export const LAG_CHECK_MS = 5_000;

/** One row of SHOW REPLICA STATUS (MariaDB names the lag …Master, MySQL 8 …Source). */
interface ReplicaStatus {
  Seconds_Behind_Master?: number | string | null;
  Seconds_Behind_Source?: number | string | null;
}

/**
 * Heavy reads — lists, dashboards, statistics, report figures, exports — on the read replica
 * (DATABASE_READ_URL), which may be a moment behind the primary. Without a replica, while it
 * cannot be reached, or while it is further behind than DATABASE_READ_MAX_LAG (or not
 * replicating), they read the primary. What decides who may do what, a single record read back
 * after its user's write, and everything read inside a transition use the primary (the injected
 * DataSource and repositories), never this.
 */
@Injectable()
export class ReadDatabase {
  private readonly logger = new Logger(ReadDatabase.name);
  private readonly replicated: boolean;
  private readonly maxLagSeconds: number | null;
  private lag: { checkedAt: number; usable: boolean } | null = null;
  private checking: Promise<boolean> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.replicated = config.databaseReadUrl !== null;
    this.maxLagSeconds = config.databaseReadMaxLagSeconds;
  }

  /** Runs `work` on one connection (the replica's when it is usable), released afterwards. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.replicated || !(await this.replicaUsable())) return this.on('master', work);
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

  /** Whether the replica is close enough behind, looked at once per LAG_CHECK_MS at most. */
  private async replicaUsable(): Promise<boolean> {
    if (this.maxLagSeconds === null) return true;
    const now = this.clock.now().getTime();
    if (this.lag && now - this.lag.checkedAt < LAG_CHECK_MS) return this.lag.usable;
    this.checking ??= this.checkLag(now, this.maxLagSeconds).finally(() => (this.checking = null));
    return this.checking;
  }

  private async checkLag(now: number, maxLagSeconds: number): Promise<boolean> {
    let usable = false;
    let reason: string;
    try {
      const [status] = (await this.on('slave', (manager) =>
        manager.query('SHOW REPLICA STATUS'),
      )) as ReplicaStatus[];
      const seconds = status?.Seconds_Behind_Master ?? status?.Seconds_Behind_Source ?? null;
      usable = seconds !== null && Number(seconds) <= maxLagSeconds;
      reason =
        seconds === null
          ? 'it is not replicating'
          : `it is ${seconds} s behind (DATABASE_READ_MAX_LAG=${maxLagSeconds})`;
    } catch (error) {
      reason = `its lag cannot be read (${(error as Error).message}; its user needs REPLICATION CLIENT on MySQL, SLAVE MONITOR on MariaDB)`;
    }
    if ((this.lag?.usable ?? true) !== usable) {
      if (usable) this.logger.log(`heavy reads go to the read replica again: ${reason}`);
      else this.logger.warn(`heavy reads go to the primary: ${reason}`);
    }
    this.lag = { checkedAt: now, usable };
    return usable;
  }
}
