import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { Metrics } from '@cchc/metrics';
import { QUEUES } from '@cchc/queue';
import { TimerJobData } from './timer-feeder.service';
import { TimerRegistry } from './timer-registry';
import { TIMER_SETTINGS, TimerSettings, timerSettings } from './timer-settings';
import { DueTimer } from './timer.types';

interface TimerRow {
  id: string;
  subject_type: string;
  subject_id: string;
  kind: string;
  level: number;
  due_date: string | null;
  fire_at: Date;
}

export type FireOutcome = 'fired' | 'gone' | { early: Date };

/**
 * Fires one timer: locks its subject's row then its own, runs the subject type's handler and
 * deletes the row in the same transaction. A timer already fired (or replaced) has no row any more, so a job run twice, by two
 * workers or after a flush, does nothing the second time.
 */
@Processor(QUEUES.timers, { concurrency: timerSettings().concurrency })
export class TimerProcessor extends WorkerHost {
  private readonly logger = new Logger(TimerProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: TimerRegistry,
    private readonly clock: Clock,
    @Inject(TIMER_SETTINGS) private readonly settings: TimerSettings,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  async process(job: Job<TimerJobData>, token?: string): Promise<FireOutcome> {
    const outcome = await this.fire(job.data.timerId);
    if (typeof outcome === 'object') {
      // Woken before its time (the timer was moved, or clocks differ by a little): wait again,
      // unless that is beyond the window, which the feeder will queue when it comes.
      const wait = outcome.early.getTime() - this.clock.now().getTime();
      if (wait <= this.settings.windowMs && token) {
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
    }
    return outcome;
  }

  async fire(timerId: string): Promise<FireOutcome> {
    let fired: { kind: string; lateSeconds: number } | null = null;
    // READ COMMITTED, as every writer of timers: some handlers (dossiers') re-plan a subject's
    // timers, and under REPEATABLE READ their gap locks deadlock with concurrent receipts and
    // transitions.
    const outcome = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      // Read, not locked: the subject's row is locked before the timer's (TimerHandler). A timer
      // row is never updated, only deleted, so what is read stays true while the row exists.
      const [row] = (await manager.query(
        'SELECT id, subject_type, subject_id, kind, level, due_date, fire_at FROM timers WHERE id = ?',
        [timerId],
      )) as TimerRow[];
      if (!row) return 'gone';
      const fireAt = new Date(row.fire_at);
      if (fireAt.getTime() > this.clock.now().getTime()) return { early: fireAt };
      const handler = this.registry.handlerFor(row.subject_type);
      if (!handler) throw new Error(`No timer handler for subject type '${row.subject_type}'`);
      await handler.lockSubject(manager, row.subject_id);
      const [locked] = (await manager.query('SELECT id FROM timers WHERE id = ? FOR UPDATE', [
        timerId,
      ])) as unknown[];
      // Fired, or re-planned away, by whoever held the subject's row before.
      if (!locked) return 'gone';
      const timer: DueTimer = {
        id: String(row.id),
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        kind: row.kind,
        level: row.level,
        dueDate: row.due_date,
        fireAt,
      };
      await handler.fire(manager, timer);
      await manager.query('DELETE FROM timers WHERE id = ?', [timerId]);
      this.logger.debug(
        `Fired ${timer.kind} ${timer.level} of ${timer.subjectType} ${timer.subjectId}`,
      );
      fired = {
        kind: timer.kind,
        lateSeconds: (this.clock.now().getTime() - fireAt.getTime()) / 1000,
      };
      return 'fired' as const;
    });
    // Counted once committed: a rolled-back firing is retried and counted then.
    if (fired) {
      const { kind, lateSeconds } = fired;
      this.metrics.timerLateness.observe({ kind }, lateSeconds);
    }
    return outcome;
  }
}
