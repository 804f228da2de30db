import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

const RECEIVED_AT = '2026-02-12T09:30:00+07:00';

const dossier = (code: string) => ({
  code,
  procedureCode: '1.000894',
  applicant: { name: 'Nguyễn Thị Hằng', phone: '0912345678' },
  receivedAt: RECEIVED_AT,
});

describe('POST /dossiers/bulk (MariaDB + Redis)', () => {
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;

  const dossierCount = async () =>
    Number((await db.query('SELECT COUNT(*) AS n FROM tthc_dossiers'))[0].n);
  const upload = async (body: string, contentType = 'application/x-ndjson') =>
    request(api.getHttpServer())
      .post('/dossiers/bulk')
      .set('Authorization', `Bearer ${await client.login('one_stop_officer')}`)
      .set('Content-Type', contentType)
      .send(body);

  beforeAll(async () => {
    await freshEnvironment('dossiers_bulk');
    api = await startApi();
    db = api.get(DataSource);
    client = new ApiClient(api.getHttpServer());
    const units: { id: string; code: string }[] = (await client.get('coordinator', '/org-units'))
      .body;
    const created = await client.post('coordinator', '/procedures', {
      code: '1.000894',
      name: 'Đăng ký khai sinh',
      processingDays: 5,
      handlingUnitId: units.find((unit) => unit.code === 'VHXH')?.id,
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('receives lines 1, 2 and 4 when line 3 has no applicant, and says why line 3 was not', async () => {
    const { applicant: _, ...withoutApplicant } = dossier('B-0003');
    const body = [dossier('B-0001'), dossier('B-0002'), withoutApplicant, dossier('B-0004')]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const response = await upload(body);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 3, existing: 0, rejected: 1, failed: 0 });
    expect(response.body.lines).toEqual([
      { line: 1, code: 'B-0001', status: 'created', appointmentDate: '2026-02-26' },
      { line: 2, code: 'B-0002', status: 'created', appointmentDate: '2026-02-26' },
      {
        line: 3,
        code: 'B-0003',
        status: 'rejected',
        message: expect.stringContaining('applicant'),
      },
      { line: 4, code: 'B-0004', status: 'created', appointmentDate: '2026-02-26' },
    ]);
    const codes = await db.query('SELECT code FROM tthc_dossiers ORDER BY code');
    expect(codes.map((row: { code: string }) => row.code)).toEqual(['B-0001', 'B-0002', 'B-0004']);
  });

  it('reports bad JSON, bad dates and unknown procedures per line, and sending again is harmless', async () => {
    const body = [
      JSON.stringify(dossier('B-0001')),
      '{"code": "B-0005", ',
      JSON.stringify({ ...dossier('B-0006'), receivedAt: '2026-02-30T09:30:00+07:00' }),
      JSON.stringify({ ...dossier('B-0007'), procedureCode: '9.999999' }),
    ].join('\n');
    const response = await upload(body);
    expect(response.status).toBe(200);
    expect(response.body.lines.map((line: { status: string }) => line.status)).toEqual([
      'existing',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(response.body.lines[1].message).toContain('JSON');
    expect(response.body.lines[2].message).toContain('receivedAt');
    expect(response.body.lines[3].message).toContain('procedureCode');
    expect(await dossierCount()).toBe(3);
  });

  it('refuses with 413, writing nothing, an upload over the line or size limit', async () => {
    const { bulkMaxLines, bulkMaxBytes } = loadConfig();
    const lines = (count: number) =>
      Array.from({ length: count }, (_, index) => JSON.stringify(dossier(`C-${index}`))).join('\n');
    // 60,000 lines are over the size limit: refused from Content-Length, before reading.
    const sixtyThousand = lines(60_000);
    expect(Buffer.byteLength(sixtyThousand)).toBeGreaterThan(bulkMaxBytes);
    const big = await upload(sixtyThousand);
    expect(big.status).toBe(413);
    expect(big.body.message).toContain(`${bulkMaxLines} dòng`);
    // Under the size limit but over the line limit: refused once read, before any write.
    const short = Array.from({ length: bulkMaxLines + 1 }, (_, index) => `{"code":"D-${index}"}`);
    expect(Buffer.byteLength(short.join('\n'))).toBeLessThan(bulkMaxBytes);
    const many = await upload(short.join('\n'));
    expect(many.status).toBe(413);
    expect(await dossierCount()).toBe(3);
  });

  it('refuses a CSV whose header lacks a required column (400), writing nothing', async () => {
    const response = await upload('Mã hồ sơ,Người nộp,Ghi chú\nE-1,Nguyễn Văn A,x\n', 'text/csv');
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('procedureCode');
    expect(await dossierCount()).toBe(3);
  });
});
