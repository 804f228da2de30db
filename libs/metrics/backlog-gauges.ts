import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { ALL_QUEUES } from '@cchc/queue';
import { Metrics } from './metrics';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Figures read when Prometheus scrapes, from where the truth is (MySQL for the outbox, Redis for
 * the queues), so every process reports the same backlog whichever one is scraped.
 */
@Injectable()
export class BacklogGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const outbox = () => this.outboxFigures();
    new Gauge({
      name: 'cchc_outbox_pending_rows',
      help: 'Outbox rows not yet relayed to the queues',
      registers,
      async collect() {
        this.set((await outbox()).pending);
      },
    });
    new Gauge({
      name: 'cchc_outbox_lag_seconds',
      help: 'Age of the oldest outbox row not yet relayed (0 when none)',
      registers,
      async collect() {
        this.set((await outbox()).lagSeconds);
      },
    });
    new Gauge({
      name: 'cchc_outbox_dead_letters',
      help: 'Outbox rows whose job failed every attempt and waits for a retry',
      registers,
      async collect() {
        this.set((await outbox()).deadLetters);
      },
    });
    const queues = ALL_QUEUES.map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
    new Gauge({
      name: 'cchc_queue_jobs',
      help: 'Jobs in each BullMQ queue by state',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        for (const queue of queues) {
          const counts = await queue.getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES)
            this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }

  private lastOutbox: { at: number; figures: Promise<OutboxFigures> } | null = null;

  /** One query serves the three outbox gauges of a scrape (reused for a second). */
  private outboxFigures(): Promise<OutboxFigures> {
    const now = this.clock.now().getTime();
    if (!this.lastOutbox || now - this.lastOutbox.at > 1000 || now < this.lastOutbox.at)
      this.lastOutbox = { at: now, figures: this.readOutbox(now) };
    return this.lastOutbox.figures;
  }

  private async readOutbox(now: number): Promise<OutboxFigures> {
    const [row] = (await this.dataSource.query(
      `SELECT SUM(relayed_at IS NULL AND dead_at IS NULL) AS pending,
              MIN(CASE WHEN relayed_at IS NULL AND dead_at IS NULL THEN created_at END) AS oldest,
              SUM(dead_at IS NOT NULL) AS dead_letters
       FROM outbox WHERE processed_at IS NULL`,
    )) as { pending: string | null; oldest: Date | null; dead_letters: string | null }[];
    return {
      pending: Number(row?.pending ?? 0),
      lagSeconds: row?.oldest ? Math.max(0, (now - row.oldest.getTime()) / 1000) : 0,
      deadLetters: Number(row?.dead_letters ?? 0),
    };
  }
}

interface OutboxFigures {
  pending: number;
  lagSeconds: number;
  deadLetters: number;
}
