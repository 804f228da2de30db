/**
 * Timers at scale: seeds `--active` live deadlines (pending timers) into its own database, lets a
 * stream of `--stream` real reform tasks fall due at `--rate` per second through the worker's
 * timer path (feeder → BullMQ delayed jobs → DEADLINE_PASSED through the engine + escalation row),
 * and prints how late they fire, the Redis memory the timers take and the rows read per firing.
 *   npm run bench:deadlines -- --active 1000000 [--stream 3000] [--rate 200]
 * Environment: BENCH_DATABASE_URL (default …/cchc_bench_deadlines), BENCH_REDIS_URL (default db 14,
 * flushed), TIMER_CONCURRENCY (firings in parallel, default 16).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createPool, Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { addDays, endOfDayInstant, todayIn } from '@cchc/calendar';
import { CommonModule, loadConfig, SystemClock } from '@cchc/common';
import { DatabaseModule } from '@cchc/database';
import { MetricsModule } from '@cchc/metrics';
import { WorkflowEngine } from '@cchc/engine';
import { TaskTimersModule } from '@cchc/escalations';
import { QueueModule } from '@cchc/queue';
import { prepareRuntime, runMain } from '@cchc/runtime';
import { reformTaskPersistence } from '@cchc/tasks';
import { TimerFeeder, TimerRunnerModule } from '@cchc/timers';
import { numericArgs, runPool } from './bench-args';
import { benchDatabaseUrl, dropDatabase } from './bench-database';

const SEED_BATCH = 10_000;
/** The first stream deadline falls due this long after the worker starts. */
const LEAD_MS = 5_000;

/** The worker's timer path only: no outbox relay, so nothing re-plans the seeded timers. */
@Module({
  imports: [
    CommonModule,
    DatabaseModule,
    QueueModule,
    MetricsModule,
    TimerRunnerModule,
    TaskTimersModule,
  ],
})
class TimerBenchModule {}

