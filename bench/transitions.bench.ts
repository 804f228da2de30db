/**
 * Persisted transitions per second: the engine (xstate + one multi-statement transaction) against
 * the same writes hand-written with mysql2 (read, BEGIN, UPDATE, audit INSERT, the notification's
 * INSERT, the outbox INSERT of a timer-planning job when the step needs one, COMMIT).
 *   npm run bench:transitions -- --tasks 2000 --concurrency 16
 */
import 'reflect-metadata';
import { createPool, Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig, mysqlConnectionOptions, SystemClock } from '@cchc/common';
import { dataSourceOptions } from '@cchc/database';
import { Actor } from '@cchc/domain';
import { eventHash } from '@cchc/audit';
import { WorkflowEngine } from '@cchc/engine';
import { prepareRuntime, runMain } from '@cchc/runtime';
import { reformTaskPersistence } from '@cchc/tasks';
import { numericArgs, runPool } from './bench-args';
import { benchDatabaseUrl } from './bench-database';
import { BenchWard, createBenchTasks, TASK_STEPS } from './bench-tasks';

interface Ward extends BenchWard {
  officer: Actor;
  leader: Actor & { kind: 'user' };
}

runMain(async () => {
  const { tasks, concurrency, rounds } = numericArgs({ tasks: 1000, concurrency: 16, rounds: 3 });
  const base = loadConfig();
  const config = {
    ...base,
    // The bench's own database gets the demo ward it runs on, whatever NODE_ENV says.
    demoSeed: true,
    databaseUrl: benchDatabaseUrl(base.databaseUrl, 'cchc_bench'),
  };
  await prepareRuntime(config, { seedDemo: true });
  const dataSource = await new DataSource({
    ...dataSourceOptions(config.databaseUrl),
    extra: { connectionLimit: concurrency + 2 },
  }).initialize();
  const pool = createPool({
    ...mysqlConnectionOptions(config.databaseUrl, true),
    connectionLimit: concurrency + 2,
    timezone: 'Z',
  });
  try {
    const ward = await loadWard(dataSource);
    const engine = new WorkflowEngine(dataSource, new SystemClock());
    console.log(
      `bench:transitions — ${tasks} tasks × ${TASK_STEPS.length} transitions, concurrency ${concurrency}, ${config.databaseUrl}`,
    );

    const snapshots = await engineSnapshots(engine, ward);
    const runEngine = async (count: number) => {
      const ids = await createBenchTasks(engine, ward, count, concurrency, 'Nhiệm vụ thử');
      return measure(count, concurrency, async (i) => {
        let version = 1;
        for (const { role, ...event } of TASK_STEPS) {
          await engine.send(reformTaskPersistence, ids[i], event as never, ward[role], version++);
        }
      });
    };
    const runFloor = async (count: number) => {
      const ids = await createBenchTasks(engine, ward, count, concurrency, 'Nhiệm vụ thử');
      return measure(count, concurrency, (i) => handWritten(pool, ids[i], ward, snapshots));
    };
    // Warm both paths up (JIT, buffer pool), then alternate rounds so neither gains from going second.
    await runEngine(Math.min(200, tasks));
    await runFloor(Math.min(200, tasks));
    const engineRates: number[] = [];
    const floorRates: number[] = [];
    for (let round = 0; round < rounds; round++) {
      engineRates.push(await runEngine(tasks));
      floorRates.push(await runFloor(tasks));
    }
    const engineRate = median(engineRates);
    const floorRate = median(floorRates);
    print('engine (xstate + group commit)', engineRate, engineRates);
    print('hand-written mysql2 SQL (the floor)', floorRate, floorRates);
    console.log(`ratio engine / floor: ${(engineRate / floorRate).toFixed(2)}`);
  } finally {
    await pool.end();
    await dataSource.destroy();
  }
});

async function loadWard(dataSource: DataSource): Promise<Ward> {
  const [unit] = await dataSource.query(
    "SELECT id, ward_id FROM org_units WHERE code = 'VHXH' LIMIT 1",
  );
  const [officer] = await dataSource.query("SELECT id FROM users WHERE username = 'officer'");
  const [leader] = await dataSource.query("SELECT id FROM users WHERE username = 'leader'");
  return {
    wardId: unit.ward_id,
    unitId: unit.id,
    leaderId: leader.id,
    officer: { kind: 'user', userId: officer.id, role: 'officer', unitId: unit.id },
    leader: { kind: 'user', userId: leader.id, role: 'leader', unitId: null },
  };
}

