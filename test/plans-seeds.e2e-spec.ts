import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { readSeed, SEEDS_DIR } from './support/seeds';
import { startApi } from './support/test-app';

const seed001 = readSeed('001');
const seed002 = readSeed('002');
const seeds = seed001 !== null && seed002 !== null;
if (!seeds)
  console.warn(`Skipping "real plans import as they are": seeds 001/002 not found in ${SEEDS_DIR}`);

interface PlannedTaskView {
  key: string;
  parentKey: string | null;
  ordinal: string;
  leaderId: string | null;
  leaderRule: string;
}

(seeds ? describe : describe.skip)(
  'real plans import as they are (seeds 001 and 002, demo ward)',
  () => {
    let api: INestApplication;
    let client: ApiClient;
    let db: DataSource;
    let userId: (username: string) => string;

    beforeAll(async () => {
      await freshEnvironment('plans_seeds');
      api = await startApi(new ManualClock(new Date('2026-01-20T08:00:00+07:00')));
      client = new ApiClient(api.getHttpServer());
      db = api.get(DataSource);
      const users = (await client.get('coordinator', '/users')).body as {
        id: string;
        username: string;
      }[];
      userId = (username) => users.find((user) => user.username === username)?.id as string;
    });

    afterAll(async () => {
      await api?.close();
    });

    const upload = async (fileName: string, content: string, query = '') =>
      request(api.getHttpServer())
        .post(`/plans/import${query}`)
        .set('Authorization', `Bearer ${await client.login('coordinator')}`)
        .attach('file', Buffer.from(content), fileName);

    it('previews seed 001 (commune posts of 2023) without errors, saying which alias mapped each post', async () => {
      const preview = (await upload('kh-07-2023.txt', seed001 as string, '?dryRun=true')).body;
      expect(preview.errors).toEqual([]);
      const lead = preview.tasks.find(
        (task: { leadUnit: { raw: string } | null }) => task.leadUnit?.raw === 'CC TP-HT',
      ).leadUnit;
      expect(lead.alias).toEqual({ alias: 'Công chức Tư pháp - Hộ tịch', source: 'default' });
      const messages = preview.warnings.map((warning: { message: string }) => warning.message);
      expect(messages.join('\n')).toMatch(/trước ngày ban hành kế hoạch 14\/01\/2023/);
      expect(messages.join('\n')).toMatch(/là nhóm đơn vị: nhiệm vụ được giao cho từng đơn vị/);
      // Its rows led by a group of units become a task per unit: more tasks than rows, all of
      // them (a 2023 plan) overdue on 20/01/2026, the API's day.
      const planned = preview.plannedTasks as { dueDate: string | null }[];
      expect(preview.tasksToCreate).toBe(planned.length);
      expect(preview.tasksToCreate).toBeGreaterThan(preview.tasks.length);
      expect(preview.today).toBe('2026-01-20');
      expect(preview.overdueOnImport).toBe(
        planned.filter((task) => task.dueDate !== null && task.dueDate < '2026-01-20').length,
      );
      expect(preview.overdueOnImport).toBeGreaterThan(0);
    });

    it('imports seed 001 with its group rows split into one task per unit', async () => {
      const response = await upload('kh-07-2023.txt', seed001 as string);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'created', areas: 7 });
      const children = (await db.query(
        'SELECT child.state FROM reform_tasks child JOIN reform_tasks parent ON child.parent_id = parent.id WHERE parent.plan_id = ? AND parent.is_group = 1',
        [response.body.planId],
      )) as { state: string }[];
      expect(children.length).toBeGreaterThan(0);
      expect(new Set(children.map((child) => child.state))).toEqual(new Set(['assigned']));
    });

    it('previews seed 002 without errors, every task led by `leader` through the area assignment', async () => {
      const preview = (await upload('kh-2026.txt', seed002 as string, '?dryRun=true')).body;
      expect(preview.errors).toEqual([]);
      const planned = preview.plannedTasks as PlannedTaskView[];
      expect(planned.filter((task) => task.parentKey === null)).toHaveLength(45);
      expect(new Set(planned.map((task) => task.leaderId))).toEqual(new Set([userId('leader')]));
      expect(new Set(planned.map((task) => task.leaderRule))).toEqual(new Set(['area']));
    });

    it('makes one plan of seed 002 (no number) sent 20 times at once; the same file again is a no-op', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => upload('kh-2026.txt', seed002 as string)),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      const statuses = responses.map((response) => response.body.status as string);
      expect(statuses.filter((status) => status === 'created')).toHaveLength(1);
      const planIds = new Set(responses.map((response) => response.body.planId));
      expect(planIds.size).toBe(1);
      const [planId] = [...planIds];
      const [counts] = (await db.query(
        `SELECT (SELECT COUNT(*) FROM plans WHERE number IS NULL AND year = 2026) AS plans,
              (SELECT COUNT(*) FROM reform_tasks WHERE plan_id = ? AND parent_id IS NULL) AS tasks`,
        [planId],
      )) as { plans: string; tasks: string }[];
      expect(counts).toEqual({ plans: '1', tasks: '45' });

      const again = (await upload('kh-2026.txt', seed002 as string)).body;
      expect(again).toMatchObject({ status: 'diff', planId, revision: 1 });
      expect(again.diff).toMatchObject({ added: [], changed: [], removed: [] });
    });

    it('lets `leader` approve a task of seed 002 once its unit has reported it', async () => {
      const [task] = (await db.query(
        "SELECT t.id, t.leader_id FROM reform_tasks t JOIN plans p ON t.plan_id = p.id WHERE p.number IS NULL AND t.ordinal = '1'",
      )) as { id: string; leader_id: string }[];
      expect(task.leader_id).toBe(userId('leader'));
      const send = async (username: string, body: object) => {
        const response = await client.post(username, `/tasks/${task.id}/events`, body);
        expect(response.status).toBe(200);
        return response.body as { state: string };
      };
      await send('officer', { type: 'START', version: 1 });
      await send('officer', { type: 'SUBMIT_REPORT', version: 2, report: 'Đã ban hành kế hoạch' });
      expect(await send('leader', { type: 'APPROVE', version: 3 })).toMatchObject({
        state: 'accepted',
      });
    });

    it('lets the coordinator change the leaders in charge, and a unit leader wins over the area leader', async () => {
      expect((await client.get('inspector', '/leader-assignments')).body).toEqual([
        {
          leaderId: userId('leader'),
          areaCodes: 'I II III IV V VI VII VIII IX'.split(' '),
          unitIds: [],
        },
      ]);
      const units = (await client.get('coordinator', '/org-units')).body as {
        id: string;
        code: string;
      }[];
      const unit = (code: string) => units.find((entry) => entry.code === code)?.id as string;
      const assignments = [
        { leaderId: userId('leader'), areaCodes: ['I', 'II', 'III'], unitIds: [] },
        { leaderId: userId('chairman'), areaCodes: [], unitIds: [unit('VHXH')] },
      ];
      expect((await client.put('officer', '/leader-assignments', { assignments })).status).toBe(
        403,
      );
      const wrong = await client.put('coordinator', '/leader-assignments', {
        assignments: [
          { leaderId: userId('officer'), areaCodes: ['Z'], unitIds: [] },
          {
            leaderId: userId('leader'),
            areaCodes: [],
            unitIds: ['00000000-0000-4000-8000-000000000000'],
          },
        ],
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.message).toMatch(
        /assignments\[0\]\.leaderId.*assignments\[0\]\.areaCodes.*assignments\[1\]\.unitIds/,
      );
      const saved = await client.put('coordinator', '/leader-assignments', { assignments });
      expect(saved.status).toBe(200);

      const preview = (await upload('kh-2026.txt', seed002 as string, '?dryRun=true')).body;
      const planned = preview.plannedTasks as PlannedTaskView[];
      const rule = (key: string) => {
        const task = planned.find((entry) => entry.key === key) as PlannedTaskView;
        return [task.leaderId, task.leaderRule];
      };
      expect(rule('I/1')).toEqual([userId('chairman'), 'unit']);
      expect(rule('II/10')).toEqual([userId('leader'), 'area']);
      expect(rule('VII/40')).toEqual([null, 'none']);
      expect(preview.warnings.map((warning: { message: string }) => warning.message)).toContain(
        'Nhiệm vụ 40 chưa có lãnh đạo phụ trách (kế hoạch không ghi, phường chưa phân công lĩnh vực); Chủ tịch UBND nghiệm thu.',
      );
    });

    it('lets the coordinator say which units a group phrase means', async () => {
      const units = (await client.get('coordinator', '/org-units')).body as {
        id: string;
        code: string;
      }[];
      const unit = (code: string) => units.find((entry) => entry.code === code)?.id as string;
      const groups = (await client.get('officer', '/unit-groups')).body as {
        groupCode: string;
        unitIds: string[];
        source: string;
      }[];
      expect(groups.find((group) => group.groupCode === 'RELATED')).toEqual({
        groupCode: 'RELATED',
        unitIds: [],
        source: 'default',
      });
      const bad = await client.put('coordinator', '/unit-groups', {
        groups: [{ groupCode: 'SPECIALIZED', unitIds: ['00000000-0000-4000-8000-000000000000'] }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/groups\[0\]\.unitIds/);
      const saved = await client.put('coordinator', '/unit-groups', {
        groups: [{ groupCode: 'SPECIALIZED', unitIds: [unit('VP'), unit('VHXH')] }],
      });
      expect(saved.status).toBe(200);
      expect(
        saved.body.find((group: { groupCode: string }) => group.groupCode === 'SPECIALIZED'),
      ).toEqual({
        groupCode: 'SPECIALIZED',
        unitIds: [unit('VP'), unit('VHXH')],
        source: 'ward',
      });
      const preview = (await upload('kh-2026.txt', seed002 as string, '?dryRun=true')).body;
      const children = (preview.plannedTasks as PlannedTaskView[]).filter(
        (task) => task.parentKey === 'II/8',
      );
      expect(children.map((task) => task.key)).toEqual(['II/8:VP', 'II/8:VHXH']);
    });
  },
);
