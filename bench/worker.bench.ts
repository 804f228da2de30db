/**
 * What the worker spends on each transition's jobs: SQL statements (counted on the driver's
 * connections of the worker's pool) and worker CPU, per step of START → SUBMIT_REPORT → APPROVE.
 * The engine writes one step for every task while the outbox relay is paused, then the worker
 * (in this process) relays and runs the jobs until the outbox is empty.
 *   npm run bench:worker -- --tasks 300
 * BENCH_DATABASE_URL (default …/cchc_bench_worker), BENCH_REDIS_URL (default db 13).
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Connection } from 'mysql2';
import { DataSource } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { loadConfig, SystemClock } from '@cchc/common';
import { dataSourceOptions } from '@cchc/database';
import { Actor } from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { TaskTimerPlanner } from '@cchc/escalations';
import { OutboxRelay } from '@cchc/queue';
import { prepareRuntime, runMain } from '@cchc/runtime';
import { reformTaskPersistence } from '@cchc/tasks';
import { TimerProcessor } from '@cchc/timers';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { numericArgs, runPool } from './bench-args';
import { benchDatabaseUrl } from './bench-database';
import { createBenchTasks, outboxDone, TASK_STEPS } from './bench-tasks';

/** Statements sent by connections of pools other than the engine's, by their first words. */
const counted = new Map<string, number>();
/** Round trips (queries sent, a multi-statement packet being one) by the same connections. */
let roundTrips = 0;
let counting = false;
let enginePool: unknown;

runMain(async () => {
  const { tasks } = numericArgs({ tasks: 300 });
  const base = loadConfig();
  const databaseUrl = benchDatabaseUrl(base.databaseUrl, 'cchc_bench_worker');
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/13',
    REDIS_PREFIX: 'bench-worker',
    LOG_LEVEL: 'warn',
    JWT_SECRET: process.env.JWT_SECRET || randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY:
      process.env.AUDIT_SIGNING_KEY ||
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }),
  });
  const config = { ...loadConfig(), demoSeed: true };
  await prepareRuntime(config, { seedDemo: true });
  countStatements();
  const db = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  enginePool = (db.driver as unknown as { pool: unknown }).pool;
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['warn'] });
  await app.init();
  const relay = app.get(OutboxRelay);
  try {
    const engine = new WorkflowEngine(db, new SystemClock());
    const actors = await actorsOf(db);
    const ids = await createBenchTasks(engine, actors, tasks, 16, 'Nhiệm vụ đo worker');
    await outboxDone(db);
    console.log(
      `bench:worker — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; ${tasks} tasks; ` +
        `load average ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
    );
    for (const [step, { role, ...event }] of TASK_STEPS.entries()) {
      await relay.onApplicationShutdown();
      await runPool(tasks, 16, async (i) => {
        await engine.send(reformTaskPersistence, ids[i], event as never, actors[role], step + 1);
      });
      counted.clear();
      roundTrips = 0;
      counting = true;
      const cpu = process.cpuUsage();
      relay.onApplicationBootstrap();
      await outboxDone(db);
      const used = process.cpuUsage(cpu);
      counting = false;
      const total = [...counted.values()].reduce((sum, n) => sum + n, 0);
      console.log(
        `\n${event.type}: ${(total / tasks).toFixed(2)} statements in ` +
          `${(roundTrips / tasks).toFixed(2)} round trips and ` +
          `${((used.user + used.system) / 1000 / tasks).toFixed(2)} ms worker CPU per transition`,
      );
      for (const [sql, n] of [...counted].sort((a, b) => b[1] - a[1]))
        console.log(`  ${(n / tasks).toFixed(2).padStart(6)}  ${sql}`);
    }
    await firingWhilePlanning(app, db, engine, actors, tasks);
    console.log(
      `\nload average after ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await app.close();
    await db.destroy();
  }
});

/**
 * A timer falling due while its task is re-planned (a transition's plan job): `tasks` tasks due
 * today, made while the relay is paused; each is planned (its first reminder, 3 working days
 * before, is due at once), then that reminder's firing and another plan of the task start
 * together. Prints the deadlocks the server counted meanwhile (Innodb_deadlocks, server-wide)
 * and the firings or plans that failed.
 */
async function firingWhilePlanning(
  app: INestApplicationContext,
  db: DataSource,
  engine: WorkflowEngine,
  actors: Awaited<ReturnType<typeof actorsOf>>,
  tasks: number,
): Promise<void> {
  const relay = app.get(OutboxRelay);
  const processor = app.get(TimerProcessor);
  const planner = app.get(TaskTimerPlanner);
  const plan = (taskId: string) =>
    db.transaction('READ COMMITTED', (manager) => planner.planIn(manager, taskId));
  await relay.onApplicationShutdown();
  const today = todayIn(new Date());
  const ids = await createBenchTasks(engine, actors, tasks, 16, 'Nhiệm vụ đo hẹn giờ', today);
  const deadlocks = async () =>
    Number(
      ((await db.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'")) as { Value: string }[])[0]
        .Value,
    );
  const before = await deadlocks();
  let failed = 0;
  await runPool(tasks, 16, async (i) => {
    await plan(ids[i]);
    const [reminder] = (await db.query(
      "SELECT id FROM timers WHERE subject_type = 'reform-task' AND subject_id = ? AND kind = 'remind' AND level = 1",
      [ids[i]],
    )) as { id: string }[];
    const outcomes = await Promise.allSettled([processor.fire(reminder.id), plan(ids[i])]);
    failed += outcomes.filter((outcome) => outcome.status === 'rejected').length;
  });
  console.log(
    `\nA reminder firing while its task is re-planned, ${tasks} tasks: ` +
      `${(await deadlocks()) - before} deadlocks on the server, ${failed} firings or plans failed`,
  );
  relay.onApplicationBootstrap();
  await outboxDone(db);
}

/** Counts each statement the worker's connections send (a multi-statement query counts each). */
function countStatements(): void {
  const prototype = Connection.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
  };
  const query = prototype.query;
  prototype.query = function (this: { _pool?: unknown }, ...args: unknown[]) {
    if (counting && this._pool !== enginePool) {
      roundTrips++;
      const sql = typeof args[0] === 'string' ? args[0] : (args[0] as { sql: string }).sql;
      for (const statement of sql.split(/;\s*(?=[A-Z])/)) {
        const key = statement.replace(/\s+/g, ' ').trim().slice(0, 90);
        counted.set(key, (counted.get(key) ?? 0) + 1);
      }
    }
    return query.apply(this, args);
  };
}

async function actorsOf(db: DataSource) {
  const [unit] = (await db.query(
    "SELECT id, ward_id FROM org_units WHERE code = 'VHXH' LIMIT 1",
  )) as { id: string; ward_id: string }[];
  const [officer] = (await db.query("SELECT id FROM users WHERE username = 'officer'")) as {
    id: string;
  }[];
  const [leader] = (await db.query("SELECT id FROM users WHERE username = 'leader'")) as {
    id: string;
  }[];
  return {
    wardId: unit.ward_id,
    unitId: unit.id,
    leaderId: leader.id,
    officer: { kind: 'user', userId: officer.id, role: 'officer', unitId: unit.id } as Actor,
    leader: { kind: 'user', userId: leader.id, role: 'leader', unitId: null } as Actor & {
      kind: 'user';
    },
  };
}
