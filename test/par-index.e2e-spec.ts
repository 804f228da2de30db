import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { docxText } from './support/document-text';
import { samplePdf } from './support/evidence-samples';
import { freshEnvironment } from './support/e2e-env';
import { runCliAsync } from './support/run-cli';
import { startApi } from './support/test-app';

/** A PAR-Index plan: its ordinals are the criteria codes. */
const PAR_PLAN = [
  'KẾ HOẠCH Thực hiện các tiêu chí Chỉ số cải cách hành chính năm 2026',
  'TT\tLĩnh vực, tiêu chí\tCơ quan chủ trì\tThời gian hoàn thành',
  'I\tCông tác chỉ đạo, điều hành\t\t',
  '1.1\tKế hoạch CCHC năm\tVăn phòng HĐND&UBND\tQuý I/2026',
  'III\tCải cách thủ tục hành chính\t\t',
  '3.1\tCông khai thủ tục hành chính\tPhòng Văn hóa - Xã hội\tQuý II/2026',
  '3.2\tXin lỗi người dân khi hồ sơ quá hạn\tPhòng Văn hóa - Xã hội\tCả năm 2026',
].join('\n');

/** The ward's yearly reform plan, numbered 1.1 and 3.1 too: none of its tasks is a criterion's. */
const YEARLY_PLAN = [
  'KẾ HOẠCH Cải cách hành chính nhà nước năm 2026',
  'TT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành',
  'I\tCông tác chỉ đạo, điều hành\t\t',
  '1.1\tTuyên truyền cải cách hành chính\tPhòng Văn hóa - Xã hội\tQuý I/2026',
  'III\tCải cách thủ tục hành chính\t\t',
  '3.1\tRà soát thủ tục hành chính\tPhòng Kinh tế, Hạ tầng và Đô thị\tQuý II/2026',
].join('\n');

const tree = (year: number) => ({
  issuer: 'UBND thành phố Hải Phòng',
  year,
  criteria: [
    { code: 'I', name: 'Công tác chỉ đạo, điều hành', maxPoints: 2, method: 'self' },
    { code: '1.1', name: 'Kế hoạch CCHC năm', maxPoints: 2, method: 'self' },
    { code: 'III', name: 'Cải cách thủ tục hành chính', maxPoints: 6, method: 'self' },
    { code: '3.1', name: 'Công khai thủ tục hành chính', maxPoints: 2, method: 'self' },
    { code: '3.2', name: 'Kết quả giải quyết TTHC', maxPoints: 4, method: 'self' },
    {
      code: '3.2.1',
      name: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
      maxPoints: 3,
      method: 'computed',
      metric: 'dossiers_on_time',
    },
    { code: '3.2.2', name: 'Xin lỗi khi hồ sơ quá hạn', maxPoints: 1, method: 'self' },
  ],
});

