import { createConnection } from 'mysql2/promise';
import { AppConfig, mysqlConnectionOptions } from '@cchc/common';
import { ApiProcess, freePort } from './support/api-process';
import { freshEnvironment } from './support/e2e-env';
import { eventually, PENDING_WORK_SQL } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';
import { WorkerProcess } from './support/worker-process';

/**
 * The load is 5,000 transitions, 1,000 timers and 200 overdue dossiers (MULTI_PROCESS_SCALE=1,
 * `npm run test:scale`); `npm test` runs a fifth of it, which exercises the same races in a
 * minute instead of several.
 */
const SCALE = Number(process.env.MULTI_PROCESS_SCALE ?? 0.2);
const WORKFLOW_TASKS = Math.round(1667 * SCALE); // × 3 events = 5,001 transitions at scale 1
const OVERDUE_TASKS = Math.round(334 * SCALE); // × 3 timers (the deadline, 2 escalations)
const OVERDUE_DOSSIERS = Math.round(200 * SCALE);
const CONCURRENCY = 16;

/** Runs `work` for every item with at most `limit` at once. */
async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/**
 * Issue 15 item 5: 2 API and 3 worker processes on one MySQL and one Redis. 5,000 transitions go
 * through both APIs, 1,000 timers fall due (334 tasks already past their deadline), 200 dossiers
 * are past their appointment, and one worker is killed with SIGKILL halfway. Every effect
 * (escalation, notification, webhook delivery, apology slip) exists exactly once, nothing is lost.
 */
