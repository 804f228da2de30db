import { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { Workbook } from 'exceljs';
import { ApiClient } from './support/api-client';
import { demoWardIds } from './support/demo-ward-ids';
import { docxText } from './support/document-text';
import { samplePdf } from './support/evidence-samples';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

const tree = {
  issuer: 'UBND thành phố Hải Phòng',
  year: 2026,
  criteria: [
    { code: 'I', name: 'Công tác chỉ đạo, điều hành', maxPoints: 4, method: 'self' },
    { code: '1.1', name: 'Kế hoạch CCHC năm', maxPoints: 4, method: 'self' },
  ],
};

describe('province officer (Sở Nội vụ), MariaDB', () => {
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;
  let demoId: string;
  const haiAnId = randomUUID();
  const otherProvinceId = randomUUID();

  /** A ward with one coordinator (password as the demo users'), in a province. */
  const addWard = async (id: string, code: string, name: string, province: string) => {
    await db.query('INSERT INTO wards (id, code, name, province) VALUES (?, ?, ?, ?)', [
      id,
      code,
      name,
      province,
    ]);
    await db.query(
      `INSERT INTO users (id, ward_id, unit_id, username, full_name, role, password_hash, active, created_at)
       SELECT ?, ?, NULL, ?, 'Công chức tham mưu', 'coordinator', password_hash, 1, NOW(3)
       FROM users WHERE username = 'coordinator'`,
      [randomUUID(), id, `coordinator_${code}`],
    );
  };

  beforeAll(async () => {
    await freshEnvironment('province');
    api = await startApi(new ManualClock(new Date('2026-03-20T08:00:00+07:00')));
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    [{ id: demoId }] = await db.query("SELECT id FROM wards WHERE code = 'demo'");
    await addWard(haiAnId, 'hai-an', 'Phường Hải An', 'Thành phố Hải Phòng');
    await addWard(otherProvinceId, 'ha-long', 'Phường Hạ Long', 'Tỉnh Quảng Ninh');
    for (const [coordinator, score] of [
      ['coordinator', 3],
      ['coordinator_hai-an', 4],
      ['coordinator_ha-long', 4],
    ] as const) {
      expect((await client.post(coordinator, '/par/criteria', tree)).status).toBe(200);
      const scored = await client.put(coordinator, '/par/2026/criteria/1.1/score', { score });
      expect(scored.status).toBe(200);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('sees the wards of its province only, and ranks them', async () => {
    const wards = (await client.get('province_officer', '/province/wards')).body;
    expect(wards.map((ward: { code: string }) => ward.code).sort()).toEqual(['demo', 'hai-an']);
    const rankings = await client.get('province_officer', '/province/rankings?year=2026');
    expect(rankings.status).toBe(200);
    expect(
      rankings.body.wards.map((row: { rank: number; ward: { code: string } }) => [
        row.rank,
        row.ward.code,
      ]),
    ).toEqual([
      [1, 'hai-an'],
      [2, 'demo'],
    ]);
    expect(rankings.body.wards[1]).toMatchObject({
      parPoints: 3,
      parMaxPoints: 4,
      parPercent: 75,
      dossierOnTimeRate: null,
      reportsDue: 0,
      reportsOnTimeRate: null,
    });
    expect((await client.get('province_officer', '/province/rankings?year=hai')).status).toBe(400);
    expect((await client.get('coordinator', '/province/rankings?year=2026')).status).toBe(403);
  });

  it("reads a ward's self-assessment, plans and reports, never another province's", async () => {
    const assessment = await client.get('province_officer', `/province/wards/${haiAnId}/par/2026`);
    expect([assessment.status, assessment.body.total.points]).toEqual([200, 4]);
    expect((await client.get('province_officer', `/province/wards/${demoId}/plans`)).status).toBe(
      200,
    );
    expect(
      (await client.get('province_officer', `/province/wards/${demoId}/reports`)).body,
    ).toEqual([]);
    const foreign = await client.get(
      'province_officer',
      `/province/wards/${otherProvinceId}/par/2026`,
    );
    expect(foreign.status).toBe(404);
  });

  it("names a wrong path parameter: a PAR Index year out of the ward's range, a malformed id", async () => {
    for (const path of ['par/:year', 'par/:year/export.xlsx', 'par/:year/export.docx']) {
      for (const year of ['99999999999999999999', '0', '1999', '2101', '20x6', '-2026']) {
        const refused = await client.get(
          'province_officer',
          `/province/wards/${haiAnId}/${path.replace(':year', year)}`,
        );
        expect([path, year, refused.status, refused.body.message]).toEqual([
          path,
          year,
          400,
          'year phải là năm từ 2000 đến 2100',
        ]);
      }
    }
    // The range's ends are years (no criteria loaded for them: whatever the answer, not a 400).
    for (const year of ['2000', '2100']) {
      const read = await client.get('province_officer', `/province/wards/${haiAnId}/par/${year}`);
      expect([year, read.status]).not.toEqual([year, 400]);
    }
    for (const [path, message] of [
      ['/province/wards/phuong-1/plans', 'wardId phải là UUID của phường/xã'],
      [`/province/wards/${demoId}/plans/ke-hoach/targets`, 'planId phải là UUID của kế hoạch'],
      [`/province/wards/${demoId}/reports/bao-cao`, 'reportId phải là UUID của báo cáo'],
      [`/province/wards/${demoId}/evidence/tep`, 'evidenceId phải là UUID của tệp minh chứng'],
    ]) {
      const refused = await client.get('province_officer', path);
      expect([path, refused.status, refused.body.message]).toEqual([path, 400, message]);
    }
  });

  /** The body as bytes, whatever its type. */
  const download = async (username: string, path: string) =>
    request(api.getHttpServer())
      .get(path)
      .set('Authorization', `Bearer ${await client.login(username)}`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  /** A PDF uploaded as a file of the user's ward (POST /evidence) or of a task. */
  const upload = async (username: string, text: string, path = '/evidence') => {
    const uploaded = await request(api.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${await client.login(username)}`)
      .attach('file', await samplePdf(text), `${text}.pdf`);
    expect([text, uploaded.status]).toEqual([text, 201]);
    return uploaded.body as { id: string; sha256: string };
  };

  it("downloads a ward's evidence file its scores name, and no other file", async () => {
    const named = await upload('coordinator', 'Kế hoạch CCHC năm 2026');
    const unnamed = await upload('coordinator', 'Bản nháp');
    const other = await upload('coordinator_hai-an', 'Kế hoạch của Hải An');
    const rescored = await client.put('coordinator', '/par/2026/criteria/1.1/score', {
      score: 3,
      evidenceIds: [named.id],
    });
    expect(rescored.status).toBe(200);
    await client.put('coordinator_hai-an', '/par/2026/criteria/1.1/score', {
      score: 4,
      evidenceIds: [other.id],
    });
    const file = await download(
      'province_officer',
      `/province/wards/${demoId}/evidence/${named.id}`,
    );
    expect([file.status, file.headers['x-content-type-options']]).toEqual([200, 'nosniff']);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(named.sha256);
    // Not named by any score, target value or contribution; another ward's file under this ward.
    for (const [wardId, id] of [
      [demoId, unnamed.id],
      [demoId, other.id],
      [haiAnId, named.id],
      [otherProvinceId, randomUUID()],
    ])
      expect(
        (await client.get('province_officer', `/province/wards/${wardId}/evidence/${id}`)).status,
      ).toBe(404);
    expect(
      (await client.get('province_officer', `/province/wards/${haiAnId}/evidence/${other.id}`))
        .status,
    ).toBe(200);
    expect(
      (await client.get('coordinator', `/province/wards/${demoId}/evidence/${named.id}`)).status,
    ).toBe(403);
    expect(
      (await client.get('province_officer', `/province/wards/${demoId}/evidence/tep`)).status,
    ).toBe(400);
  });

  it("downloads a ward's file named only by a target value or by a unit's contribution", async () => {
    // A plan with one task of the culture office, a target entered by hand, and Q1's report.
    const plan = await request(api.getHttpServer())
      .post('/plans/import?year=2026')
      .set('Authorization', `Bearer ${await client.login('coordinator')}`)
      .attach(
        'file',
        Buffer.from(
          'STT,Nội dung công việc,Cơ quan chủ trì,Thời gian hoàn thành\n' +
            'I,Cải cách thủ tục hành chính,,\n' +
            '1,Niêm yết công khai thủ tục,Phòng Văn hóa - Xã hội,Tháng 06/2026\n',
        ),
        'ke-hoach-2026.csv',
      );
    expect([plan.status, plan.body.status]).toEqual([200, 'created']);
    const planId = plan.body.planId as string;
    const target = await client.post('coordinator', `/plans/${planId}/targets`, {
      code: 'CT-01',
      name: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
      unit: 'percent',
      comparator: 'gte',
      value: 80,
      source: 'entered',
    });
    expect(target.status).toBe(200);
    const byValue = await upload('coordinator', 'Số liệu thanh toán trực tuyến');
    const entered = await client.post(
      'coordinator',
      `/plans/${planId}/targets/${target.body.id}/values`,
      {
        from: '2025-12-15',
        to: '2026-03-14',
        value: 85,
        evidenceIds: [byValue.id],
      },
    );
    expect(entered.status).toBe(200);

    const { units } = await demoWardIds(client);
    const [task] = (await client.get('officer', `/tasks?planId=${planId}&leadUnitId=${units.VHXH}`))
      .body.items as { id: string; version: number }[];
    const started = await client.post('officer', `/tasks/${task.id}/events`, {
      type: 'START',
      version: task.version,
    });
    expect(started.status).toBe(200);
    const byContribution = await upload(
      'officer',
      'Biên bản niêm yết',
      `/tasks/${task.id}/evidence`,
    );
    // The task's working paper, which no contribution names.
    const draft = await upload('officer', 'Bản nháp niêm yết', `/tasks/${task.id}/evidence`);
    const report = await client.post('coordinator', '/reports', {
      kind: 'quy',
      year: 2026,
      index: 1,
    });
    expect(report.status).toBe(201);
    const contribution = (
      report.body.contributions as { id: string; unitId: string; version: number }[]
    ).find((row) => row.unitId === units.VHXH)!;
    const submitted = await client.post(
      'officer',
      `/reports/${report.body.id}/contributions/${contribution.id}/events`,
      {
        type: 'SUBMIT',
        version: contribution.version,
        results: 'Niêm yết đủ thủ tục tại bộ phận một cửa',
        problems: 'Không có',
        proposals: 'Không có',
        evidenceIds: [byContribution.id],
      },
    );
    expect(submitted.status).toBe(200);

    for (const named of [byValue, byContribution]) {
      const file = await download(
        'province_officer',
        `/province/wards/${demoId}/evidence/${named.id}`,
      );
      expect([file.status, createHash('sha256').update(file.body).digest('hex')]).toEqual([
        200,
        named.sha256,
      ]);
    }
    // Named by nothing, or asked for under another ward: as unknown.
    for (const [wardId, id] of [
      [demoId, draft.id],
      [haiAnId, byValue.id],
      [haiAnId, byContribution.id],
    ])
      expect(
        (await client.get('province_officer', `/province/wards/${wardId}/evidence/${id}`)).status,
      ).toBe(404);
    // A ward user of another ward fetches it neither as its own file nor through the province.
    expect((await client.get('coordinator_hai-an', `/evidence/${byValue.id}`)).status).toBe(404);
    expect(
      (await client.get('coordinator_hai-an', `/province/wards/${demoId}/evidence/${byValue.id}`))
        .status,
    ).toBe(403);
  });

  it("exports a ward's self-assessment as XLSX and DOCX, never another province's", async () => {
    const xlsx = await download(
      'province_officer',
      `/province/wards/${haiAnId}/par/2026/export.xlsx`,
    );
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.getWorksheet('Tổng hợp')?.getRow(3).values).toEqual([
      undefined,
      'TONG Tổng cộng',
      4,
      4,
      100,
    ]);
    const docx = await download(
      'province_officer',
      `/province/wards/${demoId}/par/2026/export.docx`,
    );
    expect(docx.status).toBe(200);
    expect(await docxText(docx.body)).toContain('Tổng điểm tự đánh giá: 3 / 4 điểm (đạt 75%).');
    const foreign = `/province/wards/${otherProvinceId}/par/2026/export.xlsx`;
    expect((await client.get('province_officer', foreign)).status).toBe(404);
    expect(
      (await client.get('coordinator', `/province/wards/${demoId}/par/2026/export.docx`)).status,
    ).toBe(403);
  });

  it('is refused every write, in its own ward as in any other (403), and nothing is written', async () => {
    const [{ n: before }] = await db.query('SELECT COUNT(*) AS n FROM audit_events');
    const [task] = (await db.query('SELECT id FROM reform_tasks LIMIT 1')) as { id: string }[];
    const writes: [string, string, object][] = [
      ['post', '/par/criteria', tree],
      ['put', '/par/2026/criteria/1.1/score', { score: 1 }],
      ['post', '/par/2026/criteria/1.1/review', { decision: 'accept' }],
      ['post', `/tasks/${task?.id ?? randomUUID()}/events`, { type: 'START', version: 1 }],
      ['post', `/plans/${randomUUID()}/targets`, {}],
      ['post', '/dossiers', {}],
      ['post', `/notifications/${randomUUID()}/read`, {}],
      ['put', '/par/2026/criteria/1.1/survey', { rate: 90, source: 'SIPAS' }],
      ['post', '/evidence', {}],
    ];
    const token = await client.login('province_officer');
    for (const [method, path, body] of writes) {
      const server = request(api.getHttpServer());
      const response = await (method === 'put' ? server.put(path) : server.post(path))
        .set('Authorization', `Bearer ${token}`)
        .send(body);
      expect([path, response.status, response.body.message]).toEqual([
        path,
        403,
        'Vai trò Chuyên viên Sở Nội vụ chỉ được xem, không thay đổi dữ liệu của phường/xã',
      ]);
    }
    const [{ n: after }] = await db.query('SELECT COUNT(*) AS n FROM audit_events');
    expect(after).toEqual(before);
    expect((await client.post('province_officer', '/auth/refresh')).status).toBe(200);
  });
});