/** The snapshot the engine writes at each step, so the floor path writes the same bytes. */
async function engineSnapshots(engine: WorkflowEngine, ward: Ward): Promise<string[]> {
  const [id] = await createBenchTasks(engine, ward, 1, 1, 'Nhiệm vụ thử');
  const snapshots: string[] = [];
  let version = 1;
  for (const { role, ...event } of TASK_STEPS) {
    const result = await engine.send(
      reformTaskPersistence,
      id,
      event as never,
      ward[role],
      version++,
    );
    snapshots.push(
      JSON.stringify({ value: result.snapshot.value, context: result.snapshot.context }),
    );
  }
  return snapshots;
}

/** Who each step tells (START, SUBMIT_REPORT, APPROVE), as the machine says. */
const TOLD = [
  {
    topic: 'task.started',
    heading: 'Đơn vị đã bắt đầu thực hiện nhiệm vụ',
    who: 'u.id = t.leader_id',
  },
  { topic: 'task.reported', heading: 'Có báo cáo chờ nghiệm thu', who: 'u.id = t.leader_id' },
  {
    topic: 'task.accepted',
    heading: 'Nhiệm vụ đã được nghiệm thu',
    who: "u.unit_id = t.lead_unit_id AND u.role IN ('unit_head', 'officer')",
  },
];

/** The plain SQL a transition needs, written by hand: read, then one transaction of its writes. */
async function handWritten(pool: Pool, id: string, ward: Ward, snapshots: string[]): Promise<void> {
  const states = ['inProgress', 'reported', 'accepted'];
  for (let step = 0; step < TASK_STEPS.length; step++) {
    const connection = await pool.getConnection();
    try {
      const [rows] = await connection.query(
        'SELECT t.snapshot, t.version, a.hash, a.ward_id FROM reform_tasks t ' +
          'LEFT JOIN audit_events a ON a.instance_id = t.id AND a.seq = t.version WHERE t.id = ?',
        [id],
      );
      const [{ version, hash: prevHash, ward_id: wardId }] = rows as {
        version: number;
        hash: string;
        ward_id: string | null;
      }[];
      const now = new Date();
      await connection.beginTransaction();
      const [update] = await connection.query(
        'UPDATE reform_tasks SET state = ?, snapshot = ?, late = 0, updated_at = ?, version = ? WHERE id = ? AND version = ?',
        [states[step], snapshots[step], now, version + 1, id, version],
      );
      if ((update as { affectedRows: number }).affectedRows !== 1) throw new Error('lost a race');
      const actor = ward[TASK_STEPS[step].role];
      const event = {
        instanceType: 'reform-task',
        instanceId: id,
        seq: version + 1,
        eventType: TASK_STEPS[step].type,
        fromState: step === 0 ? 'assigned' : states[step - 1],
        toState: states[step],
        actorId: actor.kind === 'user' ? actor.userId : null,
        actorRole: actor.kind === 'user' ? actor.role : 'system',
        reason: null,
        payload: null,
        occurredAt: now,
      };
      await connection.query(
        'INSERT INTO audit_events (instance_type, instance_id, seq, event_type, from_state, to_state, actor_id, actor_role, reason, payload, occurred_at, ward_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [...Object.values(event), wardId, prevHash, eventHash(event, prevHash)],
      );
      // The notification, in the same transaction, and the re-planning of the task's timers when
      // the step changes them (SUBMIT_REPORT: a reported task waits for no due date), as the
      // engine writes them.
      const told = TOLD[step];
      await connection.query(
        'INSERT INTO notifications (user_id, dedupe_key, topic, subject_type, subject_id, title, body, created_at) ' +
          "SELECT u.id, ?, ?, 'reform-task', t.id, CONCAT(?, t.title), CONCAT(?, t.title), ? " +
          `FROM reform_tasks t JOIN users u ON ${told.who} AND u.active = 1 WHERE t.id = ?`,
        [
          `reform-task:${id}:${version + 1}:${told.topic}`,
          told.topic,
          `${told.heading}: `,
          `${told.heading}.\nNhiệm vụ: `,
          now,
          id,
        ],
      );
      if (TASK_STEPS[step].type === 'SUBMIT_REPORT')
        await connection.query(
          'INSERT INTO outbox (queue, job_name, payload, created_at) VALUES (?, ?, ?, ?)',
          [
            'task-timers',
            'plan',
            JSON.stringify({ instanceType: 'reform-task', instanceId: id, seq: version + 1 }),
            now,
          ],
        );
      await connection.commit();
    } catch (error) {
      await connection.rollback();
      throw error;
    } finally {
      connection.release();
    }
  }
}

async function measure(
  tasks: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
): Promise<number> {
  const started = process.hrtime.bigint();
  await runPool(tasks, concurrency, work);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (tasks * TASK_STEPS.length) / seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function print(label: string, rate: number, rounds: number[]): void {
  const each = rounds.map((value) => value.toFixed(0)).join(', ');
  console.log(
    `${label.padEnd(38)} ${rate.toFixed(0).padStart(6)} transitions/s  (rounds: ${each})`,
  );
}
