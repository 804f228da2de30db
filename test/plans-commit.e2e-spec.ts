import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { GroupCompletionService } from '@cchc/plans';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { runCliAsync } from './support/run-cli';
import { describeWithSeed } from './support/seeds';
import { eventually, startApi, startWorker } from './support/test-app';

/** A small plan of our own: a number (so a re-import finds it), sections, a group with children. */
const PLAN_HEAD = [
  'ỦY BAN NHÂN DÂN PHƯỜNG MẪU',
  'Số: 07/KH-UBND',
  'Phường Mẫu, ngày 05 tháng 01 năm 2026',
  'KẾ HOẠCH',
  'Cải cách hành chính năm 2026',
  [
    'TT',
    'Nội dung công việc',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Lãnh đạo phụ trách',
    'Sản phẩm',
    'Thời gian thực hiện',
  ].join('\t'),
];
const row = (...cells: string[]) => cells.join('\t');
const ROWS = {
  area1: 'I. Công tác chỉ đạo, điều hành',
  task1: row(
    '1',
    'Ban hành kế hoạch CCHC',
    'Phòng VHXH',
    'VP',
    'Chủ tịch UBND',
    'Kế hoạch',
    'Trước ngày 31/01/2026',
  ),
  group2: row('2', 'Tuyên truyền CCHC', '', '', '', '', ''),
  task21: row(
    '2.1',
    'Tuyên truyền trên cổng thông tin',
    'Phòng VHXH',
    '',
    '',
    'Tin bài',
    'Quý I/2026',
  ),
  task22: row(
    '2.2',
    'Tuyên truyền tại tổ dân phố',
    'Công an phường',
    '',
    '',
    'Báo cáo',
    'Quý II/2026',
  ),
  area2: 'II. Cải cách thủ tục hành chính',
  task3: row(
    '3',
    'Rà soát thủ tục hành chính',
    'TTPVHCC',
    'Các phòng, đơn vị chuyên môn',
    'Phó Chủ tịch UBND',
    'Báo cáo',
    'Quý III/2026',
  ),
  task4: row('4', 'Công khai thủ tục hành chính', 'TTPVHCC', '', '', 'Danh mục', 'Thường xuyên'),
};
const planText = (rows: string[]) => [...PLAN_HEAD, ...rows].join('\n');

