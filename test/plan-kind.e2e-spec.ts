import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { redoMigration } from './support/redo-migration';
import { startApi } from './support/test-app';

const plan = (title: string) =>
  [
    title,
    'TT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành',
    'I\tCông tác chỉ đạo, điều hành\t\t',
    '1.1\tKế hoạch CCHC năm\tVăn phòng HĐND&UBND\tQuý I/2026',
  ].join('\n');

/** The console's import wizard sends the kind the preview suggested, or the one picked instead. */
describe('plan kind suggested by the import preview (MariaDB)', () => {
  let api: INestApplication;
  let client: ApiClient;

  beforeAll(async () => {
    await freshEnvironment('plan_kind');
    api = await startApi(new ManualClock(new Date('2026-03-02T08:00:00+07:00')));
    client = new ApiClient(api.getHttpServer());
  });

  afterAll(async () => {
    await api?.close();
  });

  const upload = async (query: string, text: string, file: string) =>
    request(api.getHttpServer())
      .post(`/plans/import?year=2026${query}`)
      .set('Authorization', `Bearer ${await client.login('coordinator')}`)
      .attach('file', Buffer.from(text), file);

  it('suggests par_index for a PAR-Index title and reform otherwise, and stores the kind the commit sends', async () => {
    const files = [
      ['KẾ HOẠCH Nâng cao CHỈ SỐ CCHC năm 2026', 'chi-so-cchc.txt'],
      ['KẾ HOẠCH Cải cách hành chính nhà nước năm 2026', 'cchc-2026.txt'],
    ];
    const suggested = [];
    for (const [title, file] of files) {
      const preview = await upload('&dryRun=true', plan(title), file);
      expect(preview.status).toBe(200);
      suggested.push(preview.body.suggestedKind);
      const kind = preview.body.suggestedKind.kind;
      const created = await upload(`&kind=${kind}`, plan(title), file);
      expect([created.status, created.body.status]).toEqual([200, 'created']);
    }
    expect(suggested).toEqual([
      { kind: 'par_index', reason: 'Tên kế hoạch có "CHỈ SỐ CCHC"' },
      { kind: 'reform', reason: 'Tên kế hoạch không nhắc đến Chỉ số CCHC' },
    ]);
    const plans = (await client.get('coordinator', '/plans')).body as {
      sourceFile: string;
      kind: string;
    }[];
    expect(Object.fromEntries(plans.map((p) => [p.sourceFile, p.kind]))).toEqual({
      'chi-so-cchc.txt': 'par_index',
      'cchc-2026.txt': 'reform',
    });
  });

  it('stores the kind picked against the suggestion', async () => {
    const title = 'KẾ HOẠCH Thực hiện các tiêu chí Chỉ số cải cách hành chính quý II/2026';
    const preview = await upload('&dryRun=true', plan(title), 'tieu-chi.txt');
    expect(preview.body.suggestedKind).toEqual({
      kind: 'par_index',
      reason: 'Tên kế hoạch có "Chỉ số cải cách hành chính"',
    });
    const created = await upload('&kind=reform', plan(title), 'tieu-chi.txt');
    expect(created.body.status).toBe('created');
    const stored = (await client.get('coordinator', `/plans/${created.body.planId}`)).body;
    expect(stored.kind).toBe('reform');
  });

  it('the migration marks the plans imported before by the rule the preview suggests with', async () => {
    await redoMigration(api.get(DataSource), 'ParSurveyPlanKind1763803750000');
    const plans = (await client.get('coordinator', '/plans')).body as {
      sourceFile: string;
      kind: string;
    }[];
    // The plan picked as reform against its title is guessed par_index, as the preview suggested.
    expect(Object.fromEntries(plans.map((p) => [p.sourceFile, p.kind]))).toEqual({
      'chi-so-cchc.txt': 'par_index',
      'cchc-2026.txt': 'reform',
      'tieu-chi.txt': 'par_index',
    });
  });
});
