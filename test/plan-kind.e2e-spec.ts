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

/**
 * The console's import wizard sends the kind the preview suggested, or the one picked instead; a
 * re-import keeps the stored kind unless told another, shown in its diff first.
 */
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

  it('a re-import keeps the stored kind unless sent another, which its diff shows before it is applied and the audit records', async () => {
    // The coordinator knows this is the PAR-Index plan; its title suggests reform.
    const text = plan('KẾ HOẠCH Thực hiện các tiêu chí PAR Index năm 2026');
    const created = await upload('&kind=par_index', text, 'par-index.txt');
    const planId = created.body.planId as string;
    const storedKind = async () =>
      (await client.get('coordinator', `/plans/${planId}`)).body.kind as string;

    const preview = await upload('&dryRun=true', text, 'par-index.txt');
    expect(preview.body.suggestedKind.kind).toBe('reform');
    expect(preview.body.matchedPlan).toEqual({ id: planId, kind: 'par_index' });
    const fresh = await upload('&dryRun=true', plan('KẾ HOẠCH mới năm 2026'), 'moi.txt');
    expect(fresh.body.matchedPlan).toBeNull();

    const kept = await upload('', text, 'par-index.txt');
    expect(kept.body).toMatchObject({ status: 'diff', planId });
    expect(kept.body.diff.kind).toEqual({ before: 'par_index', after: 'par_index' });
    const shown = await upload('&kind=reform', text, 'par-index.txt');
    expect(shown.body.diff.kind).toEqual({ before: 'par_index', after: 'reform' });
    expect(await storedKind()).toBe('par_index');

    const confirmedAlone = await upload('&confirm=true', text, 'par-index.txt');
    expect(confirmedAlone.body.status).toBe('amended');
    expect(await storedKind()).toBe('par_index');
    const changed = await upload('&kind=reform&confirm=true', text, 'par-index.txt');
    expect(changed.body).toMatchObject({ status: 'amended', revision: 3 });
    expect(changed.body.diff.kind).toEqual({ before: 'par_index', after: 'reform' });
    expect(await storedKind()).toBe('reform');

    const audit = (await api
      .get(DataSource)
      .query(
        "SELECT event_type, payload FROM audit_events WHERE instance_type = 'plan' AND instance_id = ? ORDER BY seq",
        [planId],
      )) as { event_type: string; payload: string | Record<string, unknown> }[];
    const kinds = audit.map(({ event_type, payload }) => {
      const body = typeof payload === 'string' ? JSON.parse(payload) : payload;
      return [event_type, body.kind];
    });
    expect(kinds).toEqual([
      ['IMPORTED', undefined],
      ['AMENDED', undefined],
      ['AMENDED', { before: 'par_index', after: 'reform' }],
    ]);
  });
});
