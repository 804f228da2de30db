import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayIn, WorkingCalendar } from '@cchc/calendar';
import { AppConfig, SystemClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { demoWardIds } from './support/demo-ward-ids';
import { freshEnvironment } from './support/e2e-env';
import { eventually, startApi } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';
import { WorkerProcess } from './support/worker-process';

/** Users each firing notifies in the demo ward: lead unit (head + officer), leader, chairman. */
const EXPECTED_NOTICES: Record<string, number> = {
  'task.reminder': 2,
  'task.overdue': 3,
  'task.escalated': 1,
};

describe('deadlines with worker processes side by side, crashing (MariaDB + Redis)', () => {
  const calendar = new WorkingCalendar();
  const receiver = new WebhookReceiver();
  const workerEnv = { OUTBOX_POLL_MS: '50', TIMER_FEED_MS: '200', TIMER_SWEEP_MS: '2000' };
  let config: AppConfig;
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;
  let workers: WorkerProcess[];
  let unitId: string;
  let leaderId: string;

  beforeAll(async () => {
    config = await freshEnvironment('deadlines_workers');
    api = await startApi(new SystemClock());
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    const { units, users } = await demoWardIds(client);
    unitId = units.VHXH;
    leaderId = users.leader;
    const created = await client.post('coordinator', '/webhooks', {
      url: await receiver.start(),
      secret: 'khoa-ky-cho-bai-kiem-tra-workers',
      events: ['*'],
    });
    expect(created.status).toBe(201);
    workers = [new WorkerProcess(config, workerEnv), new WorkerProcess(config, workerEnv)];
    await Promise.all(workers.map((worker) => worker.start()));
  });

  afterAll(async () => {
    await Promise.all((workers ?? []).map((worker) => worker.kill()));
    await api?.close();
    await receiver.stop();
  });

  /**
   * Half the tasks are 5 working days past due (overdue notice + first escalation at once), half
   * are due tomorrow (their 3-days-before reminder is late and comes at once).
   */
  const createBurst = async (count: number): Promise<Map<string, string[]>> => {
    const today = todayIn(new Date());
    const pastDue = calendar.subtractWorkingDays(today, 5);
    const dueSoon = calendar.addWorkingDays(today, 1);
    const expected = new Map<string, string[]>();
    await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const late = index % 2 === 0;
        const response = await client.post('coordinator', '/tasks', {
          title: `Nhiệm vụ thử tải số ${index + 1}`,
          leadUnitId: unitId,
          leaderId,
          dueDate: late ? pastDue : dueSoon,
        });
        expect(response.status).toBe(201);
        expected.set(response.body.id, late ? ['deadline 1', 'escalate 1'] : ['remind 1']);
      }),
    );
    return expected;
  };

  const firedCount = async (ids: string[]) =>
    Number(
      (await db.query('SELECT COUNT(*) AS n FROM escalations WHERE task_id IN (?)', [ids]))[0].n,
    );

  /** Waits until every expected firing happened and every job it caused has run. */
  const settle = async (expected: Map<string, string[]>) => {
    const ids = [...expected.keys()];
    const total = [...expected.values()].flat().length;
    await eventually(
      async () => {
        // Firings first, the outbox after: a firing commits its outbox rows with it, so an
        // outbox read after every firing is seen cannot miss the jobs of the last one.
        if ((await firedCount(ids)) < total) return false;
        const [{ pending }] = await db.query(
          'SELECT COUNT(*) AS pending FROM outbox WHERE processed_at IS NULL',
        );
        return Number(pending) === 0;
      },
      120_000,
      `${total} firings and an empty outbox`,
    );
  };

  /** Every firing once: escalation rows, audit events, notifications, webhook deliveries. */
  const expectEachOnce = async (expected: Map<string, string[]>) => {
    const ids = [...expected.keys()];
    const rows = (await db.query(
      'SELECT task_id, kind, level FROM escalations WHERE task_id IN (?) ORDER BY id',
      [ids],
    )) as { task_id: string; kind: string; level: number }[];
    for (const [id, firings] of expected) {
      const mine = rows.filter((row) => row.task_id === id);
      expect(mine.map((row) => `${row.kind} ${row.level}`).sort()).toEqual([...firings].sort());
    }
    const audit = (await db.query(
      "SELECT instance_id, event_type, COUNT(*) AS n FROM audit_events WHERE instance_id IN (?) AND event_type IN ('REMIND', 'DEADLINE_PASSED', 'ESCALATE') GROUP BY instance_id, event_type",
      [ids],
    )) as { n: string }[];
    expect(audit).toHaveLength(rows.length);
    expect(audit.every((row) => Number(row.n) === 1)).toBe(true);
    const notices = (await db.query(
      "SELECT subject_id, topic, COUNT(*) AS n FROM notifications WHERE subject_id IN (?) AND topic IN ('task.reminder', 'task.overdue', 'task.escalated') GROUP BY subject_id, topic",
      [ids],
    )) as { topic: string; n: string }[];
    expect(notices).toHaveLength(rows.length);
    for (const notice of notices) expect(Number(notice.n)).toBe(EXPECTED_NOTICES[notice.topic]);
    const deliveries = (await db.query(
      "SELECT event_key, status FROM webhook_deliveries WHERE JSON_UNQUOTE(JSON_EXTRACT(body, '$.data.taskId')) IN (?)",
      [ids],
    )) as { event_key: string; status: string }[];
    expect(deliveries).toHaveLength(rows.length);
    await eventually(
      async () =>
        (
          (await db.query(
            "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status <> 'delivered' AND JSON_UNQUOTE(JSON_EXTRACT(body, '$.data.taskId')) IN (?)",
            [ids],
          )) as { n: string }[]
        )[0].n === '0',
      60_000,
      'every webhook delivered',
    );
    return deliveries.map((delivery) => delivery.event_key);
  };

  const callsFor = (keys: string[]) => {
    const counts = receiver.countsByKey();
    return keys.map((key) => counts.get(key) ?? 0);
  };

  it('fires each reminder, overdue notice and escalation once with two workers side by side', async () => {
    const expected = await createBurst(20);
    await settle(expected);
    const keys = await expectEachOnce(expected);
    expect(callsFor(keys).every((count) => count === 1)).toBe(true);
  }, 180_000);

  it('loses and doubles nothing when a worker is killed (-9) in the middle of a burst and restarted', async () => {
    const expected = await createBurst(40);
    const ids = [...expected.keys()];
    await eventually(async () => (await firedCount(ids)) > 0, 60_000, 'the burst to start firing');
    await workers[0].kill();
    await workers[0].start();
    await settle(expected);
    const keys = await expectEachOnce(expected);
    const calls = callsFor(keys);
    expect(calls.every((count) => count >= 1)).toBe(true);
    // An HTTP call in flight when the worker died may be repeated (at-least-once, as any
    // webhook): at most the killed worker's in-flight ones (4 at a time), each with the same
    // delivery id for the receiver to dedupe on.
    const repeated = keys.filter((_, index) => calls[index] > 1);
    expect(repeated.length).toBeLessThanOrEqual(4);
    for (const key of repeated) {
      const ids = receiver.calls
        .filter((call) => call.body.key === key)
        .map((call) => call.headers['webhook-id']);
      expect(new Set(ids).size).toBe(1);
    }
  }, 240_000);
});
