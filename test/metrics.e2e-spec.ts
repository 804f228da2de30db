import { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freePort } from './support/api-process';
import { freshEnvironment } from './support/e2e-env';
import { eventually, startApi, startWorker } from './support/test-app';

/** One sample of a Prometheus text exposition, by metric name and labels (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const wanted = Object.entries(labels).every(([key, value]) =>
      line.includes(`${key}="${value}"`),
    );
    if (wanted) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('metrics and request ids (MariaDB + Redis)', () => {
  const clock = new ManualClock(new Date('2026-02-12T09:30:00+07:00'));
  let api: INestApplication;
  let worker: INestApplicationContext;
  let client: ApiClient;
  let db: DataSource;
  let workerMetricsUrl: string;

  const apiMetrics = async () => (await request(api.getHttpServer()).get('/metrics')).text;
  const workerMetrics = async () => (await fetch(workerMetricsUrl)).text();

  beforeAll(async () => {
    await freshEnvironment('metrics');
    const port = await freePort();
    process.env.METRICS_PORT = String(port);
    workerMetricsUrl = `http://127.0.0.1:${port}/metrics`;
    api = await startApi(clock);
    worker = await startWorker(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
  });

  afterAll(async () => {
    delete process.env.METRICS_PORT;
    await worker?.close();
    await api?.close();
  });

  it('counts requests by route pattern and transitions by outcome, and carries the request id into the jobs', async () => {
    const [unit] = (await db.query("SELECT id FROM org_units WHERE code = 'VHXH'")) as {
      id: string;
    }[];
    const [leader] = (await db.query("SELECT id FROM users WHERE username = 'leader'")) as {
      id: string;
    }[];
    const created = await request(api.getHttpServer())
      .post('/tasks')
      .set('Authorization', `Bearer ${await client.login('coordinator')}`)
      .set('X-Request-Id', 'yeu-cau-metrics-1')
      .send({
        title: 'Niêm yết công khai thủ tục hành chính',
        leadUnitId: unit.id,
        leaderId: leader.id,
        dueDate: '2026-12-31',
      });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe('yeu-cau-metrics-1');
    const taskId = created.body.id as string;
    const jobs = (await db.query('SELECT payload FROM outbox')) as { payload: unknown }[];
    const payloads = jobs.map((job) =>
      typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload,
    );
    expect(payloads).toEqual(
      expect.arrayContaining([expect.objectContaining({ requestId: 'yeu-cau-metrics-1' })]),
    );

    // A generated id when the caller sends none (or an unusable one).
    const own = await client.get('officer', `/tasks/${taskId}`);
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    expect(
      (await client.post('officer', `/tasks/${taskId}/events`, { type: 'START', version: 1 }))
        .status,
    ).toBe(200);
    expect(
      (await client.post('officer', `/tasks/${taskId}/events`, { type: 'START', version: 1 }))
        .status,
    ).toBe(409);
    expect(
      (await client.post('officer', `/tasks/${taskId}/events`, { type: 'START', version: 2 }))
        .status,
    ).toBe(409);

    const text = await apiMetrics();
    expect(
      sample(text, 'cchc_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/tasks',
        status: '201',
      }),
    ).toBe(1);
    expect(
      sample(text, 'cchc_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/tasks/:id',
        status: '200',
      }),
    ).toBe(1);
    expect(text).not.toContain(`route="/tasks/${taskId}"`);
    const transitions = (event: string, outcome: string) =>
      sample(text, 'cchc_transitions_total', { machine: 'reform-task', event, outcome });
    expect([
      transitions('START', 'applied'),
      transitions('START', 'stale'),
      transitions('START', 'refused'),
    ]).toEqual([1, 1, 1]);
    expect(text).toMatch(/^cchc_outbox_pending_rows \d+$/m);
    expect(text).toMatch(/^cchc_outbox_dead_letters 0$/m);
    expect(text).toMatch(/^cchc_queue_jobs\{queue="notifications",state="waiting"\} \d+$/m);
  });

  it('measures timer lateness and apology slips in the worker, served on METRICS_PORT', async () => {
    const [unit] = (await db.query("SELECT id FROM org_units WHERE code = 'VHXH'")) as {
      id: string;
    }[];
    expect(
      (
        await client.post('coordinator', '/procedures', {
          code: '1.000894',
          name: 'Đăng ký khai sinh',
          processingDays: 5,
          handlingUnitId: unit.id,
        })
      ).status,
    ).toBe(201);
    const received = await client.post('one_stop_officer', '/dossiers', {
      code: 'H31-260212-0101',
      procedureCode: '1.000894',
      applicant: {
        name: 'Nguyễn Thị Hằng',
        address: 'Số 12 phố Trần Hưng Đạo',
        phone: '0912 345 678',
      },
      receivedAt: '2026-02-12T09:30:00+07:00',
    });
    expect(received.status).toBe(201);
    expect(sample(await workerMetrics(), 'cchc_apology_slips_total', { step: 'drafted' })).toBe(0);

    // The appointment (26/02/2026, after Tết) passes: the overdue timer fires and the slip is drafted.
    clock.set('2026-03-02T09:00:00+07:00');
    const text = await eventually(
      async () => {
        const current = await workerMetrics();
        return sample(current, 'cchc_apology_slips_total', { step: 'drafted' }) === 1
          ? current
          : null;
      },
      20_000,
      'the drafted apology slip to be counted',
    );
    expect(sample(text, 'cchc_timer_lateness_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'cchc_transitions_total', {
        machine: 'tthc-dossier',
        event: 'APPOINTMENT_MISSED',
        outcome: 'applied',
      }),
    ).toBe(1);
    expect((await fetch(workerMetricsUrl.replace('/metrics', '/other'))).status).toBe(404);
  });
});