describe('2 APIs and 3 workers, one killed halfway: every effect exactly once', () => {
  let config: AppConfig;
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  const receiver = new WebhookReceiver();

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const connection = await createConnection(mysqlConnectionOptions(config.databaseUrl, true));
    try {
      return (await connection.query(sql, params))[0] as T[];
    } finally {
      await connection.end();
    }
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await query<{ n: number }>(sql, params))[0].n);

  // One sign-in per API and user, shared by the parallel callers (sign-ins are throttled).
  const tokens = new Map<string, Promise<string>>();
  const call = async (n: number, username: string, method: string, path: string, body?: object) => {
    const api = apis[n % apis.length];
    const key = `${api.url} ${username}`;
    if (!tokens.has(key)) {
      tokens.set(
        key,
        fetch(`${api.url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'demo' }),
        })
          .then((login) => login.json())
          .then((answer) => (answer as { accessToken: string }).accessToken),
      );
    }
    const token = await tokens.get(key);
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.status >= 500)
      throw new Error(`${method} ${path} → ${response.status}: ${text}\n${api.recentOutput()}`);
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  beforeAll(async () => {
    config = await freshEnvironment('multi_process');
    for (let i = 0; i < 2; i += 1) apis.push(new ApiProcess(config, await freePort()));
    for (let i = 0; i < 3; i += 1) workers.push(new WorkerProcess(config));
    await Promise.all([...apis, ...workers].map((process) => process.start()));
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((process) => process.kill()));
    await receiver.stop();
  });

  it('drives the load, kills a worker halfway and finds every effect once', async () => {
    const [unit] = await query<{ id: string }>("SELECT id FROM org_units WHERE code = 'VHXH'");
    const [leader] = await query<{ id: string }>("SELECT id FROM users WHERE username = 'leader'");
    await call(0, 'coordinator', 'POST', '/webhooks', {
      url: await receiver.start(),
      secret: 'a-secret-of-sixteen-chars',
      events: ['task.overdue', 'task.escalated'],
    });
    await call(0, 'coordinator', 'POST', '/procedures', {
      code: '1.000894',
      name: 'Đăng ký khai sinh',
      processingDays: 5,
      handlingUnitId: unit.id,
    });
    const task = (title: string, dueDate: string) => ({
      title,
      leadUnitId: unit.id,
      leaderId: leader.id,
      dueDate,
    });

    // Past their deadline by more than 10 working days: every timer of theirs falls due at once.
    await inParallel(Array.from({ length: OVERDUE_TASKS }), CONCURRENCY, async (_, i) => {
      await call(i, 'coordinator', 'POST', '/tasks', task(`Nhiệm vụ quá hạn ${i}`, '2026-09-30'));
    });
    await inParallel(Array.from({ length: OVERDUE_DOSSIERS }), CONCURRENCY, async (_, i) => {
      await call(i, 'one_stop_officer', 'POST', '/dossiers', {
        code: `H31-261001-${String(i + 1).padStart(4, '0')}`,
        procedureCode: '1.000894',
        applicant: { name: `Người nộp ${i}`, address: 'Phường Mẫu', phone: '0912 345 678' },
        receivedAt: '2026-10-01T09:00:00+07:00',
      });
    });

    const ids: string[] = [];
    await inParallel(Array.from({ length: WORKFLOW_TASKS }), CONCURRENCY, async (_, i) => {
      ids.push(
        (await call(i, 'coordinator', 'POST', '/tasks', task(`Nhiệm vụ ${i}`, '2027-06-30')))
          .id as string,
      );
    });
    const steps: [string, object][] = [
      ['officer', { type: 'START', version: 1 }],
      ['officer', { type: 'SUBMIT_REPORT', version: 2, report: 'Đã hoàn thành' }],
      ['leader', { type: 'APPROVE', version: 3 }],
    ];
    let transitions = 0;
    for (const [user, event] of steps) {
      await inParallel(ids, CONCURRENCY, async (id, i) => {
        await call(i, user, 'POST', `/tasks/${id}/events`, event);
        transitions += 1;
        if (transitions === Math.floor((WORKFLOW_TASKS * steps.length) / 2))
          await workers[0].kill();
      });
    }
    expect(transitions).toBe(WORKFLOW_TASKS * steps.length);

    await eventually(
      async () => (await count(PENDING_WORK_SQL, [new Date()])) === 0,
      180_000,
      'every outbox row processed and every due timer fired',
    );

    expect(await count("SELECT COUNT(*) AS n FROM reform_tasks WHERE state = 'accepted'")).toBe(
      WORKFLOW_TASKS,
    );
    expect(await count("SELECT COUNT(*) AS n FROM reform_tasks WHERE state = 'overdue'")).toBe(
      OVERDUE_TASKS,
    );
    // Every overdue task: its deadline and its 2 escalations, once each (reminders of a task
    // already past its deadline are not planned).
    const slots = await query<{ slots: string; tasks: number }>(
      `SELECT slots, COUNT(*) AS tasks FROM (
         SELECT task_id, GROUP_CONCAT(CONCAT(kind, ':', level) ORDER BY kind, level) AS slots
         FROM escalations GROUP BY task_id) per_task GROUP BY slots`,
    );
    expect(slots.map((row) => ({ slots: row.slots, tasks: Number(row.tasks) }))).toEqual([
      { slots: 'deadline:1,escalate:1,escalate:2', tasks: OVERDUE_TASKS },
    ]);
    expect(await count('SELECT COUNT(*) AS n FROM apology_slips')).toBe(OVERDUE_DOSSIERS);
    expect(await count('SELECT COUNT(DISTINCT dossier_id) AS n FROM apology_slips')).toBe(
      OVERDUE_DOSSIERS,
    );
    expect(await count('SELECT COUNT(*) AS n FROM outbox WHERE dead_at IS NOT NULL')).toBe(0);

    // The same notifications for every overdue task and every overdue dossier, however many
    // workers handled them and whichever one was killed: none lost, none doubled.
    const notificationShapes = async (subjectType: string, state: string) =>
      (
        await query<{ shape: string; subjects: number }>(
          `SELECT shape, COUNT(*) AS subjects FROM (
             SELECT subject_id, GROUP_CONCAT(CONCAT(topic, ' × ', sent) ORDER BY topic) AS shape
             FROM (SELECT n.subject_id, n.topic, COUNT(*) AS sent FROM notifications n
                   JOIN ${subjectType} s ON s.id = n.subject_id AND s.state = ?
                   GROUP BY n.subject_id, n.topic) per_topic
             GROUP BY subject_id) per_subject GROUP BY shape`,
          [state],
        )
      ).map((row) => ({ shape: row.shape, subjects: Number(row.subjects) }));
    const taskShapes = await notificationShapes('reform_tasks', 'overdue');
    expect(taskShapes).toEqual([
      { shape: expect.stringContaining('task.escalated'), subjects: OVERDUE_TASKS },
    ]);
    const dossierShapes = await notificationShapes('tthc_dossiers', 'received');
    expect(dossierShapes).toEqual([
      { shape: expect.stringContaining('dossier.apology.drafted × 1'), subjects: OVERDUE_DOSSIERS },
    ]);

    // One delivery per event and subscriber, each delivered; the receiver heard every event.
    const expectedEvents = OVERDUE_TASKS * 3; // overdue + 2 escalations
    await eventually(
      async () =>
        (await count("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'delivered'")) ===
        expectedEvents,
      60_000,
      'every webhook delivered',
    );
    expect(await count('SELECT COUNT(*) AS n FROM webhook_deliveries')).toBe(expectedEvents);
    expect(receiver.countsByKey().size).toBe(expectedEvents);
  }, 900_000);
});