describe('PAR-Index self-assessment (MariaDB)', () => {
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;
  let databaseUrl: string;

  const auth = async (username: string) => `Bearer ${await client.login(username)}`;
  const score = async (username: string, year: number, code: string, body: object) =>
    client.put(username, `/par/${year}/criteria/${code}/score`, body);

  beforeAll(async () => {
    ({ databaseUrl } = await freshEnvironment('par_index'));
    api = await startApi(new ManualClock(new Date('2026-03-02T08:00:00+07:00')));
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    for (const [text, file, kind] of [
      [YEARLY_PLAN, 'ke-hoach-cchc-2026.txt', ''],
      [PAR_PLAN, 'chi-so-cchc-2026.txt', '&kind=par_index'],
    ]) {
      const imported = await request(api.getHttpServer())
        .post(`/plans/import?year=2026${kind}`)
        .set('Authorization', await auth('coordinator'))
        .attach('file', Buffer.from(text), file);
      expect([imported.status, imported.body.status]).toEqual([200, 'created']);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('loads a criteria tree (JSON), linking the PAR-Index plan tasks by their ordinal, not the yearly plan ones', async () => {
    const plans = (await client.get('coordinator', '/plans')).body as { kind: string }[];
    expect(plans.map((plan) => plan.kind).sort()).toEqual(['par_index', 'reform']);
    expect((await client.post('officer', '/par/criteria', tree(2026))).status).toBe(403);
    const loaded = await client.post('coordinator', '/par/criteria', tree(2026));
    expect(loaded.status).toBe(200);
    expect(loaded.body).toEqual({
      year: 2026,
      issuer: 'UBND thành phố Hải Phòng',
      criteria: 7,
      linkedToTasks: 3,
    });
    const view = (await client.get('leader', '/par/2026')).body;
    const byCode = new Map(view.criteria.map((c: { code: string }) => [c.code, c]));
    expect(byCode.get('3.1')).toMatchObject({ level: 'criterion', parentCode: 'III', leaf: true });
    expect((byCode.get('3.1') as { tasks: unknown[] }).tasks).toEqual([
      expect.objectContaining({ title: 'Công khai thủ tục hành chính' }),
    ]);
    expect((byCode.get('1.1') as { tasks: unknown[] }).tasks).toEqual([
      expect.objectContaining({ title: 'Kế hoạch CCHC năm' }),
    ]);
    expect(byCode.get('3.2')).toMatchObject({ leaf: false });
  });

  it('loads a sheet all or nothing, naming the row and field', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Tiêu chí');
    sheet.addRow(['Mã', 'Tên tiêu chí', 'Điểm tối đa', 'Phương pháp']);
    for (const c of tree(2025).criteria.filter((c) => c.method === 'self'))
      sheet.addRow([c.code, c.name, c.maxPoints, 'tự chấm']);
    sheet.addRow(['4.1', 'Tổ chức bộ máy', 'hai', 'tự chấm']);
    const upload = async (book: Workbook) =>
      request(api.getHttpServer())
        .post(
          '/par/criteria/import?issuer=UBND%20th%C3%A0nh%20ph%E1%BB%91%20H%E1%BA%A3i%20Ph%C3%B2ng&year=2025',
        )
        .set('Authorization', await auth('coordinator'))
        .attach('file', Buffer.from(await book.xlsx.writeBuffer()), 'tieu-chi-2025.xlsx');
    const refused = await upload(workbook);
    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual([
      expect.objectContaining({ row: 8, field: 'maxPoints' }),
    ]);
    sheet.spliceRows(8, 1);
    const loaded = await upload(workbook);
    expect([loaded.status, loaded.body.criteria]).toEqual([200, 6]);
  });

  it('loads a tree from the CLI (par load), and says which row is wrong', async () => {
    const file = join(tmpdir(), `par-2024-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(tree(2024)));
    const loaded = await runCliAsync(['par', 'load', file, '--json'], {
      DATABASE_URL: databaseUrl,
    });
    expect([loaded.status, JSON.parse(loaded.stdout)]).toEqual([
      0,
      { year: 2024, issuer: 'UBND thành phố Hải Phòng', criteria: 7, linkedToTasks: 0 },
    ]);
    const broken = tree(2024);
    broken.criteria[1].code = '2.1';
    writeFileSync(file, JSON.stringify(broken));
    const refused = await runCliAsync(['par', 'load', file], { DATABASE_URL: databaseUrl });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/dòng 2 \[code\] Tiêu chí 2\.1 không có lĩnh vực 2/);
  });

  it('lets the lead unit score its criterion with evidence, and the coordinator return then accept it', async () => {
    const [task] = (await db.query(
      "SELECT id FROM reform_tasks WHERE ordinal = '3.1' AND is_group = 0",
    )) as { id: string }[];
    const body = {
      score: 1.5,
      note: 'Đã công khai 120/124 TTHC',
      taskIds: [task.id],
      figures: ['dossiers_on_time'],
    };
    // The officer's culture office leads 1.1 in the yearly plan, not in the PAR-Index plan.
    expect((await score('officer', 2026, '1.1', body)).status).toBe(403);
    const aboveMaximum = await score('officer', 2026, '3.1', { ...body, score: 2.5 });
    expect([aboveMaximum.status, aboveMaximum.body.fields]).toEqual([
      400,
      [{ field: 'score', message: 'score 2.5 vượt điểm tối đa 2 của tiêu chí 3.1' }],
    ]);
    expect((await score('officer', 2026, '3.2.1', body)).status).toBe(409);
    expect((await score('officer', 2026, '3.2', body)).status).toBe(409);
    expect(
      (
        await score('officer', 2026, '3.1', {
          ...body,
          taskIds: ['5b3c3f5e-0000-4000-8000-000000000000'],
        })
      ).status,
    ).toBe(400);
    const entered = await score('officer', 2026, '3.1', body);
    expect(entered.status).toBe(200);
    expect(
      (await client.post('unit_head', '/par/2026/criteria/3.1/review', { decision: 'accept' }))
        .status,
    ).toBe(403);
    const noReason = await client.post('coordinator', '/par/2026/criteria/3.1/review', {
      decision: 'return',
    });
    expect(noReason.status).toBe(400);
    const returned = await client.post('coordinator', '/par/2026/criteria/3.1/review', {
      decision: 'return',
      reason: 'Thiếu danh mục TTHC công khai',
    });
    expect(returned.status).toBe(200);
    const returnedView = returned.body.criteria.find((c: { code: string }) => c.code === '3.1');
    expect(returnedView).toMatchObject({
      points: null,
      score: { status: 'returned', reviewReason: 'Thiếu danh mục TTHC công khai' },
    });
    await score('officer', 2026, '3.1', { ...body, score: 1.75 });
    const accepted = await client.post('coordinator', '/par/2026/criteria/3.1/review', {
      decision: 'accept',
    });
    expect(accepted.body.criteria.find((c: { code: string }) => c.code === '3.1')).toMatchObject({
      points: 1.75,
      acceptedPoints: 1.75,
    });
    expect((await score('officer', 2026, '3.1', body)).status).toBe(409);
    await score('coordinator', 2026, '1.1', { score: 2 });
    const criterionId = returnedView.id;
    const history = (await db.query(
      "SELECT event_type, from_state, to_state, reason FROM audit_events WHERE instance_type = 'par-score' AND instance_id = ? ORDER BY seq",
      [criterionId],
    )) as Record<string, string | null>[];
    expect(history.map((e) => [e.event_type, e.from_state, e.to_state, e.reason])).toEqual([
      ['SCORE_ENTERED', null, 'submitted', null],
      ['SCORE_RETURNED', 'submitted', 'returned', 'Thiếu danh mục TTHC công khai'],
      ['SCORE_ENTERED', 'returned', 'submitted', null],
      ['SCORE_ACCEPTED', 'submitted', 'accepted', null],
    ]);
  });

  it('totals by area in points and percent, and refuses to replace a scored tree', async () => {
    const view = (await client.get('chairman', '/par/2026')).body;
    expect(view.areas).toEqual([
      { code: 'I', name: 'Công tác chỉ đạo, điều hành', maxPoints: 2, points: 2, percent: 100 },
      {
        code: 'III',
        name: 'Cải cách thủ tục hành chính',
        maxPoints: 6,
        points: 1.75,
        percent: 29.17,
      },
    ]);
    expect(view.total).toMatchObject({ maxPoints: 8, points: 3.75, percent: 46.88 });
    expect((await client.post('coordinator', '/par/criteria', tree(2026))).status).toBe(409);
  });

  it('shows the criteria that lost points against the year before', async () => {
    await score('coordinator', 2025, '3.1', { score: 2 });
    await score('coordinator', 2025, '1.1', { score: 1 });
    const view = (await client.get('unit_head', '/par/2026/lost-points')).body;
    expect(view.criteria).toEqual([
      {
        code: '3.1',
        name: 'Công khai thủ tục hành chính',
        maxPoints: 2,
        points: 1.75,
        lost: 0.25,
        previousLost: 0,
        change: 0.25,
        leadUnits: ['Phòng Văn hóa - Xã hội'],
      },
    ]);
  });

  it('exports the assessment as XLSX and as a DOCX in the national format', async () => {
    const xlsx = await request(api.getHttpServer())
      .get('/par/2026/export.xlsx')
      .set('Authorization', await auth('leader'))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body);
    const totals = workbook.getWorksheet('Tổng hợp');
    expect(totals?.getRow(4).values).toEqual([undefined, 'TONG Tổng cộng', 8, 3.75, 46.88]);
    const docx = await request(api.getHttpServer())
      .get('/par/2026/export.docx')
      .set('Authorization', await auth('leader'))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    const text = await docxText(docx.body);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026');
    expect(text).toContain('Tổng điểm tự đánh giá: 3,75 / 8 điểm (đạt 46,88%).');
  });

  it('takes a survey criterion from the rate the coordinator enters with its source: maximum × rate', async () => {
    const surveyed = {
      issuer: 'UBND thành phố Hải Phòng',
      year: 2027,
      criteria: [
        { code: 'VIII', name: 'Tác động của cải cách hành chính', maxPoints: 3, method: 'self' },
        { code: '8.1', name: 'Chỉ số hài lòng (SIPAS)', maxPoints: 3, method: 'survey' },
        { code: '8.2', name: 'Phát triển kinh tế - xã hội', maxPoints: 0, method: 'self' },
      ],
    };
    expect((await client.post('coordinator', '/par/criteria', surveyed)).status).toBe(200);
    const pdf = await request(api.getHttpServer())
      .post('/evidence')
      .set('Authorization', await auth('coordinator'))
      .attach('file', await samplePdf('Kết quả SIPAS 2027'), 'sipas-2027.pdf');
    expect(pdf.status).toBe(201);
    const source = 'Quyết định số 1234/QĐ-UBND công bố chỉ số SIPAS năm 2027';
    const survey = (username: string, code: string, body: object) =>
      client.put(username, `/par/2027/criteria/${code}/survey`, body);
    // Not the units': a survey result is the coordinator's to enter, and it is never self-scored.
    for (const role of ['officer', 'unit_head', 'leader'])
      expect((await survey(role, '8.1', { rate: 87.55, source })).status).toBe(403);
    expect((await score('coordinator', 2027, '8.1', { score: 3 })).status).toBe(409);
    expect((await survey('coordinator', '8.2', { rate: 80, source })).status).toBe(409);
    for (const [body, field] of [
      [{ rate: 101, source }, 'rate'],
      [{ rate: -1, source }, 'rate'],
      [{ rate: 'cao', source }, 'rate'],
      [{ rate: 87.555, source }, 'rate'],
      [{ rate: 87.55 }, 'source'],
      [{ rate: 87.55, evidenceId: 'tep' }, 'evidenceId'],
      [{ rate: 87.55, evidenceId: '5b3c3f5e-0000-4000-8000-000000000000' }, 'evidenceId'],
    ] as const) {
      const refused = await survey('coordinator', '8.1', body);
      expect([body, refused.status, String(refused.body.message)]).toEqual([
        body,
        400,
        expect.stringContaining(field),
      ]);
    }
    const entered = await survey('coordinator', '8.1', {
      rate: 87.55,
      source,
      evidenceId: pdf.body.id,
    });
    expect(entered.status).toBe(200);
    const sipas = entered.body.criteria.find((c: { code: string }) => c.code === '8.1');
    expect(sipas).toMatchObject({
      method: 'survey',
      rate: 87.55,
      points: 2.63,
      acceptedPoints: 2.63,
      score: {
        status: 'accepted',
        surveyRate: 87.55,
        surveySource: source,
        evidenceIds: [pdf.body.id],
      },
    });
    expect(entered.body.total).toMatchObject({ maxPoints: 3, points: 2.63, percent: 87.67 });
    const again = await survey('coordinator', '8.1', { rate: 90, source });
    expect(again.body.total.points).toBe(2.7);
    const history = (await db.query(
      "SELECT event_type, to_state FROM audit_events WHERE instance_type = 'par-score' AND instance_id = ? ORDER BY seq",
      [sipas.id],
    )) as { event_type: string; to_state: string }[];
    expect(history).toEqual([
      { event_type: 'SURVEY_ENTERED', to_state: 'accepted' },
      { event_type: 'SURVEY_ENTERED', to_state: 'accepted' },
    ]);
  });
});