runMain(async () => {
  const { active, stream, rate } = numericArgs({ active: 100_000, stream: 3000, rate: 200 });
  if (stream > active) throw new Error('--stream must not exceed --active');
  const base = loadConfig();
  const databaseUrl = benchDatabaseUrl(base.databaseUrl, 'cchc_bench_deadlines');
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';
  Object.assign(process.env, { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, LOG_LEVEL: 'warn' });
  // The bench's own database gets the demo ward it runs on, whatever NODE_ENV says.
  const config = { ...base, demoSeed: true, databaseUrl, redisUrl };
  console.log(`bench:deadlines — ${active} live deadlines, ${stream} falling due at ${rate}/s`);

  await dropDatabase(databaseUrl);
  await prepareRuntime(config, { seedDemo: true });
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  const pool = createPool({ uri: databaseUrl, connectionLimit: 4, timezone: 'Z' });
  const dataSource = await new DataSource({
    type: 'mysql',
    url: databaseUrl,
    timezone: 'Z',
    dateStrings: ['DATE'],
    multipleStatements: true,
  }).initialize();

  let started = Date.now();
  await seedIdleDeadlines(pool, active - stream);
  console.log(`seeded ${active - stream} idle deadlines in ${seconds(started)}`);

  started = Date.now();
  const engine = new WorkflowEngine(dataSource, new SystemClock());
  const [unit] = await pool.query("SELECT id, ward_id FROM org_units WHERE code = 'VHXH'");
  const { id: unitId, ward_id: wardId } = (unit as { id: string; ward_id: string }[])[0];
  const today = todayIn(new Date());
  const taskIds = Array.from({ length: stream }, () => randomUUID());
  await runPool(stream, 16, async (i) => {
    await engine.create(reformTaskPersistence, {
      id: taskIds[i],
      input: { leadUnitId: unitId, leaderId: null, dueDate: today },
      actor: { kind: 'system' },
      columns: {
        ward_id: wardId,
        title: `Nhiệm vụ ${i + 1}`,
        content: 'Nhiệm vụ của bài đo',
        coordinating_unit_ids: '[]',
      },
    });
  });
  const streamStart = Date.now() + LEAD_MS;
  const planned = new Map<string, number>();
  const rows = taskIds.map((id, i) => {
    const fireAt = streamStart + Math.floor((i * 1000) / rate);
    planned.set(id, fireAt);
    return ['reform-task', id, 'deadline', 1, today, new Date(fireAt)];
  });
  for (let i = 0; i < rows.length; i += SEED_BATCH) {
    const batch = rows.slice(i, i + SEED_BATCH);
    await pool.query(
      'INSERT INTO timers (subject_type, subject_id, kind, level, due_date, fire_at) VALUES ?',
      [batch],
    );
  }
  console.log(
    `created ${stream} tasks falling due from now + ${LEAD_MS / 1000} s in ${seconds(started)}`,
  );

  const redisBefore = await usedMemory(redis);
  const rowsReadBefore = await serverRowsRead(pool);
  const worker = await NestFactory.createApplicationContext(TimerBenchModule, {
    logger: ['error'],
  });
  await worker.init();
  const feeder = worker.get(TimerFeeder);

  let peakRedis = 0;
  let peakTimerKeys = { keys: 0, bytes: 0 };
  // Room for a burst (a high --rate) to be worked off at a few hundred firings a second.
  const endBy = streamStart + (stream * 1000) / rate + 60_000 + stream * 10;
  let fired = 0;
  while (Date.now() < endBy) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    peakRedis = Math.max(peakRedis, (await usedMemory(redis)) - redisBefore);
    const timerKeys = await timerKeyMemory(redis);
    if (timerKeys.bytes > peakTimerKeys.bytes) peakTimerKeys = timerKeys;
    const [[count]] = (await pool.query('SELECT COUNT(*) AS n FROM escalations')) as never as [
      { n: number }[],
    ];
    fired = Number(count.n);
    if (fired >= stream) break;
  }
  const rowsRead = (await serverRowsRead(pool)) - rowsReadBefore;
  const [firedRows] = (await pool.query('SELECT task_id, fired_at FROM escalations')) as never as [
    { task_id: string; fired_at: Date }[],
  ];
  const lateness = firedRows
    .map((row) => new Date(row.fired_at).getTime() - (planned.get(row.task_id) ?? 0))
    .sort((a, b) => a - b);
  const [[left]] = (await pool.query('SELECT COUNT(*) AS n FROM timers')) as never as [
    { n: number }[],
  ];

  const lastFired = Math.max(...firedRows.map((row) => new Date(row.fired_at).getTime()));
  console.log(
    `fired ${lateness.length} of ${stream} (${((lateness.length * 1000) / Math.max(1, lastFired - streamStart)).toFixed(0)}/s); ${Number(left.n)} timers still pending`,
  );
  console.log(
    `lateness vs due time: p50 ${quantile(lateness, 0.5)} ms, p99 ${quantile(lateness, 0.99)} ms, max ${lateness[lateness.length - 1] ?? '-'} ms`,
  );
  console.log(
    `Redis: used_memory +${mb(peakRedis)} at peak (INFO memory); timer keys at peak: ${peakTimerKeys.keys} keys, ${mb(peakTimerKeys.bytes)} (MEMORY USAGE)`,
  );
  console.log(
    `DB rows read per firing: feeder ${(feeder.stats.rowsRead / Math.max(1, fired)).toFixed(2)} timer rows ` +
      `(${feeder.stats.ticks} ticks); whole server ${(rowsRead / Math.max(1, fired)).toFixed(1)} (server rows-read counter, includes the firing's own reads)`,
  );

  await worker.close();
  await dataSource.destroy();
  await pool.end();
  redis.disconnect();
});

/** Deadlines spread over the coming year, for subjects that do not fall due during the bench. */
async function seedIdleDeadlines(pool: Pool, count: number): Promise<void> {
  const today = todayIn(new Date());
  for (let start = 0; start < count; start += SEED_BATCH) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + SEED_BATCH); i++) {
      const due = addDays(today, 1 + (i % 365));
      rows.push(['reform-task', `idle-${i}`, 'deadline', 1, due, endOfDayInstant(due)]);
    }
    await pool.query(
      'INSERT INTO timers (subject_type, subject_id, kind, level, due_date, fire_at) VALUES ?',
      [rows],
    );
  }
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Keys of the timers queue and their MEMORY USAGE. */
async function timerKeyMemory(redis: Redis): Promise<{ keys: number; bytes: number }> {
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', 'bull:timers:*', 'COUNT', 1000);
    cursor = next;
    const pipeline = redis.pipeline();
    batch.forEach((key) => pipeline.memory('USAGE', key));
    for (const [, usage] of (await pipeline.exec()) ?? []) bytes += Number(usage ?? 0);
    keys += batch.length;
  } while (cursor !== '0');
  return { keys, bytes };
}

async function serverRowsRead(pool: Pool): Promise<number> {
  // MySQL 8 counts Innodb_rows_read; MariaDB counts Rows_read.
  const [rows] = await pool.query(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_rows_read', 'Rows_read')",
  );
  return Number((rows as { Value: string }[])[0]?.Value ?? 0);
}

function quantile(sorted: number[], q: number): number | string {
  if (sorted.length === 0) return '-';
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
