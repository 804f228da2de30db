import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { OutboxPruner, outboxJobId, QUEUES, readOutboxEpoch } from '@cchc/queue';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { runCliAsync } from './support/run-cli';
import { eventually, startApi, startWorker } from './support/test-app';

describe('outbox dead letters (MariaDB + Redis)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let api: INestApplication;
  let worker: INestApplicationContext;
  let client: ApiClient;
  let db: DataSource;
  let databaseUrl: string;
  let taskId: string;

  beforeAll(async () => {
    process.env.OUTBOX_MAX_ATTEMPTS = '2';
    databaseUrl = (await freshEnvironment('outbox_dead_letters')).databaseUrl;
    api = await startApi(clock);
    worker = await startWorker(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    const [unit] = (await db.query("SELECT id FROM org_units WHERE code = 'VHXH'")) as {
      id: string;
    }[];
    const [leader] = (await db.query("SELECT id FROM users WHERE username = 'leader'")) as {
      id: string;
    }[];
    const created = await client.post('coordinator', '/tasks', {
      title: 'Rà soát thủ tục hành chính lĩnh vực văn hóa',
      leadUnitId: unit.id,
      leaderId: leader.id,
      dueDate: '2026-12-31',
    });
    expect(created.status).toBe(201);
    taskId = created.body.id as string;
  });

  afterAll(async () => {
    delete process.env.OUTBOX_MAX_ATTEMPTS;
    await worker?.close();
    await api?.close();
  });

  const notifyPayload = (topic: string) => ({
    instanceType: 'reform-task',
    instanceId: taskId,
    seq: 1,
    topic,
    to: ['leadUnit'],
  });

  /** A notification whose topic is longer than its column: its job fails on every attempt. */
  const enqueuePoison = async (): Promise<string> => {
    const { insertId } = await db.query(
      "INSERT INTO outbox (queue, job_name, payload, created_at) VALUES ('notifications', 'notify', ?, ?)",
      [JSON.stringify(notifyPayload('x'.repeat(200))), clock.now()],
    );
    return String(insertId);
  };

  const outboxRow = async (id: string) =>
    (
      (await db.query(
        'SELECT attempts, last_error, dead_at, processed_at FROM outbox WHERE id = ?',
        [id],
      )) as {
        attempts: number;
        last_error: string | null;
        dead_at: Date | null;
        processed_at: Date | null;
      }[]
    )[0];

  const repair = (id: string) =>
    db.query('UPDATE outbox SET payload = ? WHERE id = ?', [
      JSON.stringify(notifyPayload('task.assigned')),
      id,
    ]);

  it('keeps a job that fails every attempt as a dead letter, and sends it again on retry', async () => {
    const id = await enqueuePoison();
    const dead = await eventually(
      async () => {
        const row = await outboxRow(id);
        return row.dead_at ? row : null;
      },
      20_000,
      'the row to become a dead letter',
    );
    expect(dead).toMatchObject({ attempts: 2, processed_at: null });
    expect(dead.last_error).toMatch(/too long/i);
    const queue = worker.get<Queue>(getQueueToken(QUEUES.notifications), { strict: false });
    expect(await queue.getJobState(outboxJobId(await readOutboxEpoch(db), id))).toBe('failed');

    const listed = await client.get('coordinator', '/outbox/dead-letters');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ id, queue: 'notifications', jobName: 'notify', attempts: 2 }),
    ]);
    expect((await client.get('officer', '/outbox/dead-letters')).status).toBe(403);
    expect((await client.post('coordinator', '/outbox/dead-letters/abc/retry')).status).toBe(400);
    expect((await client.post('coordinator', '/outbox/dead-letters/999999/retry')).status).toBe(
      404,
    );

    await repair(id);
    const retried = await client.post('coordinator', `/outbox/dead-letters/${id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ retried: [id] });
    await eventually(
      async () => (await outboxRow(id)).processed_at !== null,
      20_000,
      'the retried row to be processed',
    );
    expect((await client.get('coordinator', '/outbox/dead-letters')).body).toEqual([]);
  });

  it('retries dead letters from the command line', async () => {
    const id = await enqueuePoison();
    await eventually(async () => (await outboxRow(id)).dead_at !== null, 20_000, 'a dead letter');
    // Async: the in-process worker must keep running (and release its outbox row locks) meanwhile.
    const listed = await runCliAsync(['outbox', 'dead-letters', '--json'], {
      DATABASE_URL: databaseUrl,
    });
    expect(listed.status).toBe(0);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((letter) => letter.id)).toEqual([
      id,
    ]);
    await repair(id);
    const retried = await runCliAsync(['outbox', 'retry', '--all'], { DATABASE_URL: databaseUrl });
    // The whole result on failure shows the CLI's stderr too.
    expect(retried).toMatchObject({ status: 0, stdout: `Đã gửi lại 1 tác vụ: ${id}\n` });
    await eventually(
      async () => (await outboxRow(id)).processed_at !== null,
      20_000,
      'the retried row to be processed',
    );
  });

  it('prunes processed rows older than the retention period, and only those', async () => {
    const day = 24 * 3600 * 1000;
    const insert = (processedAt: Date | null) =>
      db.query(
        "INSERT INTO outbox (queue, job_name, payload, created_at, relayed_at, processed_at) VALUES ('notifications', 'notify', '{}', ?, ?, ?)",
        [clock.now(), clock.now(), processedAt],
      );
    const old = await insert(new Date(clock.now().getTime() - 8 * day));
    const recent = await insert(new Date(clock.now().getTime() - 6 * day));
    expect(await worker.get(OutboxPruner).pruneNow()).toBeGreaterThanOrEqual(1);
    const left = (await db.query('SELECT id FROM outbox WHERE id IN (?)', [
      [old.insertId, recent.insertId],
    ])) as { id: string }[];
    expect(left.map((row) => String(row.id))).toEqual([String(recent.insertId)]);
  });
});
