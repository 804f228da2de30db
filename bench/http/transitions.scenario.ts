/**
 * Item 3 of issue 16: a transition over HTTP (`POST /tasks/:id/events`: token, validation,
 * engine, answer) against the engine in process on the same database in the same run. Every
 * client drives tasks of its own through START → SUBMIT_REPORT → APPROVE (the officer, then the
 * task's leader), each on a task created for the run.
 */
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { SystemClock } from '@cchc/common';
import { dataSourceOptions } from '@cchc/database';
import { Actor } from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { reformTaskPersistence } from '@cchc/tasks';
import { runPool } from '../bench-args';
import { createBenchTasks, outboxDone, removeBenchTasks, TASK_STEPS } from '../bench-tasks';
import { BenchContext, failures, Figures, Scenario } from './scenario';

/**
 * Tasks made per second of a run (three transitions each): more than the API can move at 1 and
 * 16 clients together (at 250 a faster machine ran out and the last requests answered 409).
 */
const TASKS_PER_SECOND = 600;
/** Tasks the engine in process moves through the three steps. */
const ENGINE_TASKS = 1000;
const CONCURRENCY = 16;

export const transitionsScenario: Scenario = {
  name: 'transitions',
  target: {
    p99Ms: 50,
    description: 'p99 ≤ 50 ms at 16 clients, ≥ 0.5 × the engine in process in the same run',
  },
  async run(ctx: BenchContext): Promise<Figures[]> {
    const db = await new DataSource({
      ...dataSourceOptions(ctx.databaseUrl),
      extra: { connectionLimit: CONCURRENCY + 2 },
    }).initialize();
    try {
      const engine = new WorkflowEngine(db, new SystemClock());
      const actors = actorsOf(ctx);
      // Made up front, and their jobs done, so that neither path competes with the worker's backlog.
      const unitId = ctx.users.officer.unitId;
      if (!unitId) throw new Error('the demo officer has no unit');
      const ward = {
        wardId: ctx.ids.wardId,
        unitId,
        leaderId: ctx.users.leader.id,
        leader: actors.leader,
      };
      const title = 'Nhiệm vụ đo chuyển trạng thái';
      const forHttp = await createBenchTasks(
        engine,
        ward,
        ctx.seconds * TASKS_PER_SECOND,
        CONCURRENCY,
        title,
      );
      const forEngine = await createBenchTasks(engine, ward, ENGINE_TASKS, CONCURRENCY, title);
      try {
        const cursor = { next: 0 };
        const rows: Figures[] = [];
        await outboxDone(db);
        for (const connections of ctx.concurrencies) {
          rows.push(await overHttp(ctx, db, connections, forHttp, cursor));
        }
        const inProcess = await engineRate(engine, actors, forEngine);
        const http = rows.find((row) => row.concurrency === CONCURRENCY);
        if (http) {
          const ratio = http.rps / inProcess;
          const judged = `engine in process ${inProcess.toFixed(0)}/s; HTTP / engine ${ratio.toFixed(2)}`;
          http.note = [judged, http.note].filter(Boolean).join('; ');
          http.pass = http.failed === 0 && http.p99Ms <= 50 && ratio >= 0.5;
        }
        return rows;
      } finally {
        // The lists of a later run read the demo ward as it was seeded, not grown by this one.
        await outboxDone(db);
        await removeBenchTasks(db, [...forHttp, ...forEngine]);
      }
    } finally {
      await db.destroy();
    }
  },
};

function actorsOf(ctx: BenchContext): Record<'officer' | 'leader', Actor> {
  const { officer, leader } = ctx.users;
  return {
    officer: { kind: 'user', userId: officer.id, role: 'officer', unitId: officer.unitId },
    leader: { kind: 'user', userId: leader.id, role: 'leader', unitId: leader.unitId },
  };
}

/**
 * Each connection takes a task of its own and moves it through the three steps, then the next.
 * The CPU each transition (answered 2xx) cost is counted until the worker has done the jobs the
 * run wrote.
 */
async function overHttp(
  ctx: BenchContext,
  db: DataSource,
  connections: number,
  ids: string[],
  cursor: { next: number },
): Promise<Figures> {
  const before = cpuMs(ctx);
  const result = await autocannon({
    url: ctx.baseUrl,
    connections,
    duration: ctx.seconds,
    timeout: 30,
    requests: TASK_STEPS.map(({ role, ...event }, step) => ({
      method: 'POST',
      setupRequest: (request, state) => {
        // autocannon keeps one context object per connection across its requests.
        const context = state as { task?: string };
        if (step === 0) context.task = ids[cursor.next++ % ids.length];
        return {
          ...request,
          path: `/tasks/${String(context.task)}/events`,
          headers: {
            authorization: `Bearer ${ctx.tokens[role]}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ ...event, version: step + 1 }),
        };
      },
    })),
  });
  await outboxDone(db);
  const after = cpuMs(ctx);
  const per = (key: keyof typeof after) => ((after[key] - before[key]) / result['2xx']).toFixed(2);
  return {
    endpoint: 'POST /tasks/:id/events',
    concurrency: connections,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    rps: result.requests.total / result.duration,
    requests: result.requests.total,
    ...failures(
      result,
      `CPU ms/transition: API ${per('api')}, worker ${per('worker')}, ` +
        `load tool ${per('loadTool')}, machine ${per('machine')}`,
    ),
  };
}

/** CPU used so far, in ms; the load tool (autocannon) runs in this process and shares the cores. */
function cpuMs(ctx: BenchContext) {
  const { user, system } = process.cpuUsage();
  return {
    api: ctx.apiCpuMs(),
    worker: ctx.workerCpuMs(),
    loadTool: (user + system) / 1000,
    machine: ctx.machineCpuMs(),
  };
}

/** Transitions per second of the engine in this process, 16 tasks at a time. */
async function engineRate(
  engine: WorkflowEngine,
  actors: Record<'officer' | 'leader', Actor>,
  ids: string[],
): Promise<number> {
  const started = process.hrtime.bigint();
  await runPool(ids.length, CONCURRENCY, async (i) => {
    for (const [step, { role, ...event }] of TASK_STEPS.entries()) {
      await engine.send(reformTaskPersistence, ids[i], event as never, actors[role], step + 1);
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (ids.length * TASK_STEPS.length) / seconds;
}
