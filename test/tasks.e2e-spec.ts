import { randomUUID } from 'node:crypto';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { WorkflowEngine } from '@cchc/engine';
import { outboxJobId, QUEUES, readOutboxEpoch } from '@cchc/queue';
import { reformTaskPersistence } from '@cchc/tasks';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { redoMigration } from './support/redo-migration';
import { eventually, startApi, startWorker } from './support/test-app';

describe('reform tasks over the API (MariaDB + Redis)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let api: INestApplication;
  let worker: INestApplicationContext;
  let client: ApiClient;
  let db: DataSource;
  let units: Record<string, string>;
  let users: Record<string, string>;

  beforeAll(async () => {
    await freshEnvironment('tasks');
    api = await startApi(clock);
    worker = await startWorker(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    const unitList = (await client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
    }[];
    units = Object.fromEntries(unitList.map((unit) => [unit.code, unit.id]));
    const userList = (await client.get('coordinator', '/users')).body as {
      id: string;
      username: string;
    }[];
    users = Object.fromEntries(userList.map((user) => [user.username, user.id]));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const createTask = async (overrides: object = {}) => {
    const response = await client.post('coordinator', '/tasks', {
      title: 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực văn hóa',
      leadUnitId: units.VHXH,
      coordinatingUnitIds: [units.VP],
      leaderId: users.leader,
      product: 'Báo cáo kết quả rà soát',
      dueDate: '2026-03-31',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; state: string };
  };

  const send = (username: string, id: string, body: object) =>
    client.post(username, `/tasks/${id}/events`, body);
  /** Sends an event that must succeed; a refusal fails the test with the API's message. */
  const step = async (username: string, id: string, body: object) => {
    const response = await send(username, id, body);
    if (response.status !== 200)
      throw new Error(
        `${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.body)}`,
      );
    return response;
  };

  describe('auth and organisation', () => {
    it('logs in, tells who is calling, and refuses a wrong password or a missing token', async () => {
      const me = await client.get('officer', '/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username: 'officer', role: 'officer', unitId: units.VHXH });
      expect(me.body.wardId).toEqual(expect.any(String));
      const wrong = await request(api.getHttpServer())
        .post('/auth/login')
        .send({ username: 'officer', password: 'sai' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.message).toMatch(/mật khẩu/);
      const anonymous = await request(api.getHttpServer()).get('/tasks');
      expect(anonymous.status).toBe(401);
    });

    it('lists the ward units, and users only for coordinator and chairman', async () => {
      expect(Object.keys(units).sort()).toEqual([
        'BCHQS',
        'CA',
        'KTHTDT',
        'TTDVSNC',
        'TTPVHCC',
        'VHXH',
        'VP',
      ]);
      const names = ((await client.get('officer', '/org-units')).body as { name: string }[]).map(
        (u) => u.name,
      );
      expect(names).toContain('Phòng Văn hóa - Xã hội');
      expect(Object.keys(users).sort()).toEqual([
        'chairman',
        'coordinator',
        'inspector',
        'leader',
        'officer',
        'one_stop_officer',
        'unit_head',
      ]);
      const refused = await client.get('officer', '/users');
      expect(refused.status).toBe(403);
    });
  });

  describe('creating tasks', () => {
    it('creates a task in "giao" for the coordinator, with its history started', async () => {
      const task = await createTask();
      const view = (await client.get('officer', `/tasks/${task.id}`)).body;
      expect(view).toMatchObject({
        state: 'assigned',
        stateLabel: 'Đã giao',
        dueDate: '2026-03-31',
        late: false,
        version: 1,
      });
      expect(view.allowedEvents).toEqual(['START', 'REQUEST_EXTENSION']);
      const history = (await client.get('inspector', `/tasks/${task.id}/history`)).body;
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        seq: 1,
        event: 'CREATED',
        to: 'assigned',
        actorRole: 'coordinator',
      });
    });

    it('refuses creation by an officer and says why', async () => {
      const response = await client.post('officer', '/tasks', {
        title: 'x',
        leadUnitId: units.VHXH,
      });
      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/Cán bộ, công chức/);
    });

    it('names the wrong field of a bad request and writes nothing', async () => {
      const before = await db.query('SELECT COUNT(*) AS n FROM reform_tasks');
      const response = await client.post('coordinator', '/tasks', {
        title: '',
        leadUnitId: 'abc',
        dueDate: '31/03/2026',
      });
      expect(response.status).toBe(400);
      const fields = (response.body.fields as { field: string }[]).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['title', 'leadUnitId', 'dueDate']));
      const unknownUnit = await client.post('coordinator', '/tasks', {
        title: 'x',
        leadUnitId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknownUnit.status).toBe(400);
      expect(unknownUnit.body.message).toMatch(/leadUnitId/);
      expect(await db.query('SELECT COUNT(*) AS n FROM reform_tasks')).toEqual(before);
    });
  });

  describe('the lifecycle', () => {
    it('goes giao → đang thực hiện → báo cáo → nghiệm thu, each step in the history', async () => {
      const task = await createTask();
      let response = await send('officer', task.id, { type: 'START', version: 1 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        state: 'inProgress',
        stateLabel: 'Đang thực hiện',
        version: 2,
      });
      response = await send('unit_head', task.id, {
        type: 'SUBMIT_REPORT',
        version: 2,
        report: 'Đã rà soát 12 thủ tục',
      });
      expect(response.body).toMatchObject({
        state: 'reported',
        stateLabel: 'Chờ nghiệm thu',
        late: false,
        version: 3,
      });
      response = await send('leader', task.id, { type: 'APPROVE', version: 3 });
      expect(response.body).toMatchObject({
        state: 'accepted',
        stateLabel: 'Đã nghiệm thu',
        version: 4,
        allowedEvents: [],
      });
      const history = (await client.get('leader', `/tasks/${task.id}/history`)).body as Record<
        string,
        unknown
      >[];
      expect(history.map((h) => [h.seq, h.event, h.from, h.to, h.actorRole])).toEqual([
        [1, 'CREATED', null, 'assigned', 'coordinator'],
        [2, 'START', 'assigned', 'inProgress', 'officer'],
        [3, 'SUBMIT_REPORT', 'inProgress', 'reported', 'unit_head'],
        [4, 'APPROVE', 'reported', 'accepted', 'leader'],
      ]);
      expect(history[2].payload).toEqual({ report: 'Đã rà soát 12 thủ tục' });
    });

    it('returns a report with a reason, and marks a late report "hoàn thành quá hạn"', async () => {
      const task = await createTask({ dueDate: '2026-03-03' });
      await step('officer', task.id, { type: 'START', version: 1 });
      await step('officer', task.id, { type: 'SUBMIT_REPORT', version: 2, report: 'Bản 1' });
      const noReason = await send('leader', task.id, { type: 'RETURN', version: 3 });
      expect(noReason.status).toBe(400);
      expect(noReason.body.message).toMatch(/reason/);
      const returned = await send('leader', task.id, {
        type: 'RETURN',
        version: 3,
        reason: 'Thiếu số liệu quý I',
      });
      expect(returned.body).toMatchObject({ state: 'inProgress', version: 4 });
      clock.set('2026-03-05T10:00:00+07:00');
      try {
        const late = await send('officer', task.id, {
          type: 'SUBMIT_REPORT',
          version: 4,
          report: 'Bản 2',
        });
        expect(late.body).toMatchObject({ state: 'reported', late: true });
        const accepted = await send('chairman', task.id, { type: 'APPROVE', version: 5 });
        expect(accepted.body).toMatchObject({ state: 'accepted', late: true });
      } finally {
        clock.set('2026-03-02T09:00:00+07:00');
      }
    });

    it('lists and filters tasks', async () => {
      const other = await createTask({
        title: 'Kiểm tra công vụ tại Công an phường',
        leadUnitId: units.CA,
        dueDate: '2026-12-31',
      });
      const byUnit = (await client.get('inspector', `/tasks?leadUnitId=${units.CA}`)).body;
      expect(byUnit.items.map((t: { id: string }) => t.id)).toEqual([other.id]);
      const byText = (await client.get('inspector', `/tasks?text=${encodeURIComponent('Công an')}`))
        .body;
      expect(byText.total).toBe(1);
      const page = (await client.get('inspector', '/tasks?pageSize=2&page=1')).body;
      expect(page.items).toHaveLength(2);
      expect(page.total).toBeGreaterThan(2);
      const bad = await client.get('inspector', '/tasks?state=done');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/state/);
    });

    it('pages by cursor in the list order, undated tasks last, and finds words and short words', async () => {
      await createTask({ title: 'Số hóa hồ sơ hộ tịch của phường', dueDate: undefined });
      for (const day of ['2026-04-10', '2026-04-10', '2026-02-01']) {
        await createTask({ title: `Tuyên truyền cải cách hành chính hạn ${day}`, dueDate: day });
      }
      type Row = { id: string; dueDate: string | null };
      const all = (await client.get('inspector', '/tasks?pageSize=200')).body as {
        items: Row[];
        total: number;
        totalCapped: boolean;
        nextCursor: string | null;
      };
      expect(all).toMatchObject({ totalCapped: false, nextCursor: null });
      expect(all.items).toHaveLength(all.total);
      const dates = all.items.map((task) => task.dueDate ?? '9999-12-31');
      expect(dates).toEqual([...dates].sort());
      expect(all.items.at(-1)?.dueDate).toBeNull();

      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = (await client.get('inspector', `/tasks?pageSize=2${query}`)).body as {
          items: Row[];
          total: number;
          nextCursor: string | null;
        };
        expect(page.total).toBe(all.total);
        walked.push(...page.items.map((task) => task.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(all.items.map((task) => task.id));
      // The count comes with the page's ids; a page past the end still says how many match.
      const beyond = (await client.get('inspector', '/tasks?pageSize=2&page=1000')).body;
      expect(beyond).toMatchObject({ items: [], total: all.total, nextCursor: null });

      const titles = async (text: string) =>
        (
          (await client.get('inspector', `/tasks?text=${encodeURIComponent(text)}`)).body as {
            items: { title: string }[];
          }
        ).items.map((task) => task.title);
      expect(await titles('hộ tịch')).toEqual(['Số hóa hồ sơ hộ tịch của phường']);
      // Only short words: no FULLTEXT word to narrow by; the ward's rows are read for the phrase.
      expect(await titles('hồ sơ hộ')).toEqual(['Số hóa hồ sơ hộ tịch của phường']);
      expect(await titles('tuyên truy')).toHaveLength(3);
      expect(await titles('truyền cải cách hành chính hạn 2026-02')).toHaveLength(1);

      const bad = await client.get('inspector', '/tasks?cursor=bm90LWEtY3Vyc29y');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/cursor/);
    });

    it('finds a phrase by its syllables: short ones, diacritics, title or content, edits, own ward, every page', async () => {
      type Page = { items: { id: string }[]; total: number; nextCursor: string | null };
      const search = async (username: string, text: string, more = '') =>
        (await client.get(username, `/tasks?text=${encodeURIComponent(text)}${more}`)).body as Page;
      const found = async (text: string, more = '') =>
        (await search('inspector', text, more)).items.map((task) => task.id);
      const poor = await createTask({ title: 'Xác nhận hộ nghèo, xã viên', dueDate: '2026-05-02' });
      const lake = await createTask({ title: 'Nạo vét HỒ điều hòa', dueDate: '2026-05-01' });
      const inContent = await createTask({
        title: 'Chuyển đổi số',
        content: 'Liên thông đăng ký KHAI SINH, hộ khẩu qua cổng dịch vụ công của xã',
        dueDate: '2026-05-03',
      });
      // Syllables of one or two letters, any case; a diacritic is a different syllable.
      expect(await found('hộ nghèo')).toEqual([poor.id]);
      expect(await found('XÃ')).toEqual([poor.id, inContent.id]);
      expect(await found('hồ điều')).toEqual([lake.id]);
      expect(await found('ho dieu')).toEqual([]);
      expect(await found('hô nghèo')).toEqual([]);
      // The phrase in the content counts; words split between title and content do not.
      expect(await found('khai sinh, hộ khẩu')).toEqual([inContent.id]);
      expect(await found('số liên thông')).toEqual([]);
      expect(await found('sinh hộ khẩu')).toEqual([]);
      // The last word may be half typed; a single word is a whole syllable.
      expect(await found('hộ ngh')).toEqual([poor.id]);
      expect(await found('ngh')).toEqual([]);
      // Typed decomposed (a letter and its combining marks, as some keyboards send it): stored
      // composed, so a composed or decomposed query finds it.
      const typedApart = 'Rà soát hộ kinh doanh'.normalize('NFD');
      const apart = await createTask({ title: typedApart, dueDate: '2026-05-04' });
      const [stored] = (await db.query('SELECT title FROM reform_tasks WHERE id = ?', [
        apart.id,
      ])) as { title: string }[];
      expect(stored.title).toBe('Rà soát hộ kinh doanh'.normalize('NFC'));
      expect(await found('hộ kinh')).toEqual([apart.id]);
      expect(await found('hộ kinh'.normalize('NFD'))).toEqual([apart.id]);
      // Stored decomposed before the API composed its input: the migration composes it.
      await db.query('UPDATE reform_tasks SET title = ?, content = ? WHERE id = ?', [
        typedApart,
        typedApart,
        apart.id,
      ]);
      expect(await found('hộ kinh')).toEqual([]);
      await redoMigration(db, 'ComposedTaskText1763803900000');
      expect(await found('hộ kinh')).toEqual([apart.id]);

      // An edited title is searched as it now reads (the content was the title; it goes too);
      // a moved due date moves the task in the list.
      await db.query("UPDATE reform_tasks SET content = '' WHERE id = ?", [lake.id]);
      await db.query('UPDATE reform_tasks SET title = ? WHERE id = ?', ['Nạo vét hồ sen', lake.id]);
      expect(await found('hồ điều')).toEqual([]);
      expect(await found('hồ sen')).toEqual([lake.id]);
      await db.query('UPDATE reform_tasks SET title = ? WHERE id = ?', [
        'Nạo vét hộ sen xã',
        lake.id,
      ]);
      expect(await found('hồ sen')).toEqual([]);
      expect(await found('xã')).toEqual([lake.id, poor.id, inContent.id]);
      await step('coordinator', lake.id, {
        type: 'AMEND',
        version: 1,
        reason: 'Lùi hạn',
        changes: { dueDate: '2026-05-09' },
      });
      expect(await found('xã')).toEqual([poor.id, inContent.id, lake.id]);
      expect(await found('xã', `&leadUnitId=${units.VHXH}&state=assigned`)).toEqual([
        poor.id,
        inContent.id,
        lake.id,
      ]);
      expect(await found('xã', '&dueAfter=2026-05-03&dueBefore=2026-05-31')).toEqual([
        inContent.id,
        lake.id,
      ]);
      expect(await found('xã', `&leadUnitId=${units.CA}`)).toEqual([]);

      // Another ward's task with the same words is never seen, and sees none of ours.
      const wardId = randomUUID();
      const unitId = randomUUID();
      await db.query(
        "INSERT INTO wards (id, code, name) VALUES (?, 'tasks-other', 'Phường Khác')",
        [wardId],
      );
      await db.query(
        "INSERT INTO org_units (id, ward_id, code, name) VALUES (?, ?, 'VHXH', 'Văn hóa')",
        [unitId, wardId],
      );
      await db.query(
        `INSERT INTO users (id, ward_id, unit_id, username, full_name, role, password_hash)
         SELECT ?, ?, ?, 'coordinator_other_ward', 'Điều phối phường khác', 'coordinator',
           password_hash FROM users WHERE username = 'coordinator'`,
        [randomUUID(), wardId, unitId],
      );
      const theirs = await client.post('coordinator_other_ward', '/tasks', {
        title: 'Xác nhận hộ nghèo, xã viên',
        leadUnitId: unitId,
        coordinatingUnitIds: [],
        dueDate: '2026-05-02',
      });
      expect(theirs.status).toBe(201);
      expect(await found('hộ nghèo')).toEqual([poor.id]);
      expect((await search('coordinator_other_ward', 'xã')).items.map((task) => task.id)).toEqual([
        theirs.body.id,
      ]);

      // Every task with a common syllable, page by page by cursor, in the list's order.
      for (const day of ['2026-06-03', '2026-06-01', '2026-06-01', undefined, '2026-06-02'])
        await createTask({ title: `Kiểm tra hộ kinh doanh hạn ${day}`, dueDate: day });
      const all = await search('inspector', 'hộ', '&pageSize=200');
      expect(all.nextCursor).toBeNull();
      expect(all.total).toBeGreaterThanOrEqual(8);
      expect(all.items).toHaveLength(all.total);
      const listed = (await client.get('inspector', '/tasks?pageSize=200')).body as Page;
      const inListOrder = listed.items.map((task) => task.id);
      const ids = all.items.map((task) => task.id);
      expect(ids).toEqual(inListOrder.filter((id) => ids.includes(id)));
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await search(
          'inspector',
          'hộ',
          `&pageSize=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.total).toBe(all.total);
        walked.push(...page.items.map((task) => task.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(ids);
    });

    it('counts a text search up to 100 (each match is confirmed on its row), the list to 1,000', async () => {
      const ids: string[] = [];
      for (let batch = 0; batch < 101; batch += 10) {
        const made = await Promise.all(
          Array.from({ length: Math.min(10, 101 - batch) }, (_, i) =>
            createTask({ title: `Kiểm kê tài sản công đợt ${batch + i + 1}` }),
          ),
        );
        ids.push(...made.map((task) => task.id));
      }
      type Page = {
        items: { id: string }[];
        total: number;
        totalCapped: boolean;
        nextCursor: string | null;
      };
      const get = async (path: string) => (await client.get('inspector', path)).body as Page;
      const first = await get(`/tasks?text=${encodeURIComponent('kiểm kê tài sản')}&pageSize=100`);
      expect(first).toMatchObject({ total: 100, totalCapped: true });
      const rest = await get(
        `/tasks?text=${encodeURIComponent('kiểm kê tài sản')}&pageSize=100&cursor=${first.nextCursor}`,
      );
      expect(rest).toMatchObject({ nextCursor: null });
      expect([...first.items, ...rest.items].map((task) => task.id).sort()).toEqual(ids.sort());
      const few = await get(`/tasks?text=${encodeURIComponent('kiểm kê tài sản công đợt 1')}`);
      expect(few).toMatchObject({ total: 13, totalCapped: false });
      // Exactly 100 is not "more": one task's title no longer holds the phrase.
      await db.query(
        "UPDATE reform_tasks SET title = 'Kiểm tra tài sản công', content = title WHERE id = ?",
        [ids[0]],
      );
      const hundred = await get(`/tasks?text=${encodeURIComponent('kiểm kê tài sản')}`);
      expect(hundred).toMatchObject({ total: 100, totalCapped: false });
      const list = await get('/tasks?pageSize=1');
      expect(list.totalCapped).toBe(false);
      expect(list.total).toBeGreaterThan(101);
    });
  });

  describe('amendments', () => {
    it('lets the coordinator amend the deadline and lead unit, recorded in the history', async () => {
      const task = await createTask();
      await step('coordinator', task.id, {
        type: 'AMEND',
        version: 1,
        reason: 'Kế hoạch điều chỉnh',
        changes: { dueDate: '2026-04-30', leadUnitId: units.KTHTDT },
      });
      const view = (await client.get('coordinator', `/tasks/${task.id}`)).body;
      expect(view).toMatchObject({ state: 'assigned', dueDate: '2026-04-30', version: 2 });
      expect(view.leadUnitId).toBe(units.KTHTDT);
      const history = (await client.get('inspector', `/tasks/${task.id}/history`)).body;
      expect(history[1]).toMatchObject({
        event: 'AMEND',
        reason: 'Kế hoạch điều chỉnh',
        actorRole: 'coordinator',
        payload: { changes: { dueDate: '2026-04-30', leadUnitId: units.KTHTDT } },
      });
    });

    it('refuses an amendment by an officer, without changes, or sent as a system event', async () => {
      const task = await createTask();
      const body = { type: 'AMEND', version: 1, reason: 'x', changes: { dueDate: '2026-05-01' } };
      expect((await send('officer', task.id, body)).status).toBe(403);
      const empty = await send('coordinator', task.id, { type: 'AMEND', version: 1, reason: 'x' });
      expect(empty.status).toBe(400);
      expect(JSON.stringify(empty.body)).toMatch(/changes/);
      const system = await send('coordinator', task.id, { type: 'DEADLINE_PASSED', version: 1 });
      expect(system.status).toBe(400);
      expect((await client.get('coordinator', `/tasks/${task.id}`)).body.version).toBe(1);
    });
  });

  describe('refusals', () => {
    it('refuses by role with 403 and the reason', async () => {
      const task = await createTask({ leadUnitId: units.KTHTDT });
      const otherUnit = await send('officer', task.id, { type: 'START', version: 1 });
      expect(otherUnit.status).toBe(403);
      expect(otherUnit.body.message).toEqual(expect.any(String));
      const inspector = await send('inspector', task.id, { type: 'START', version: 1 });
      expect(inspector.status).toBe(403);
      const view = (await client.get('officer', `/tasks/${task.id}`)).body;
      expect(view).toMatchObject({ state: 'assigned', version: 1, allowedEvents: [] });
    });

    it('refuses by state with 409, the current state and the allowed events', async () => {
      const task = await createTask();
      const response = await send('leader', task.id, { type: 'APPROVE', version: 1 });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        state: 'assigned',
        stateLabel: 'Đã giao',
        allowedEvents: expect.any(Array),
      });
      expect(response.body.message).toMatch(/trạng thái "Đã giao"/);
    });

    it('refuses a stale version with 409 and the current version', async () => {
      const task = await createTask();
      await step('officer', task.id, { type: 'START', version: 1 });
      const stale = await send('officer', task.id, {
        type: 'SUBMIT_REPORT',
        version: 1,
        report: 'x',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
    });

    it('answers 404 for an unknown task', async () => {
      const response = await client.get('officer', '/tasks/00000000-0000-4000-8000-000000000000');
      expect(response.status).toBe(404);
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of 20 concurrent decisions win, and only the winner tells anyone', async () => {
      const task = await createTask();
      await step('officer', task.id, { type: 'START', version: 1 });
      await step('officer', task.id, { type: 'SUBMIT_REPORT', version: 2, report: 'Xong' });
      await client.login('leader');
      // Approvals and returns at once: the losers' notifications (another topic) must not exist.
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          send(
            'leader',
            task.id,
            i % 2 === 0
              ? { type: 'APPROVE', version: 3 }
              : { type: 'RETURN', version: 3, reason: 'Thiếu minh chứng' },
          ),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      const history = (await client.get('leader', `/tasks/${task.id}/history`)).body as {
        event: string;
      }[];
      const decisions = history.filter((h) => h.event === 'APPROVE' || h.event === 'RETURN');
      expect(decisions).toHaveLength(1);
      const topic = decisions[0].event === 'APPROVE' ? 'task.accepted' : 'task.returned';
      const told = (await db.query(
        "SELECT topic, user_id FROM notifications WHERE subject_id = ? AND topic IN ('task.accepted', 'task.returned')",
        [task.id],
      )) as { topic: string; user_id: string }[];
      // The lead unit's head and officer, once each, about the winner only.
      expect(told.length).toBeGreaterThan(1);
      expect(new Set(told.map((row) => row.topic))).toEqual(new Set([topic]));
      expect(new Set(told.map((row) => row.user_id)).size).toBe(told.length);
    });
  });

  describe('outbox and jobs', () => {
    it('writes no job and no notification for a transition whose transaction rolls back', async () => {
      const task = await createTask();
      await step('officer', task.id, { type: 'START', version: 1 });
      const engine = api.get(WorkflowEngine);
      const officer = {
        kind: 'user' as const,
        userId: users.officer,
        role: 'officer' as const,
        unitId: units.VHXH,
      };
      const outboxOf = async () =>
        (await db.query(
          "SELECT id FROM outbox WHERE JSON_UNQUOTE(JSON_EXTRACT(payload, '$.instanceId')) = ? ORDER BY id",
          [task.id],
        )) as { id: string }[];
      const before = await outboxOf();
      // A report re-plans the task's timers (a job) and tells the leader (a notification).
      await expect(
        db.transaction(async (manager) => {
          await engine.send(
            reformTaskPersistence,
            task.id,
            { type: 'SUBMIT_REPORT', report: 'Xong' } as never,
            officer,
            2,
            manager,
          );
          throw new Error('the caller gives up after the transition');
        }),
      ).rejects.toThrow('gives up');
      expect(await outboxOf()).toEqual(before);
      expect(
        await db.query(
          "SELECT id FROM notifications WHERE subject_id = ? AND topic = 'task.reported'",
          [task.id],
        ),
      ).toEqual([]);
      expect((await client.get('officer', `/tasks/${task.id}`)).body).toMatchObject({
        state: 'inProgress',
        version: 2,
      });
      // Give the relay several polls: nothing for seq 3 may ever reach the queue.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const queue = worker.get<Queue>(getQueueToken(QUEUES.taskTimers), { strict: false });
      const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed']);
      expect(jobs.filter((job) => job.data.instanceId === task.id && job.data.seq === 3)).toEqual(
        [],
      );
    });

    it('writes the notifications with the transition, and relays its jobs to BullMQ for the worker', async () => {
      const task = await createTask();
      await step('officer', task.id, { type: 'START', version: 1 });
      // In the transition's own transaction: there as soon as the answer is.
      const notice = (
        (await client.get('leader', '/notifications?pageSize=200')).body.items as {
          title: string;
          body: string;
          topic: string;
          id: string;
        }[]
      ).find((n) => n.topic === 'task.started' && n.title.includes('Rà soát'));
      expect(notice).toMatchObject({
        title:
          'Đơn vị đã bắt đầu thực hiện nhiệm vụ: Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực văn hóa',
        body: 'Đơn vị đã bắt đầu thực hiện nhiệm vụ.\nNhiệm vụ: Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực văn hóa',
      });
      const read = await client.post('leader', `/notifications/${notice!.id}/read`);
      expect(read.status).toBe(200);
      expect(read.body.readAt).not.toBeNull();
      // The creation's job (planning the task's timers) goes through the outbox to BullMQ.
      const rows = (await db.query(
        "SELECT id, queue FROM outbox WHERE JSON_UNQUOTE(JSON_EXTRACT(payload, '$.instanceId')) = ? ORDER BY id",
        [task.id],
      )) as { id: string; queue: string }[];
      expect(rows.map((row) => row.queue)).toEqual([QUEUES.taskTimers]);
      const queue = worker.get<Queue>(getQueueToken(QUEUES.taskTimers), { strict: false });
      await eventually(
        async () => queue.getJob(outboxJobId(await readOutboxEpoch(db), rows[0].id)),
        10_000,
        'the relayed job',
      );
      await eventually(
        async () => {
          const [row] = await db.query('SELECT processed_at FROM outbox WHERE id = ?', [
            rows[0].id,
          ]);
          return row.processed_at !== null;
        },
        10_000,
        'the outbox row to be marked processed',
      );
    });

    it('starts a job over from its pending row when it used up its attempts', async () => {
      const task = await createTask();
      const payload = {
        instanceType: 'reform-task',
        instanceId: task.id,
        seq: 1,
        topic: 'task.assigned',
        to: ['leadUnit'],
      };
      // Relayed just now, so the relay leaves the row alone while its job fails for good.
      const { insertId } = await db.query(
        "INSERT INTO outbox (queue, job_name, payload, created_at, relayed_at) VALUES ('notifications', 'notify', ?, ?, ?)",
        [JSON.stringify(payload), clock.now(), clock.now()],
      );
      const queue = worker.get<Queue>(getQueueToken(QUEUES.notifications), { strict: false });
      // The same job, as if MySQL had refused it on every attempt: here, a topic too long to store.
      const doomed = await queue.add(
        'notify',
        { ...payload, topic: 'x'.repeat(200), outboxId: String(insertId) },
        { jobId: outboxJobId(await readOutboxEpoch(db), insertId), attempts: 1 },
      );
      await eventually(() => doomed.isFailed(), 10_000, 'the job to fail');
      await db.query('UPDATE outbox SET relayed_at = ? WHERE id = ?', [
        new Date(clock.now().getTime() - 120_000),
        insertId,
      ]);
      await eventually(
        async () => {
          const [row] = await db.query('SELECT processed_at FROM outbox WHERE id = ?', [insertId]);
          return row.processed_at !== null;
        },
        10_000,
        'the row to be processed by its job, started over',
      );
      expect(
        await (await queue.getJob(outboxJobId(await readOutboxEpoch(db), insertId)))?.isCompleted(),
      ).toBe(true);
    });
  });
});
