import { ApiClient } from './support/api-client';
import { ApiProcess, freePort } from './support/api-process';
import { freshEnvironment } from './support/e2e-env';

describe('a task across API restarts', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = new ApiProcess(await freshEnvironment('restart'), await freePort());
  });

  afterAll(async () => {
    await api?.kill();
  });

  it('keeps its state, version and history when the API process is killed between transitions', async () => {
    await api.start();
    let client = new ApiClient(api.url);
    const units = (await client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
    }[];
    const leader = (
      (await client.get('coordinator', '/users')).body as { id: string; username: string }[]
    ).find((user) => user.username === 'leader');
    const created = await client.post('coordinator', '/tasks', {
      title: 'Cập nhật, công khai thủ tục hành chính trên Cổng dịch vụ công',
      leadUnitId: units.find((unit) => unit.code === 'VHXH')?.id,
      leaderId: leader?.id,
      dueDate: '2099-12-31',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(
      (await client.post('officer', `/tasks/${id}/events`, { type: 'START', version: 1 })).status,
    ).toBe(200);

    await api.kill();
    await api.start();
    client = new ApiClient(api.url);

    const afterRestart = await client.get('officer', `/tasks/${id}`);
    expect(afterRestart.body).toMatchObject({
      state: 'inProgress',
      version: 2,
      allowedEvents: ['SUBMIT_REPORT', 'REQUEST_EXTENSION'],
    });
    const report = await client.post('officer', `/tasks/${id}/events`, {
      type: 'SUBMIT_REPORT',
      version: 2,
      report: 'Đã cập nhật 35 thủ tục',
    });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ state: 'reported', version: 3 });
    const history = (await client.get('leader', `/tasks/${id}/history`)).body as {
      event: string;
    }[];
    expect(history.map((entry) => entry.event)).toEqual(['CREATED', 'START', 'SUBMIT_REPORT']);
  });
});
