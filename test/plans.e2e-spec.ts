import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
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

  it("says how many tasks the rows become and how many are overdue on import by the server's day", async () => {
    // The API's clock says 20/01/2026: due the day before and in December are past, due today not.
    const header = 'TT,Nội dung công việc,Cơ quan chủ trì,Thời gian hoàn thành';
    const lines = [
      header,
      '1,Rà soát thủ tục hành chính,Văn phòng HĐND&UBND,19/01/2026',
      '2,Công khai thủ tục,Phòng Văn hóa - Xã hội,20/01/2026',
      '3,Tổng kết năm,Văn phòng HĐND&UBND,Tháng 12/2025',
      '4,Tự kiểm tra công tác CCHC,Các phòng chuyên môn,Quý I/2026',
      '5,Báo cáo CCHC năm,Các phòng chuyên môn,Tháng 12/2025',
    ];
    const preview = (
      await upload('coordinator', 'qua-han.csv', lines.join('\n'), '?dryRun=true&year=2026')
    ).body as {
      tasks: unknown[];
      errors: unknown[];
      plannedTasks: { ordinal: string; parentKey: string | null; dueDate: string | null }[];
      today: string;
      tasksToCreate: number;
      overdueOnImport: number;
    };
    expect(preview.errors).toEqual([]);
    expect(preview.today).toBe('2026-01-20');
    expect(preview.tasks).toHaveLength(5);
    // Rows 4 and 5 name a group of units: a group task each with one task per unit.
    const members = preview.plannedTasks.filter((task) => task.ordinal.startsWith('5:')).length;
    expect(members).toBeGreaterThan(1);
    expect(preview.tasksToCreate).toBe(preview.plannedTasks.length);
    expect(preview.tasksToCreate).toBe(3 + 2 * (1 + members));
    // Rows 1 and 3, and row 5 with each of its units.
    expect(preview.overdueOnImport).toBe(2 + 1 + members);
    expect(
      preview.plannedTasks.filter((task) => task.dueDate !== null && task.dueDate < '2026-01-20'),
    ).toHaveLength(preview.overdueOnImport);

    // What the import writes is what the preview said.
    const created = await upload('coordinator', 'qua-han.csv', lines.join('\n'), '?year=2026');
    expect(created.body).toMatchObject({ status: 'created', tasks: preview.tasksToCreate });
    const [{ n }] = (await api
      .get(DataSource)
      .query(
        "SELECT COUNT(*) AS n FROM reform_tasks WHERE plan_id = ? AND due_date < '2026-01-20'",
        [created.body.planId],
      )) as { n: string }[];
    expect(Number(n)).toBe(preview.overdueOnImport);

    // The same plan again amends it: nothing created, nothing newly overdue. An amendment adding
    // a row already past due and moving a waiting task's deadline into the past says both.
    const again = (
      await upload('coordinator', 'qua-han.csv', lines.join('\n'), '?dryRun=true&year=2026')
    ).body;
    expect(again).toMatchObject({ matchedPlan: { id: created.body.planId }, tasksToCreate: 0 });
    expect(again.overdueOnImport).toBe(0);
    const amended = [
      ...lines.slice(0, 2),
      '2,Công khai thủ tục,Phòng Văn hóa - Xã hội,15/01/2026',
      ...lines.slice(3),
      '6,Cập nhật cơ sở dữ liệu,Phòng Văn hóa - Xã hội,Tháng 11/2025',
      '7,Khảo sát sự hài lòng,Phòng Văn hóa - Xã hội,Quý II/2026',
    ];
    const diff = (
      await upload(
        'coordinator',
        'qua-han-sua.csv',
        amended.join('\n'),
        `?dryRun=true&year=2026&planId=${created.body.planId}`,
      )
    ).body;
    expect(diff).toMatchObject({ tasksToCreate: 2, overdueOnImport: 2 });
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
