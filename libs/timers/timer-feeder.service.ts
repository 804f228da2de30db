import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, Ticker } from '@cchc/common';
import { markRedisRebuilt, QUEUES, redisLostKeys } from '@cchc/queue';
import { TIMER_SETTINGS, TimerSettings } from './timer-settings';

const PAGE = 5000;
const FAILED_TIMER_KEPT_S = 600;
/** New rows are looked for again for this many ticks: a transaction may commit a lower id late. */
const RECENT_TICKS = 5;
const LOSS_MARKER = 'timer-feeder';

interface FeedCursor {
  fireAt: Date;
  id: string;
}

interface FeedRow {
  id: string;
  fire_at: Date;
}

/** What a feeder has done since it started (for the benchmark and for logs). */
export interface FeederStats {
  ticks: number;
  /** Timer rows its queries returned. */
  rowsRead: number;
}

export interface TimerJobData {
  timerId: string;
}

/** The job id of a timer: a timer due when fed and one fed ahead of time are separate jobs. */
export function timerJobId(timerId: string, dueWhenFed: boolean): string {
  return `timer-${timerId}-${dueWhenFed ? 'now' : 'at'}`;
}

/**
 * Moves timers from MySQL into BullMQ, only those due within the next window, as delayed jobs
 * with deterministic ids (two feeders, or a feeder repeating itself, add nothing twice).
 * Each tick reads on from where the last one stopped along the fire_at index, plus the rows
 * inserted lately; at start, every sweep and when Redis has lost its keys it starts again from
 * the earliest timer, so after a FLUSHALL the pending timers are queued again from the next tick
 * on. Redis never holds timers beyond the window, nor more than `maxQueued` of them (when many
 * fall due at once, the rest wait in MySQL).
 */
@Injectable()
export class TimerFeeder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimerFeeder.name);
  private readonly feed = new Ticker(
    () => this.tick(),
    (error) => this.logger.error(`Timer feed failed: ${String(error)}`),
  );
  /** Every timer before this point (fire_at, id) was queued by this feeder since the last sweep. */
  private cursor: FeedCursor | null = null;
  private lastSweepAt = 0;
  /** Highest timer id seen at each of the last ticks, oldest first. */
  private recentIds: string[] = [];
  readonly stats: FeederStats = { ticks: 0, rowsRead: 0 };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.timers) private readonly queue: Queue<TimerJobData>,
    private readonly clock: Clock,
    @Inject(TIMER_SETTINGS) private readonly settings: TimerSettings,
  ) {}

  onApplicationBootstrap(): void {
    void this.feed.tick();
    this.feed.start(this.settings.feedEveryMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.feed.stop();
  }

  /** One tick; returns how many timers it queued (or re-queued). Never runs twice at once. */
  feedNow(): Promise<number> {
    return this.feed.tick();
  }

  /** Forgets what was fed, so that the next tick re-queues the whole window. */
  resweep(): void {
    this.cursor = null;
  }

  private async tick(): Promise<number> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + this.settings.windowMs);
    const lost = await redisLostKeys(this.queue, LOSS_MARKER);
    const sweep =
      lost || !this.cursor || Date.now() - this.lastSweepAt >= this.settings.sweepEveryMs;
    const maxId = await this.maxId();
    const sinceId = this.recentIds[0] ?? maxId;
    let budget = this.settings.maxQueued - (await this.queuedJobs());
    let fed = 0;
    if (sweep) {
      this.cursor = null;
      this.lastSweepAt = Date.now();
    } else if (budget > 0) {
      const inserted = await this.insertedSince(sinceId, horizon, budget);
      fed += await this.enqueue(inserted, now);
      budget -= inserted.length;
    }
    const range = await this.feedRange(this.cursor, horizon, budget, now);
    this.cursor = range.cursor;
    fed += range.fed;
    // The sweep has begun (it goes on from the cursor at the next ticks).
    if (lost) await markRedisRebuilt(this.queue, LOSS_MARKER);
    this.stats.ticks += 1;
    this.recentIds = [...this.recentIds, maxId].slice(-RECENT_TICKS);
    return fed;
  }

  private async maxId(): Promise<string> {
    const [row] = (await this.dataSource.query(
      'SELECT COALESCE(MAX(id), 0) AS id FROM timers',
    )) as { id: string }[];
    return String(row.id);
  }

  /** Timer jobs in Redis now, waiting or delayed or running. */
  private async queuedJobs(): Promise<number> {
    const counts = await this.queue.getJobCounts('wait', 'delayed', 'active', 'prioritized');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  }

  /**
   * Queues up to `budget` timers after `from` in (fire_at, id) order with fire_at < to, page by
   * page along the fire_at index; returns where it stopped (`to` when it reached the end).
   */
  private async feedRange(
    from: FeedCursor | null,
    to: Date,
    budget: number,
    now: Date,
  ): Promise<{ fed: number; cursor: FeedCursor | null }> {
    let fed = 0;
    let after = from;
    while (fed < budget) {
      const conditions = ['fire_at < ?'];
      const params: unknown[] = [to];
      if (after) {
        conditions.push('(fire_at > ? OR (fire_at = ? AND id > ?))');
        params.push(after.fireAt, after.fireAt, after.id);
      }
      const limit = Math.min(PAGE, budget - fed);
      const rows = (await this.dataSource.query(
        `SELECT id, fire_at FROM timers WHERE ${conditions.join(' AND ')} ` +
          `ORDER BY fire_at, id LIMIT ${limit}`,
        params,
      )) as FeedRow[];
      fed += await this.enqueue(rows, now);
      if (rows.length < limit) return { fed, cursor: { fireAt: to, id: '0' } };
      const last = rows[rows.length - 1];
      after = { fireAt: new Date(last.fire_at), id: String(last.id) };
    }
    return { fed, cursor: after };
  }

  /** Timers inserted lately (re-plans, catch-up) that are already inside the window. */
  private async insertedSince(sinceId: string, to: Date, limit: number): Promise<FeedRow[]> {
    return (await this.dataSource.query(
      `SELECT id, fire_at FROM timers WHERE id > ? AND fire_at < ? ORDER BY id LIMIT ${limit}`,
      [sinceId, to],
    )) as FeedRow[];
  }

  private async enqueue(rows: FeedRow[], now: Date): Promise<number> {
    this.stats.rowsRead += rows.length;
    if (rows.length === 0) return 0;
    await this.queue.addBulk(
      rows.map((row) => {
        const delay = Math.max(0, new Date(row.fire_at).getTime() - now.getTime());
        const timerId = String(row.id);
        return {
          name: 'fire',
          data: { timerId },
          opts: {
            jobId: timerJobId(timerId, delay === 0),
            delay,
            // The row in MySQL is what makes a firing happen once; Redis keeps no history of it.
            removeOnComplete: true,
            // A timer that failed every retry (e.g. MySQL was down) is shown for a while, then
            // its job goes and the next sweep queues it again: its row is still pending.
            removeOnFail: { age: FAILED_TIMER_KEPT_S },
          },
        };
      }),
    );
    return rows.length;
  }
}
