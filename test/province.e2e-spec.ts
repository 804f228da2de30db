import { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { Workbook } from 'exceljs';
import { ApiClient } from './support/api-client';
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

  it("downloads a ward's evidence file its scores name, and no other file", async () => {
    const upload = async (username: string, text: string) => {
      const uploaded = await request(api.getHttpServer())
        .post('/evidence')
        .set('Authorization', `Bearer ${await client.login(username)}`)
        .attach('file', await samplePdf(text), `${text}.pdf`);
      expect(uploaded.status).toBe(201);
      return uploaded.body as { id: string; sha256: string };
    };
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
