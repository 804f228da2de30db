import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { todayIn, WorkingCalendar } from '@cchc/calendar';
import { AppConfig, checkServices, ManualClock } from '@cchc/common';
import { freePort } from './support/api-process';
import { ApiClient } from './support/api-client';
import { demoWardIds } from './support/demo-ward-ids';
import { freshEnvironment } from './support/e2e-env';
import { killHard } from './support/kill-hard';
import { eventually, startApi, startWorker } from './support/test-app';

const hasRedisTools = ['redis-server', 'redis-cli'].every((tool) => {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!hasRedisTools) {
  console.warn('redis-cluster e2e skipped: redis-server and redis-cli are not installed');
}

/**
 * BullMQ on a 3-master Redis Cluster of the test's own (loopback ports, temp dirs): a task past
 * its deadline is escalated and a dossier past its appointment gets its apology slip drafted;
 * then every node is flushed, and the work still completes, once, from MySQL (timers fed again,
 * outbox rows relayed again).
 *
 * A job relayed just before the flush is lost with it and relayed again at the relay's next tick.
 */
const AFTER_FLUSH_MS = 20_000;

(hasRedisTools ? describe : describe.skip)('BullMQ on a Redis Cluster (3 masters)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  const calendar = new WorkingCalendar();
  const servers: ChildProcess[] = [];
  const ports: number[] = [];
  let dir: string;
  let config: AppConfig;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let client: ApiClient;
  let db: DataSource;
  let units: Record<string, string>;
  let users: Record<string, string>;

  const node = (port: number) => new Redis({ host: '127.0.0.1', port, lazyConnect: true });
  const onEveryNode = async <T>(command: (redis: Redis) => Promise<T>) =>
    Promise.all(
      ports.map(async (port) => {
        const redis = node(port);
        try {
          await redis.connect();
          return await command(redis);
        } finally {
          redis.disconnect();
        }
      }),
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-redis-cluster-'));
    for (let i = 0; i < 3; i += 1) {
      const [port, busPort] = [await freePort(), await freePort()];
      ports.push(port);
      servers.push(
        spawn(
          'redis-server',
          [
            ...['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes'],
            ...['--cluster-port', String(busPort), '--cluster-config-file', `nodes-${port}.conf`],
            ...['--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
          ],
          { stdio: 'ignore' },
        ),
      );
    }
    await eventually(
      async () => (await onEveryNode((redis) => redis.ping()).catch(() => null)) !== null,
      10_000,
      'the three redis-server processes',
    );
    execFileSync(
      'redis-cli',
      [
        ...['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`)],
        ...['--cluster-replicas', '0', '--cluster-yes'],
      ],
      { stdio: 'ignore' },
    );
    await eventually(
      async () =>
        (await onEveryNode((redis) => redis.cluster('INFO'))).every((info) =>
          String(info).includes('cluster_state:ok'),
        ),
      15_000,
      'cluster_state:ok on every node',
    );

    config = await freshEnvironment('redis_cluster');
    Object.assign(process.env, {
      REDIS_CLUSTER_NODES: ports.map((port) => `127.0.0.1:${port}`).join(','),
      TIMER_FEED_MS: '100',
      TIMER_SWEEP_MS: '500',
    });
    api = await startApi(clock);
    worker = await startWorker(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    ({ units, users } = await demoWardIds(client));
    const procedure = await client.post('coordinator', '/procedures', {
      code: '1.000894',
      name: 'Đăng ký khai sinh',
      processingDays: 5,
      handlingUnitId: units.VHXH,
    });
    expect(procedure.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    delete process.env.REDIS_CLUSTER_NODES;
    for (const server of servers) await killHard(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const createLateTask = async (title: string) => {
    const response = await client.post('coordinator', '/tasks', {
      title,
      leadUnitId: units.VHXH,
      leaderId: users.leader,
      dueDate: calendar.subtractWorkingDays(todayIn(clock.now()), 5),
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  /** A dossier received 12/02/2026: its appointment (26/02) has passed on the clock's day. */
  const receiveLateDossier = async (code: string) => {
    const response = await client.post('one_stop_officer', '/dossiers', {
      code,
      procedureCode: '1.000894',
      applicant: { name: 'Nguyễn Thị Hằng', address: 'Số 12 phố Trần Hưng Đạo, Phường Mẫu' },
      receivedAt: '2026-02-12T09:30:00+07:00',
    });
    expect(response.status).toBe(201);
  };

  const firings = async (taskId: string) =>
    (
      (await db.query('SELECT kind, level FROM escalations WHERE task_id = ? ORDER BY id', [
        taskId,
      ])) as { kind: string; level: number }[]
    )
      .map((row) => `${row.kind} ${row.level}`)
      .sort();

  const slips = async (code: string) =>
    (await client.get('officer', `/dossiers/${code}`)).body.apologies as { status: string }[];

  const settled = async () => {
    const [{ pending }] = await db.query(
      'SELECT COUNT(*) AS pending FROM outbox WHERE processed_at IS NULL',
    );
    return Number(pending) === 0;
  };

  it('checks the cluster before start-up, and names it in one line when it does not answer', async () => {
    const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
    expect(await checkServices({ ...config, redisCluster: { nodes } })).toEqual([]);
    const unused = await freePort();
    const problems = await checkServices({
      ...config,
      redisCluster: { nodes: [{ host: '127.0.0.1', port: unused }] },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^Redis does not answer at the cluster 127\\.0\\.0\\.1:${unused} .*REDIS_CLUSTER_NODES\\.$`,
      ),
    );
  });

  it('uses one hash-tagged prefix, so that every queue key is in one slot', async () => {
    const keys = (await onEveryNode((redis) => redis.keys('*'))).flat();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(`{${process.env.REDIS_PREFIX}}:`))).toBe(true);
    const health = await client.get('coordinator', '/health');
    expect(health.body).toMatchObject({ status: 'ok', details: { redis: { status: 'up' } } });
    // Bull Board and the backlog gauges read the queues through the same cluster connection.
    const board = await client.get('coordinator', '/queues/api/queues');
    expect(board.status).toBe(200);
    expect(board.body.queues.map((queue: { name: string }) => queue.name)).toEqual(
      expect.arrayContaining(['timers', 'apologies', 'task-timers']),
    );
    const metrics = await request(api.getHttpServer()).get('/metrics');
    expect(metrics.text).toMatch(/^cchc_queue_jobs\{queue="timers",state="waiting"\} \d+$/m);
  });

  it('escalates a task past its deadline and drafts the apology slip of an overdue dossier', async () => {
    const taskId = await createLateTask('Rà soát thủ tục trên cụm Redis');
    await receiveLateDossier('H31-260212-0101');
    await eventually(
      async () => (await firings(taskId)).length === 2,
      20_000,
      'the deadline and first escalation of the task',
    );
    expect(await firings(taskId)).toEqual(['deadline 1', 'escalate 1']);
    await eventually(
      async () => (await slips('H31-260212-0101'))?.[0]?.status === 'draft',
      20_000,
      'the draft apology slip',
    );
    await eventually(settled, 20_000, 'an empty outbox');
  });

  it('completes the same flows exactly once after every node of the cluster is flushed', async () => {
    const [earlier] = (await db.query(
      "SELECT id FROM reform_tasks WHERE title = 'Rà soát thủ tục trên cụm Redis'",
    )) as { id: string }[];
    // Its next timer waits in MySQL; the flush takes it out of Redis.
    const [next] = (await db.query(
      "SELECT fire_at FROM timers WHERE subject_type = 'reform-task' AND subject_id = ? ORDER BY fire_at LIMIT 1",
      [earlier.id],
    )) as { fire_at: Date }[];
    // New work is under way (outbox rows relayed, timers fed) when every node loses its keys.
    const taskId = await createLateTask('Rà soát thủ tục sau khi xoá Redis');
    await receiveLateDossier('H31-260212-0102');
    // A cluster node has database 0 only: FLUSHDB on each of this suite's own nodes empties them all.
    await onEveryNode((redis) => redis.flushdb());
    await eventually(
      async () => (await firings(taskId)).length === 2,
      AFTER_FLUSH_MS,
      'the firings of the task created after the flush',
    );
    await eventually(
      async () => (await slips('H31-260212-0102'))?.[0]?.status === 'draft',
      AFTER_FLUSH_MS,
      'the draft apology slip after the flush',
    );
    expect(await firings(taskId)).toEqual(['deadline 1', 'escalate 1']);

    // Both tasks share a deadline, so the next step is due for both.
    clock.set(new Date(new Date(next.fire_at).getTime() + 1000));
    for (const id of [earlier.id, taskId]) {
      await eventually(
        async () => (await firings(id)).length === 3,
        20_000,
        'the next firing, fed again from MySQL',
      );
    }
    await eventually(settled, 20_000, 'an empty outbox');
    const steps = await firings(earlier.id);
    expect(new Set(steps).size).toBe(3);
    expect(await firings(taskId)).toEqual(steps);
    for (const code of ['H31-260212-0101', 'H31-260212-0102']) {
      expect(await slips(code)).toHaveLength(1);
    }
    const notices = (await db.query(
      "SELECT subject_id, user_id, COUNT(*) AS n FROM notifications WHERE topic = 'dossier.apology.drafted' GROUP BY subject_id, user_id",
    )) as { subject_id: string; n: string }[];
    expect(new Set(notices.map((row) => row.subject_id)).size).toBe(2);
    expect(notices.every((row) => Number(row.n) === 1)).toBe(true);
  });
});