describe('plan import: commit, amendments, group tasks (MariaDB + Redis)', () => {
  const clock = new ManualClock(new Date('2026-01-13T08:00:00+07:00'));
  let api: INestApplication;
  let worker: INestApplicationContext;
  let client: ApiClient;
  let db: DataSource;
  let units: Record<string, string>;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = (await freshEnvironment('plans_commit')).databaseUrl;
    api = await startApi(clock);
    worker = await startWorker(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    const list = (await client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
    }[];
    units = Object.fromEntries(list.map((unit) => [unit.code, unit.id]));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const upload = async (username: string, fileName: string, content: string, query = '') =>
    request(api.getHttpServer())
      .post(`/plans/import${query}`)
      .set('Authorization', `Bearer ${await client.login(username)}`)
      .attach('file', Buffer.from(content), fileName);

  const rowCounts = async () => {
    const [counts] = (await db.query(
      `SELECT (SELECT COUNT(*) FROM plans) AS plans, (SELECT COUNT(*) FROM plan_areas) AS areas,
              (SELECT COUNT(*) FROM reform_tasks) AS tasks, (SELECT COUNT(*) FROM audit_events) AS audit,
              (SELECT COUNT(*) FROM outbox) AS outbox`,
    )) as Record<string, string>[];
    return counts;
  };

  /**
   * The rows of one plan, its tasks' audit and their outbox jobs: unlike the table totals, timers
   * firing meanwhile for the other plans' tasks (the worker runs) do not move these.
   */
  const planRowCounts = async (planId: string) => {
    const [counts] = (await db.query(
      `SELECT (SELECT revision FROM plans WHERE id = ?) AS revision,
              (SELECT COUNT(*) FROM plan_areas WHERE plan_id = ?) AS areas,
              (SELECT COUNT(*) FROM reform_tasks WHERE plan_id = ?) AS tasks,
              (SELECT COUNT(*) FROM audit_events WHERE instance_id = ?
                 OR instance_id IN (SELECT id FROM reform_tasks WHERE plan_id = ?)) AS audit,
              (SELECT COUNT(*) FROM outbox WHERE JSON_UNQUOTE(JSON_EXTRACT(payload, '$.instanceId'))
                 IN (SELECT id FROM reform_tasks WHERE plan_id = ?)) AS outbox`,
      [planId, planId, planId, planId, planId, planId],
    )) as Record<string, string>[];
    return counts;
  };

  const taskOf = async (planId: string, ordinal: string) => {
    const [task] = (await db.query(
      'SELECT id, version, state, due_date, parent_id, is_group, lead_unit_id, leader_id FROM reform_tasks WHERE plan_id = ? AND ordinal = ?',
      [planId, ordinal],
    )) as {
      id: string;
      version: number;
      state: string;
      due_date: string | null;
      parent_id: string | null;
      is_group: number;
      lead_unit_id: string;
      leader_id: string | null;
    }[];
    return task;
  };

  const step = async (username: string, id: string, body: object) => {
    const response = await client.post(username, `/tasks/${id}/events`, body);
    if (response.status !== 200)
      throw new Error(
        `${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.body)}`,
      );
    return response.body as { version: number; state: string };
  };

  it('writes nothing for a file that is not a plan table, or of a type it cannot read', async () => {
    const before = await rowCounts();
    const notATable = await upload('coordinator', 'bien-ban.txt', 'Biên bản họp\nKhông có bảng');
    expect(notATable.status).toBe(400);
    expect(notATable.body.error).toBe('PlanImport');
    expect(notATable.body.errors.map((error: { field: string }) => error.field)).toContain('table');
    expect((await upload('coordinator', 'ke-hoach.pdf', '%PDF-1.4')).status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('validates the alias table: each alias names one unit of the ward or a known group', async () => {
    const wrong = await client.put('coordinator', '/unit-aliases', {
      aliases: [
        { alias: 'TT DVSNC', unitId: '00000000-0000-4000-8000-000000000000' },
        { alias: 'Nhóm lạ', groupCode: 'NOPE' },
        { alias: 'Cả hai', unitId: units.VP, groupCode: 'RELATED' },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(
      wrong.body.errors.map((e: { index: number; field: string }) => [e.index, e.field]),
    ).toEqual([
      [0, 'unitId'],
      [1, 'groupCode'],
      [2, 'unitId'],
    ]);
    expect((await client.put('officer', '/unit-aliases', { aliases: [] })).status).toBe(403);
    expect((await client.get('coordinator', '/unit-aliases')).body).toEqual([]);
  });

  describeWithSeed('002', 'the Hải Dương 2026 plan (seed 002)', (seedText) => {
    it("commits its 45 tasks in 7 areas, all assigned, with aliases of the ward's own for group phrases", async () => {
      const aliases = await client.put('coordinator', '/unit-aliases', {
        aliases: [
          { alias: 'Các phòng, đơn vị chuyên môn', unitId: units.VP },
          {
            alias: 'Các phòng, đơn vị chủ trì soạn thảo các văn bản quy phạm pháp luật',
            unitId: units.VP,
          },
        ],
      });
      expect(aliases.status).toBe(200);
      expect(aliases.body).toHaveLength(2);

      const response = await upload('coordinator', 'ke-hoach-2026.txt', seedText());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'created', tasks: 45, areas: 7 });
      const { planId } = response.body;

      const tasks = (await db.query(
        'SELECT state, due_date, lead_unit_id, ordinal FROM reform_tasks WHERE plan_id = ? ORDER BY source_row',
        [planId],
      )) as { state: string; due_date: string | null; lead_unit_id: string; ordinal: string }[];
      expect(tasks).toHaveLength(45);
      expect(new Set(tasks.map((task) => task.state))).toEqual(new Set(['assigned']));
      expect(tasks[0]).toMatchObject({
        ordinal: '1',
        due_date: '2026-01-15',
        lead_unit_id: units.VHXH,
      });
      expect(tasks[5].lead_unit_id).toBe(units.TTDVSNC);
      expect(tasks[7].lead_unit_id).toBe(units.VP);

      const audit = (await db.query(
        "SELECT seq, event_type, actor_role, payload FROM audit_events WHERE instance_type = 'plan' AND instance_id = ?",
        [planId],
      )) as { seq: number; event_type: string; actor_role: string; payload: string | object }[];
      expect(audit).toHaveLength(1);
      const payload =
        typeof audit[0].payload === 'string' ? JSON.parse(audit[0].payload) : audit[0].payload;
      expect(audit[0]).toMatchObject({ seq: 1, event_type: 'IMPORTED', actor_role: 'coordinator' });
      expect(payload).toMatchObject({ fileName: 'ke-hoach-2026.txt', tasks: 45, areas: 7 });

      const plan = (await client.get('inspector', `/plans/${planId}`)).body;
      expect(plan).toMatchObject({ year: 2026, revision: 1, tasks: 45 });
      expect(plan.byState).toMatchObject({ assigned: 45, accepted: 0, cancelled: 0 });
      expect(plan.areas.map((area: { code: string }) => area.code)).toEqual(
        'I II III IV V VI VII'.split(' '),
      );
      expect(plan.areas.map((area: { tasks: number }) => area.tasks)).toEqual([
        7, 12, 11, 3, 4, 2, 6,
      ]);
      const listed = (await client.get('coordinator', '/plans')).body as {
        id: string;
        tasks: number;
      }[];
      expect(listed.find((entry) => entry.id === planId)?.tasks).toBe(45);
    });
  });

  describe('a plan with a number, a group task and an amendment', () => {
    let planId: string;

    it('creates the plan with group and children linked, leaders mapped', async () => {
      const response = await upload(
        'coordinator',
        'kh-07.txt',
        planText([
          ROWS.area1,
          ROWS.task1,
          ROWS.group2,
          ROWS.task21,
          ROWS.task22,
          ROWS.area2,
          ROWS.task3,
          ROWS.task4,
        ]),
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'created', tasks: 6, areas: 2 });
      planId = response.body.planId;
      const users = (await client.get('coordinator', '/users')).body as {
        id: string;
        username: string;
      }[];
      const userId = (name: string) => users.find((user) => user.username === name)?.id;
      const group = await taskOf(planId, '2');
      expect(group).toMatchObject({ is_group: 1, parent_id: null, lead_unit_id: units.VHXH });
      expect(await taskOf(planId, '2.1')).toMatchObject({ parent_id: group.id, is_group: 0 });
      expect(await taskOf(planId, '2.2')).toMatchObject({
        parent_id: group.id,
        lead_unit_id: units.CA,
      });
      expect(await taskOf(planId, '1')).toMatchObject({
        leader_id: userId('chairman'),
        due_date: '2026-01-31',
      });
      expect((await taskOf(planId, '3')).leader_id).toBe(userId('leader'));
    });

    it('accepts a group task through the worker once its children are settled', async () => {
      const group = await taskOf(planId, '2');
      const child1 = await taskOf(planId, '2.1');
      const child2 = await taskOf(planId, '2.2');
      await step('chairman', child2.id, {
        type: 'CANCEL',
        version: child2.version,
        reason: 'Gộp vào 2.1',
      });
      let version = (await step('officer', child1.id, { type: 'START', version: child1.version }))
        .version;
      version = (
        await step('officer', child1.id, {
          type: 'SUBMIT_REPORT',
          version,
          report: 'Đã đăng 12 tin',
        })
      ).version;
      // A cancelled child alone does not complete the group; the accepted one does.
      expect((await taskOf(planId, '2')).state).toBe('assigned');
      await step('chairman', child1.id, { type: 'APPROVE', version });
      await eventually(
        async () => (await taskOf(planId, '2')).state === 'accepted',
        15_000,
        'the group task to be accepted',
      );
      const history = (await client.get('inspector', `/tasks/${group.id}/history`)).body as {
        event: string;
        actorRole: string;
        payload: unknown;
      }[];
      expect(history.filter((entry) => entry.event === 'CHILDREN_COMPLETED')).toEqual([
        expect.objectContaining({ actorRole: 'system', payload: { late: false } }),
      ]);
      // The same job again (a redelivery) changes nothing.
      const again = await worker.get(GroupCompletionService).onSettled({
        outboxId: '0',
        instanceId: child1.id,
        seq: 4,
        state: 'accepted',
      });
      expect(again).toBe('already-settled');
      expect((await taskOf(planId, '2')).version).toBe(group.version + 1);
    });

    const amended = planText([
      ROWS.area1,
      ROWS.task1.replace('Trước ngày 31/01/2026', 'Trước ngày 28/02/2026'),
      ROWS.group2,
      ROWS.task21,
      ROWS.task22,
      ROWS.area2,
      ROWS.task3,
      row('5', 'Số hóa hồ sơ thủ tục hành chính', 'TTPVHCC', '', '', 'Dữ liệu', 'Quý IV/2026'),
    ]);

    it('shows the diff of an amended version without applying it', async () => {
      const before = await planRowCounts(planId);
      const response = await upload('coordinator', 'kh-07-sua.txt', amended);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'diff', planId, revision: 1 });
      const { added, changed, removed } = response.body.diff;
      expect(
        added.map((task: { area: string; ordinal: string }) => [task.area, task.ordinal]),
      ).toEqual([['II', '5']]);
      expect(changed).toEqual([
        expect.objectContaining({
          ordinal: '1',
          fields: [
            { field: 'deadline', before: 'Trước ngày 31/01/2026', after: 'Trước ngày 28/02/2026' },
          ],
        }),
      ]);
      expect(removed.map((task: { ordinal: string }) => task.ordinal)).toEqual(['4']);
      expect(await planRowCounts(planId)).toEqual(before);
    });

    it('applies all of it or nothing: a coordinator may not cancel, so nothing changes', async () => {
      const before = await planRowCounts(planId);
      const response = await upload('coordinator', 'kh-07-sua.txt', amended, '?confirm=true');
      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/Chủ tịch/);
      expect(await planRowCounts(planId)).toEqual(before);
      expect((await taskOf(planId, '1')).due_date).toBe('2026-01-31');
    });

    it('applies the confirmed amendment: history kept, removed task cancelled, new task assigned', async () => {
      const task1 = await taskOf(planId, '1');
      const task4 = await taskOf(planId, '4');
      const response = await upload(
        'chairman',
        'kh-07-sua.txt',
        amended,
        `?planId=${planId}&confirm=true`,
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'amended', planId, revision: 2 });

      const updated = (await client.get('inspector', `/tasks/${task1.id}`)).body;
      expect(updated).toMatchObject({
        dueDate: '2026-02-28',
        state: 'assigned',
        version: task1.version + 1,
      });
      const history1 = (await client.get('inspector', `/tasks/${task1.id}/history`)).body as {
        event: string;
        reason: string;
        payload: { changes: object; planChanges: object[] };
      }[];
      expect(history1.map((entry) => entry.event)).toEqual(['CREATED', 'AMEND']);
      expect(history1[1].reason).toMatch(/^Điều chỉnh kế hoạch 07\/KH-UBND/);
      expect(history1[1].payload.changes).toEqual({ dueDate: '2026-02-28' });
      expect(history1[1].payload.planChanges).toEqual([
        { field: 'deadline', before: 'Trước ngày 31/01/2026', after: 'Trước ngày 28/02/2026' },
      ]);

      const history4 = (await client.get('inspector', `/tasks/${task4.id}/history`)).body as {
        event: string;
        to: string;
        reason: string;
      }[];
      expect(history4[history4.length - 1]).toMatchObject({ event: 'CANCEL', to: 'cancelled' });
      expect(history4[history4.length - 1].reason).toMatch(/không còn trong kế hoạch/);
      expect((await taskOf(planId, '4')).state).toBe('cancelled');
      expect(await taskOf(planId, '5')).toMatchObject({
        state: 'assigned',
        due_date: '2026-12-31',
      });

      const plan = (await client.get('coordinator', `/plans/${planId}`)).body;
      expect(plan).toMatchObject({ revision: 2, tasks: 7 });
      expect(plan.byState).toMatchObject({ assigned: 3, accepted: 2, cancelled: 2 });
      const planAudit = (await db.query(
        "SELECT event_type FROM audit_events WHERE instance_type = 'plan' AND instance_id = ? ORDER BY seq",
        [planId],
      )) as { event_type: string }[];
      expect(planAudit.map((entry) => entry.event_type)).toEqual(['IMPORTED', 'AMENDED']);

      const again = await upload('coordinator', 'kh-07-sua.txt', amended);
      expect(again.body.diff).toMatchObject({ added: [], changed: [], removed: [], unchanged: 6 });
    });

    it('tells the task’s people of a reworded row by the task’s new title', async () => {
      const reworded = amended.replace(
        'Rà soát thủ tục hành chính',
        'Rà soát, đơn giản hóa thủ tục hành chính',
      );
      const response = await upload(
        'chairman',
        'kh-07-sua-2.txt',
        reworded,
        `?planId=${planId}&confirm=true`,
      );
      expect(response.body).toMatchObject({ status: 'amended', revision: 3 });
      const task3 = await taskOf(planId, '3');
      const view = (await client.get('inspector', `/tasks/${task3.id}`)).body;
      expect(view.title).toMatch(/^Rà soát, đơn giản hóa thủ tục hành chính/);
      const notices = (await db.query(
        "SELECT title, body FROM notifications WHERE subject_id = ? AND topic = 'task.amended'",
        [task3.id],
      )) as { title: string; body: string }[];
      expect(notices.length).toBeGreaterThan(0);
      for (const notice of notices)
        expect(notice).toEqual({
          title: `Nhiệm vụ được điều chỉnh theo kế hoạch: ${view.title}`,
          body: `Nhiệm vụ được điều chỉnh theo kế hoạch.\nNhiệm vụ: ${view.title}`,
        });
    });
  });

  // Four CLI processes, each starting Node and Nest: minutes on a loaded machine.
  it('imports, diffs and amends from the CLI as well', async () => {
    const file = join(tmpdir(), `kh-08-${process.pid}.txt`);
    const cli = (...args: string[]) =>
      runCliAsync(['import', file, ...args], { DATABASE_URL: databaseUrl });
    const rows = [ROWS.area1, ROWS.task1, ROWS.area2, ROWS.task3, ROWS.task4];
    writeFileSync(file, planText(rows).replace('07/KH-UBND', '08/KH-UBND'));
    const created = await cli('--json');
    expect(created.stderr).toBe('');
    expect(JSON.parse(created.stdout)).toMatchObject({ status: 'created', tasks: 3, areas: 2 });

    writeFileSync(file, planText(rows.slice(0, 4)).replace('07/KH-UBND', '08/KH-UBND'));
    const diff = await cli();
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('0 thêm, 0 thay đổi, 1 hủy, 2 giữ nguyên');
    expect(diff.stdout).toContain('--confirm');
    const refused = await cli('--confirm');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/Chủ tịch/);
    const applied = await cli('--confirm', '--as', 'chairman', '--json');
    expect(JSON.parse(applied.stdout)).toMatchObject({ status: 'amended', revision: 2 });
  }, 240_000);

  it('splits a row led by a group phrase into one task per unit, completed when they settle', async () => {
    expect((await client.put('coordinator', '/unit-aliases', { aliases: [] })).status).toBe(200);
    const groups = await client.put('coordinator', '/unit-groups', {
      groups: [{ groupCode: 'SPECIALIZED', unitIds: [units.VHXH, units.CA] }],
    });
    expect(groups.status).toBe(200);
    // Two task rows, so that the reader sees a tab-separated table.
    const text = planText([
      ROWS.area1,
      ROWS.task1,
      row(
        '2',
        'Tự kiểm tra CCHC',
        'Các phòng, đơn vị chuyên môn',
        'VP',
        'Phó Chủ tịch UBND',
        'Báo cáo',
        'Quý II/2026',
      ),
    ]).replace('07/KH-UBND', '09/KH-UBND');
    const response = await upload('coordinator', 'kh-09.txt', text);
    expect(response.body).toMatchObject({ status: 'created', tasks: 4 });
    const planId = response.body.planId as string;
    const group = await taskOf(planId, '2');
    const ownChild = await taskOf(planId, '2:VHXH');
    const otherChild = await taskOf(planId, '2:CA');
    expect(group).toMatchObject({ is_group: 1, parent_id: null });
    expect(ownChild).toMatchObject({ parent_id: group.id, lead_unit_id: units.VHXH });
    expect(otherChild).toMatchObject({ parent_id: group.id, lead_unit_id: units.CA });

    await step('chairman', otherChild.id, {
      type: 'CANCEL',
      version: otherChild.version,
      reason: 'Công an tự kiểm tra theo ngành',
    });
    let { version } = await step('officer', ownChild.id, {
      type: 'START',
      version: ownChild.version,
    });
    ({ version } = await step('officer', ownChild.id, {
      type: 'SUBMIT_REPORT',
      version,
      report: 'Đã tự kiểm tra',
    }));
    await step('leader', ownChild.id, { type: 'APPROVE', version });
    await eventually(
      async () => (await taskOf(planId, '2')).state === 'accepted',
      15_000,
      'the group task to be accepted',
    );
  });
});
