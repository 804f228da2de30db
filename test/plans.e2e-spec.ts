import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { runCli } from './support/run-cli';
import { describeWithSeed, SEEDS_DIR } from './support/seeds';
import { startApi } from './support/test-app';

describe('plan import preview (dry run)', () => {
  let api: INestApplication;
  let client: ApiClient;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = (await freshEnvironment('plans')).databaseUrl;
    api = await startApi(new ManualClock(new Date('2026-01-20T08:00:00+07:00')));
    client = new ApiClient(api.getHttpServer());
  });

  afterAll(async () => {
    await api?.close();
  });

  const upload = async (
    username: string,
    fileName: string,
    content: Buffer | string,
    query = '?dryRun=true',
  ) =>
    request(api.getHttpServer())
      .post(`/plans/import${query}`)
      .set('Authorization', `Bearer ${await client.login(username)}`)
      .attach('file', Buffer.from(content), fileName);

  it('refuses a file that is not a plan table, saying why, and other roles', async () => {
    const notATable = await upload(
      'coordinator',
      'ghi-chu.txt',
      'Biên bản họp giao ban\nKhông có bảng nào ở đây',
    );
    expect(notATable.status).toBe(200);
    expect(notATable.body.tasks).toEqual([]);
    expect(notATable.body.errors.map((e: { field: string }) => e.field)).toContain('table');
    const wrongType = await upload('coordinator', 'ke-hoach.pdf', '%PDF-1.4');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/\.pdf/);
    expect((await upload('officer', 'a.csv', 'TT,Nội dung')).status).toBe(403);
  });

  describeWithSeed('002', 'the Hải Dương 2026 plan (seed 002)', (seedText) => {
    it('previews its 45 tasks in 7 areas over the API, every deadline parsed and every unit mapped or reported', async () => {
      const response = await upload('coordinator', 'ke-hoach-2026.txt', seedText());
      expect(response.status).toBe(200);
      const preview = response.body;
      expect(preview.plan.year).toBe(2026);
      expect(preview.areas).toHaveLength(7);
      expect(preview.tasks).toHaveLength(45);
      // Every lead unit of the plan is a unit or a group the demo ward knows: a clean preview.
      expect(preview.errors).toEqual([]);
      for (const task of preview.tasks) {
        expect(task.deadline.kind).not.toBe('unrecognized');
        expect(task.leadUnit.unitId ?? task.leadUnit.groupCode).not.toBeNull();
      }
    });

    it('gives the same preview from the CLI', () => {
      const seedFile = readdirSync(SEEDS_DIR).find((name) => name.startsWith('002'));
      const result = runCli(['import', join(SEEDS_DIR, String(seedFile)), '--dry-run', '--json'], {
        DATABASE_URL: databaseUrl,
      });
      expect(result.status).toBe(0);
      const preview = JSON.parse(result.stdout);
      expect(preview.tasks).toHaveLength(45);
      expect(preview.areas.map((area: { code: string }) => area.code)).toEqual([
        'I',
        'II',
        'III',
        'IV',
        'V',
        'VI',
        'VII',
      ]);
    });
  });
});
