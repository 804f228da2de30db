import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
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

  it('refuses list items that are no objects, naming the list or the item, and changes nothing', async () => {
    const policy = (await client.get('coordinator', '/escalation-policy')).body;
    for (const [user, method, path, body, list] of [
      [
        'coordinator',
        'put',
        '/escalation-policy',
        { reminders: [[]], escalations: [] },
        'reminders',
      ],
      ['coordinator', 'put', '/unit-aliases', { aliases: [[]] }, 'aliases'],
      ['coordinator', 'put', '/unit-groups', { groups: [[]] }, 'groups'],
      ['coordinator', 'put', '/leader-assignments', { assignments: [[]] }, 'assignments'],
      [
        'coordinator',
        'post',
        '/par/criteria',
        { issuer: 'UBND', year: 2026, criteria: [[]] },
        'criteria',
      ],
      ['coordinator', 'put', '/inspections/checklist', { topics: [[]] }, 'topics'],
      ['coordinator', 'post', '/inspections/campaigns', { visits: [[]] }, 'visits'],
    ] as const) {
      const refused = await client[method](user, path, body);
      expect([path, refused.status]).toEqual([path, 400]);
      expect(refused.body.fields).toContainEqual({
        field: list,
        message: `${list} phải là danh sách các đối tượng`,
      });
    }
    const numbered = await client.put('coordinator', '/escalation-policy', {
      reminders: [{ workingDaysBefore: 1, at: '08:00', to: ['leadUnit'] }, 5],
      escalations: [],
    });
    expect([numbered.status, numbered.body.fields]).toEqual([
      400,
      [{ field: 'reminders.1', message: 'reminders phải là danh sách các đối tượng' }],
    ]);
    expect((await client.get('coordinator', '/escalation-policy')).body).toEqual(policy);
  });

  it('takes a broken session cookie for no session (401), and cut-offs Date cannot read as 400s', async () => {
    const broken = await request(api.getHttpServer())
      .get('/tasks')
      .set('Cookie', 'cchc_session=%E0%A4%A');
    expect(broken.status).toBe(401);
    const some = '00000000-0000-4000-8000-000000000000';
    for (const cutoff of ['2026-W07-4', '2026-043', '20260212T093000Z', '2026-02-30T09:00']) {
      const actuals = await client.get(
        'coordinator',
        `/plans/${some}/targets/actuals?cutoff=${cutoff}`,
      );
      expect([cutoff, actuals.status, actuals.body.fields?.[0]?.field]).toEqual([
        cutoff,
        400,
        'cutoff',
      ]);
    }
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

  const bearer = async (username: string) => `Bearer ${await client.login(username)}`;
  const fieldsOf = (response: request.Response) =>
    (response.body.fields ?? []).map((f: { field: string }) => f.field);
  const unitName = async (code: string) =>
    (await db.query('SELECT name FROM org_units WHERE code = ?', [code]))[0].name as string;
  const brokenText = (property: string) =>
    `${property} chứa ký tự Unicode hỏng (nửa cặp surrogate UTF-16 đứng lẻ); hãy gõ hoặc dán lại`;

  it('refuses lone UTF-16 surrogates in any text with a 400 naming the field, writing nothing', async () => {
    const written = async () =>
      Promise.all(['reform_tasks', 'wards', 'users', 'tthc_dossiers', 'webhooks'].map(count));
    const before = await written();

    const title = await client.post('coordinator', '/tasks', task({ title: '\ud800' }));
    expect(title.status).toBe(400);
    expect(title.body.fields).toEqual([{ field: 'title', message: brokenText('title') }]);

    const created = (await client.post('coordinator', '/tasks', task({}))).body;
    const report = await client.post('officer', `/tasks/${created.id}/events`, {
      type: 'SUBMIT_REPORT',
      version: created.version,
      report: 'x\ud83d',
    });
    expect(report.status).toBe(400);
    expect(fieldsOf(report)).toEqual(['report']);

    const ward = await client.post('system_admin', '/wards', { code: 'phuong-x', name: 'X\ud800' });
    expect([ward.status, fieldsOf(ward)]).toEqual([400, ['name']]);

    const dossier = await client.post('one_stop_officer', '/dossiers', {
      code: 'H31-260212-0002',
      procedureCode: '1.000894',
      applicant: { name: 'A\udc00' },
      receivedAt: '2026-02-12T09:30:00+07:00',
    });
    expect([dossier.status, fieldsOf(dossier)]).toEqual([400, ['applicant.name']]);

    const user = await client.post('admin', '/users', {
      username: 'nguoi.moi',
      fullName: 'A\ud800',
      role: 'officer',
      unitId: units.VHXH,
    });
    expect([user.status, fieldsOf(user)]).toEqual([400, ['fullName']]);

    // Fields that are not IsText (a signing key, a password) are refused all the same.
    const webhook = await client.post('coordinator', '/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      secret: 'a-secret-of-sixteen-\udfff',
      events: ['task.overdue'],
    });
    expect(webhook.body.fields).toEqual([{ field: 'secret', message: brokenText('secret') }]);
    const login = await request(api.getHttpServer())
      .post('/auth/login')
      .send({ username: 'officer', password: 'demo\ud800' });
    expect([login.status, fieldsOf(login)]).toEqual([400, ['password']]);

    const after = await written();
    expect(after).toEqual([before[0] + 1, ...before.slice(1)]);
  });

  it('refuses uploads and bodies that are not UTF-8 with a 400 naming the line; XLSX still reads', async () => {
    // A CSV saved by Excel in a Vietnamese locale: cp1258, where ò is the single byte 0xF2.
    const cp1258 = (text: string) => Buffer.from(text, 'latin1');
    const vhxh = await unitName('VHXH');
    const units = await request(api.getHttpServer())
      .post('/units/import')
      .set('Authorization', await bearer('admin'))
      .attach('file', cp1258('code,name\nVHXH,Phòng X\n'), 'don-vi.csv');
    expect(units.status).toBe(400);
    expect(units.body.message).toBe(
      'file: Dòng 2: Tệp không phải UTF-8: hãy lưu lại dưới dạng CSV UTF-8.',
    );
    expect(await unitName('VHXH')).toBe(vhxh);

    const workbook = new Workbook();
    workbook.addWorksheet('Đơn vị').addRows([
      ['code', 'name'],
      ['VHXH', vhxh],
    ]);
    const xlsx = await request(api.getHttpServer())
      .post('/units/import')
      .set('Authorization', await bearer('admin'))
      .attach('file', Buffer.from(await workbook.xlsx.writeBuffer()), 'don-vi.xlsx');
    expect(xlsx.status).toBe(200);
    expect(await unitName('VHXH')).toBe(vhxh);

    const plan = await request(api.getHttpServer())
      .post('/plans/import?dryRun=true')
      .set('Authorization', await bearer('coordinator'))
      .attach(
        'file',
        Buffer.concat([
          Buffer.from('STT,Nội dung công việc,Cơ quan chủ trì,Thời gian hoàn thành\n'),
          cp1258('1,Rà soát,Phòng Văn hóa - Xã hội,Quý I/2026\n'),
        ]),
        'ke-hoach.csv',
      );
    expect(plan.status).toBe(400);
    expect(plan.body.errors).toEqual([
      {
        row: 2,
        field: 'table',
        message: 'Tệp không phải UTF-8: hãy lưu lại dưới dạng CSV UTF-8.',
      },
    ]);

    const dossiers = await count('tthc_dossiers');
    const bulk = async (contentType: string, body: Buffer) =>
      request(api.getHttpServer())
        .post('/dossiers/bulk')
        .set('Authorization', await bearer('one_stop_officer'))
        .set('Content-Type', contentType)
        .send(body);
    const csv = await bulk(
      'text/csv',
      Buffer.concat([
        Buffer.from('Mã hồ sơ,Mã thủ tục,Người nộp,Ngày tiếp nhận\n'),
        Buffer.from('H31-1,1.000894,Nguyễn Thị Hằng,2026-02-12T09:30:00+07:00\n'),
        cp1258('H31-2,1.000894,Trần Văn Ân,2026-02-12T09:30:00+07:00\n'),
      ]),
    );
    expect(csv.status).toBe(400);
    expect(csv.body.message).toBe(
      'Dòng 3: tệp không phải UTF-8; hãy lưu lại dưới dạng CSV UTF-8. Chưa hồ sơ nào được ghi.',
    );
    const ndjson = await bulk(
      'application/x-ndjson',
      cp1258('{"code":"H31-3","procedureCode":"1.000894","applicant":{"name":"Trần"}}\n'),
    );
    expect(ndjson.status).toBe(400);
    expect(ndjson.body.message).toContain('Dòng 1: tệp không phải UTF-8');

    const raw = await request(api.getHttpServer())
      .post('/dossiers')
      .set('Authorization', await bearer('one_stop_officer'))
      .set('Content-Type', 'application/json')
      .serialize((bytes: Buffer) => bytes as unknown as string) // the bytes as they are
      .send(
        Buffer.concat([
          Buffer.from('{"code":"H31-4","procedureCode":"1.000894","applicant":{"name":"Tr'),
          Buffer.from([0xe2]),
          Buffer.from('n"},"receivedAt":"2026-02-12T09:30:00+07:00"}'),
        ]),
      );
    expect(raw.status).toBe(400);
    expect(raw.body.message).toBe(
      'Nội dung yêu cầu không phải UTF-8 (có byte của bảng mã khác); hãy gửi văn bản mã hóa UTF-8',
    );
    expect(await count('tthc_dossiers')).toBe(dossiers);
  });

  it('says which parameter is wrong: ids, years and reversed periods are 400s', async () => {
    const webhook = await client.get('coordinator', '/webhooks/not-a-uuid/deliveries');
    expect([webhook.status, webhook.body.message]).toEqual([400, 'id phải là UUID của webhook']);
    const report = await client.get('coordinator', '/reports/not-a-uuid');
    expect([report.status, report.body.message]).toEqual([400, 'id phải là UUID của báo cáo']);
    // Every controller's ids: a 400 in Vietnamese naming the parameter and whose id it is.
    const some = '00000000-0000-4000-8000-000000000000';
    for (const [user, method, path, message] of [
      ['coordinator', 'get', '/tasks/x', 'id phải là UUID của nhiệm vụ'],
      ['coordinator', 'get', '/tasks/x/history', 'id phải là UUID của nhiệm vụ'],
      ['coordinator', 'get', '/tasks/x/evidence', 'id phải là UUID của nhiệm vụ'],
      ['coordinator', 'get', '/evidence/x', 'id phải là UUID của tệp minh chứng'],
      ['coordinator', 'get', '/plans/x', 'id phải là UUID của kế hoạch'],
      ['coordinator', 'get', '/plans/x/targets', 'id phải là UUID của kế hoạch'],
      ['coordinator', 'delete', `/plans/${some}/targets/x`, 'targetId phải là UUID của chỉ tiêu'],
      ['admin', 'patch', '/users/x', 'id phải là UUID của tài khoản'],
      ['admin', 'post', '/users/x/reset-password', 'id phải là UUID của tài khoản'],
      ['province_officer', 'get', '/province/wards/x/plans', 'wardId phải là UUID của phường/xã'],
      ['coordinator', 'get', '/inspections/campaigns/x', 'id phải là UUID của đợt kiểm tra'],
      [
        'coordinator',
        'get',
        `/inspections/campaigns/${some}/visits/x/minutes.docx`,
        'unitId phải là UUID của đơn vị',
      ],
      [
        'one_stop_officer',
        'get',
        '/apologies/x/document?format=pdf',
        'id phải là UUID của phiếu xin lỗi',
      ],
    ]) {
      const server = request(api.getHttpServer());
      const call = server[method as 'get' | 'post' | 'patch' | 'delete'](path).set(
        'Authorization',
        await bearer(user),
      );
      const refused = method === 'get' ? await call : await call.send({});
      expect([path, refused.status, refused.body.message]).toEqual([path, 400, message]);
    }

    for (const year of ['99999999999999999999', '0', '1999', '2101', '20x6']) {
      const par = await client.get('coordinator', `/par/${year}`);
      expect([par.status, par.body.message]).toEqual([400, 'year phải là năm từ 2000 đến 2100']);
    }
    expect((await client.get('coordinator', '/par/2026')).status).not.toBe(400);

    for (const [path, from, to] of [
      ['/stats/tasks', 'from', 'to'],
      ['/stats/dossiers', 'from', 'to'],
      ['/dossiers', 'receivedFrom', 'receivedTo'],
      ['/dossiers', 'appointmentFrom', 'appointmentTo'],
      ['/tasks', 'dueAfter', 'dueBefore'],
    ]) {
      const reversed = await client.get(
        'coordinator',
        `${path}?${from}=2026-12-31&${to}=2026-01-01`,
      );
      expect(reversed.status).toBe(400);
      expect(reversed.body.fields).toEqual([
        { field: to, message: `${to} (2026-01-01) không được trước ${from} (2026-12-31)` },
      ]);
      const oneDay = await client.get('coordinator', `${path}?${from}=2026-03-01&${to}=2026-03-01`);
      expect(oneDay.status).toBe(200);
    }
  });

  it('refuses a query string whose percent-encoded bytes are not UTF-8, naming the parameter', async () => {
    const notUtf8 = (name: string) =>
      `${name} có byte không phải UTF-8 (địa chỉ mã hóa bằng bảng mã khác); hãy gửi địa chỉ mã hóa UTF-8`;
    for (const [path, field] of [
      ['/tasks?text=%C3%28', 'text'], // a sequence cut short
      ['/tasks?page=1&text=%FF', 'text'], // a byte UTF-8 never has
      ['/tasks?text=Ph%F2ng', 'text'], // "Phòng" in cp1258
      ['/dossiers?text=%E1%BA', 'text'],
      ['/tasks?%FF=1', '%FF'], // the name itself, as sent
      ['/calendar/workdays/add?date=2026-02-12&n=%C3', 'n'],
    ]) {
      const refused = await client.get('coordinator', path);
      expect([path, refused.status, refused.body.fields]).toEqual([
        path,
        400,
        [{ field, message: notUtf8(field) }],
      ]);
      expect(refused.body.message).toBe(`Dữ liệu không hợp lệ: ${field}: ${notUtf8(field)}`);
    }
    // Every route, signed in or not, before anything reads the query.
    const health = await request(api.getHttpServer()).get('/health?probe=%FF');
    expect([health.status, health.body.fields]).toEqual([
      400,
      [{ field: 'probe', message: notUtf8('probe') }],
    ]);
    // UTF-8 as the console sends it still reads; a stray % is not a byte and stays as typed.
    const found = await client.get('coordinator', '/tasks?text=R%C3%A0%20so%C3%A1t');
    expect(found.status).toBe(200);
    expect((await client.get('coordinator', '/tasks?text=100%')).status).toBe(200);
  });

  it('refuses a JSON criteria file that is not UTF-8, naming the file and the line', async () => {
    const criteria = async () => count('par_criteria');
    const before = await criteria();
    const tree = {
      issuer: 'UBND thành phố Hải Phòng',
      year: 2027,
      criteria: [
        { code: 'I', name: 'Công tác chỉ đạo, điều hành', maxPoints: 2, method: 'self' },
        { code: '1.1', name: 'Kế hoạch cải cách hành chính', maxPoints: 2, method: 'self' },
      ],
    };
    const upload = async (data: Buffer) =>
      request(api.getHttpServer())
        .post('/par/criteria/import')
        .set('Authorization', await bearer('coordinator'))
        .attach('file', data, 'tieu-chi-2027.json');
    // Saved in cp1258 (or latin-1): "thành" has the single byte 0xE0 on line 2.
    const cp1258 = await upload(Buffer.from(JSON.stringify(tree, null, 2), 'latin1'));
    expect([cp1258.status, cp1258.body.message]).toEqual([
      400,
      'file: Dòng 2: Tệp không phải UTF-8: hãy lưu lại dưới dạng JSON UTF-8.',
    ]);
    expect(await criteria()).toBe(before);

    const utf8 = await upload(Buffer.from(JSON.stringify(tree, null, 2)));
    expect(utf8.status).toBe(200);
    const names = (await client.get('coordinator', '/par/2027')).body.criteria.map(
      (criterion: { name: string }) => criterion.name,
    );
    expect(names.sort()).toEqual(['Công tác chỉ đạo, điều hành', 'Kế hoạch cải cách hành chính']);
  });

  it("says multer's refusals of an upload in Vietnamese, naming the field", async () => {
    const wrongField = await request(api.getHttpServer())
      .post('/units/import')
      .set('Authorization', await bearer('admin'))
      .attach('other', Buffer.from('code,name\n'), 'don-vi.csv');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.message).toBe(
      "Không nhận tệp (trường 'other'): tệp phải được gửi trong trường 'file' (multipart/form-data).",
    );

    const noBoundary = await request(api.getHttpServer())
      .post('/units/import')
      .set('Authorization', await bearer('admin'))
      .set('Content-Type', 'multipart/form-data')
      .send('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--x--\r\n');
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.body.message).toBe(
      "Tiêu đề Content-Type thiếu 'boundary' của multipart/form-data; hãy để trình duyệt hoặc thư viện HTTP tự đặt tiêu đề này.",
    );

    const cut = await request(api.getHttpServer())
      .post('/units/import')
      .set('Authorization', await bearer('admin'))
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\ncode');
    expect(cut.status).toBe(400);
    expect(cut.body.message).toMatch(/multipart\/form-data bị cắt giữa chừng|Tệp tải lên bị cắt/);
  });
});
