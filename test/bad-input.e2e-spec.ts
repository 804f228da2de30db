import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { demoWardIds } from './support/demo-ward-ids';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

/** The repros of issue 10, items 1–7: each gets a clear 4xx naming what is wrong, not a 5xx. */
describe('bad input gets a clear 4xx', () => {
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;
  let units: Record<string, string>;

  beforeAll(async () => {
    await freshEnvironment('bad_input');
    api = await startApi(new ManualClock(new Date('2026-02-12T09:30:00+07:00')));
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    units = (await demoWardIds(client)).units;
  });

  afterAll(async () => {
    await api?.close();
  });

  const task = (changes: object) => ({
    title: 'Rà soát thủ tục hành chính',
    leadUnitId: units.VHXH,
    dueDate: '2026-03-31',
    ...changes,
  });
  const count = async (table: string) =>
    Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it('refuses a body over the limit with 413 and deep JSON with 400, in Vietnamese', async () => {
    const huge = await request(api.getHttpServer())
      .post('/auth/login')
      .send({ username: 'x'.repeat(150_000), password: 'demo' });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toBe('Nội dung yêu cầu quá lớn (tối đa 128 KB)');

    const deep = await request(api.getHttpServer())
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
    expect(deep.status).toBe(400);
    expect(deep.body.message).toBe('Nội dung JSON lồng quá sâu (tối đa 32 cấp)');

    const broken = await request(api.getHttpServer())
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toBe('Nội dung yêu cầu không phải JSON hợp lệ');
  });

  it('refuses impossible dates and dates the calendar cannot plan, naming the range', async () => {
    const tasks = await count('reform_tasks');
    const impossible = await client.post('coordinator', '/tasks', task({ dueDate: '2026-02-30' }));
    expect(impossible.status).toBe(400);
    expect(impossible.body.fields).toEqual([
      {
        field: 'dueDate',
        message: 'dueDate phải là ngày có thật dạng YYYY-MM-DD, từ 1902-01-01 đến 2197-12-31',
      },
    ]);
    for (const dueDate of ['2200-01-01', '9999-12-31', '1899-12-31']) {
      expect((await client.post('coordinator', '/tasks', task({ dueDate }))).status).toBe(400);
    }
    expect(await count('reform_tasks')).toBe(tasks);

    const add = (query: string) => client.get('officer', `/calendar/workdays/add?${query}`);
    expect((await add('date=2026-02-30&n=5')).body.message).toContain(
      'date phải là ngày có thật dạng YYYY-MM-DD, từ 1900-01-01 đến 2199-12-31',
    );
    expect((await add('date=2026-02-12&n=100000')).body.message).toContain(
      'n tối đa 2500 ngày làm việc',
    );
    const pastTheEnd = await add('date=2199-12-01&n=100');
    expect(pastTheEnd.status).toBe(400);
    expect(pastTheEnd.body.message).toBe('Lịch âm chỉ tính cho các năm 1900–2199 (nhận 2200)');
    expect((await add('date=2026-02-12&n=5')).body.result).toBe('2026-02-26');

    for (const year of ['2200', '1899', '0', '20x6']) {
      const response = await client.get('officer', `/calendar/years/${year}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('year phải là năm từ 1900 đến 2199');
    }
  });

  it('refuses text longer than its column, blank titles and NUL bytes before the database', async () => {
    const tasks = await count('reform_tasks');
    for (const [changes, field] of [
      [{ content: 'x'.repeat(70_000) }, 'content dài quá 20000 ký tự'],
      [{ title: '   ' }, 'title không được để trống hay chỉ có khoảng trắng'],
      [{ title: 'Rà soát\u0000' }, 'title chứa ký tự điều khiển (NUL…) không được phép'],
    ] as const) {
      const response = await client.post('coordinator', '/tasks', task(changes));
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(field);
    }
    expect(await count('reform_tasks')).toBe(tasks);

    const created = (await client.post('coordinator', '/tasks', task({}))).body;
    const longReason = await client.post('chairman', `/tasks/${created.id}/events`, {
      type: 'CANCEL',
      version: created.version,
      reason: 'x'.repeat(70_000),
    });
    expect(longReason.status).toBe(400);
    expect(longReason.body.message).toContain('reason dài quá 20000 ký tự');
  });

  it('refuses a dossier without its applicant, and procedures or webhooks that make no sense', async () => {
    const dossier = await client.post('one_stop_officer', '/dossiers', {
      code: 'H31-260212-0001',
      procedureCode: '1.000894',
      receivedAt: '2026-02-12T09:30:00+07:00',
    });
    expect(dossier.status).toBe(400);
    expect(dossier.body.message).toContain('applicant (người nộp hồ sơ) là bắt buộc');

    const procedure = await client.post('coordinator', '/procedures', {
      code: '  ',
      name: 'Đăng ký khai sinh',
      processingDays: 0,
      handlingUnitId: units.VHXH,
    });
    expect(procedure.status).toBe(400);
    expect(procedure.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'code',
      'processingDays',
    ]);

    const webhook = await client.post('coordinator', '/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      secret: 'a-secret-of-sixteen-chars',
      events: ['task.nope'],
    });
    expect(webhook.status).toBe(400);
    expect(webhook.body.fields[0].field).toBe('events');
  });

  it('refuses pages beyond range', async () => {
    for (const path of ['/tasks', '/dossiers']) {
      const response = await client.get('coordinator', `${path}?page=99999999999999999999`);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('page tối đa là 10000');
    }
  });

  it('reads booleans strictly: anything but true/false/1/0 is a 400 and the import writes nothing', async () => {
    const plan = Buffer.from(
      'STT,Nội dung công việc,Cơ quan chủ trì,Thời gian hoàn thành\n' +
        '1,Rà soát thủ tục hành chính,Phòng Văn hóa - Xã hội,Quý I/2026\n',
    );
    const importPlan = async (query: string) =>
      request(api.getHttpServer())
        .post(`/plans/import?${query}`)
        .set('Authorization', `Bearer ${await client.login('coordinator')}`)
        .attach('file', plan, 'ke-hoach.csv');

    expect((await importPlan('dryRun=true')).body.tasks).toHaveLength(1);
    const [plans, tasks] = [await count('plans'), await count('reform_tasks')];
    for (const value of ['yes', 'TRUE', 'on', 'maybe', '']) {
      const response = await importPlan(`dryRun=${value}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('dryRun phải là true hoặc false (hoặc 1/0)');
    }
    expect((await importPlan('dryRun=1')).body.tasks).toHaveLength(1);
    expect([await count('plans'), await count('reform_tasks')]).toEqual([plans, tasks]);

    const overdue = await client.get('officer', '/tasks?overdue=yes');
    expect(overdue.status).toBe(400);
    expect(overdue.body.fields).toEqual([
      { field: 'overdue', message: 'overdue phải là true hoặc false (hoặc 1/0)' },
    ]);
  });
});
