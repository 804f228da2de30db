import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

describe('task list actions: POST /tasks/bulk (a result per row), GET /tasks/export.xlsx', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let api: INestApplication;
  let client: ApiClient;
  let units: Record<string, string>;

  beforeAll(async () => {
    await freshEnvironment('tasks_bulk');
    api = await startApi(clock);
    client = new ApiClient(api.getHttpServer());
    const unitList = (await client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
    }[];
    units = Object.fromEntries(unitList.map((unit) => [unit.code, unit.id]));
  });

  afterAll(async () => {
    await api?.close();
  });

  const createTask = async (title: string, dueDate = '2026-03-31') => {
    const response = await client.post('coordinator', '/tasks', {
      title,
      leadUnitId: units.VHXH,
      dueDate,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };

  it('reassigns the tasks it may and reports the refused one with its reason', async () => {
    const [first, second, cancelled] = await Promise.all(
      ['Bulk A', 'Bulk B', 'Bulk C'].map((title) => createTask(title)),
    );
    const cancel = await client.post('chairman', `/tasks/${cancelled.id}/events`, {
      type: 'CANCEL',
      version: cancelled.version,
      reason: 'Không còn phù hợp',
    });
    expect(cancel.status).toBe(200);
    const missing = '00000000-0000-4000-8000-000000000000';

    const response = await client.post('coordinator', '/tasks/bulk', {
      type: 'REASSIGN',
      taskIds: [first.id, cancelled.id, second.id, missing],
      leadUnitId: units.VP,
    });

    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      { taskId: first.id, ok: true },
      { taskId: cancelled.id, ok: false, status: 409, message: expect.any(String) },
      { taskId: second.id, ok: true },
      { taskId: missing, ok: false, status: 404, message: expect.any(String) },
    ]);
    const moved = await client.get('coordinator', `/tasks/${second.id}`);
    expect(moved.body.leadUnitId).toBe(units.VP);
    const untouched = await client.get('coordinator', `/tasks/${cancelled.id}`);
    expect(untouched.body.leadUnitId).toBe(units.VHXH);
  });

  it('moves due dates with a reason, and asks for the reason and the date by name', async () => {
    const task = await createTask('Bulk D');
    const amended = await client.post('chairman', '/tasks/bulk', {
      type: 'AMEND',
      taskIds: [task.id],
      dueDate: '2026-04-30',
      reason: 'Điều chỉnh theo kế hoạch mới',
    });
    expect(amended.body.results).toEqual([{ taskId: task.id, ok: true }]);
    expect((await client.get('chairman', `/tasks/${task.id}`)).body.dueDate).toBe('2026-04-30');

    const noReason = await client.post('chairman', '/tasks/bulk', {
      type: 'AMEND',
      taskIds: [task.id],
      dueDate: '2026-05-30',
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.message)).toContain('reason');
    const noUnit = await client.post('chairman', '/tasks/bulk', {
      type: 'REASSIGN',
      taskIds: [task.id],
    });
    expect(noUnit.status).toBe(400);
    expect(JSON.stringify(noUnit.body.message)).toContain('leadUnitId');
  });

  it('reminds the lead unit, which finds the reminder among its unread notifications', async () => {
    const task = await createTask('Bulk E nhắc việc');
    const remind = await client.post('coordinator', '/tasks/bulk', {
      type: 'REMIND',
      taskIds: [task.id],
    });
    expect(remind.body.results).toEqual([{ taskId: task.id, ok: true }]);
    const unread = await client.get('officer', '/notifications?unread=true');
    expect(unread.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ topic: 'task.reminder', subjectId: task.id }),
      ]),
    );
  });

  it('is for the coordinator and the chairman only', async () => {
    const task = await createTask('Bulk F');
    const response = await client.post('officer', '/tasks/bulk', {
      type: 'REMIND',
      taskIds: [task.id],
    });
    expect(response.status).toBe(403);
  });

  it('exports the filtered list to XLSX with Vietnamese headers and dd/mm/yyyy dates', async () => {
    await createTask('=Xuất Excel 1');
    await createTask('Xuất Excel 2', '2026-04-15');
    const token = await client.login('inspector');
    const response = await request(api.getHttpServer())
      .get('/tasks/export.xlsx')
      // The list's page does not matter: the export has every matching row.
      .query({ text: 'Xuất Excel', page: 3 })
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain('nhiem-vu.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    const rows = workbook
      .getWorksheet('Nhiệm vụ')!
      .getSheetValues()
      .slice(1)
      .map((values) => (values as unknown[]).slice(1, 6));
    expect(rows).toEqual([
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Lãnh đạo phụ trách', 'Thời hạn'],
      [1, "'=Xuất Excel 1", expect.stringContaining('Văn hóa'), '', '31/03/2026'],
      [2, 'Xuất Excel 2', expect.stringContaining('Văn hóa'), '', '15/04/2026'],
    ]);
  });

  it('refuses a bad export filter by name', async () => {
    const response = await client.get('coordinator', '/tasks/export.xlsx?state=nope');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.message)).toContain('state');
  });
});
