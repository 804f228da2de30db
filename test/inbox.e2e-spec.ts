import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { demoWardIds } from './support/demo-ward-ids';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

interface InboxBody {
  total: number;
  sections: {
    key: string;
    count: number;
    items: { task: { id: string }; note: string | null }[];
  }[];
}

describe('"Việc cần làm" and the SLA of tasks (MariaDB)', () => {
  // Monday 02/03/2026, 09:00 in Việt Nam.
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let api: INestApplication;
  let client: ApiClient;
  let units: Record<string, string>;
  let users: Record<string, string>;

  beforeAll(async () => {
    await freshEnvironment('inbox');
    api = await startApi(clock);
    client = new ApiClient(api.getHttpServer());
    ({ units, users } = await demoWardIds(client));
  });

  afterAll(async () => {
    await api?.close();
  });

  const createTask = async (title: string, dueDate: string) => {
    const response = await client.post('coordinator', '/tasks', {
      title,
      leadUnitId: units.VHXH,
      leaderId: users.leader,
      dueDate,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };
  const inboxOf = async (username: string) => {
    const response = await client.get(username, '/inbox');
    expect(response.status).toBe(200);
    return response.body as InboxBody;
  };
  const section = (inbox: InboxBody, key: string) => inbox.sections.find((s) => s.key === key);
  const send = async (username: string, id: string, body: object) => {
    const response = await client.post(username, `/tasks/${id}/events`, body);
    expect(response.status).toBe(200);
    return response.body as { version: number };
  };

  it('gives every task its working-day SLA in the list and on its page', async () => {
    const soon = await createTask('Niêm yết công khai thủ tục hành chính', '2026-03-04');
    const later = await createTask('Rà soát quy trình nội bộ', '2026-03-31');
    const list = await client.get('officer', '/tasks');
    const slaOf = (id: string) =>
      (list.body.items as { id: string; sla: object }[]).find((task) => task.id === id)?.sla;
    expect(slaOf(soon.id)).toEqual({
      status: 'dueSoon',
      workingDaysLeft: 2,
      workingDaysOverdue: null,
    });
    expect(slaOf(later.id)).toMatchObject({ status: 'onTrack', workingDaysLeft: 21 });
    const page = await client.get('officer', `/tasks/${soon.id}`);
    expect(page.body.sla.status).toBe('dueSoon');
  });

  it('shows each role what waits on it, and the reason of a returned report', async () => {
    const task = await createTask('Cập nhật hồ sơ điện tử', '2026-03-20');
    expect(section(await inboxOf('officer'), 'toStart')?.items.map((i) => i.task.id)).toContain(
      task.id,
    );
    let { version } = await send('officer', task.id, { type: 'START', version: task.version });
    ({ version } = await send('officer', task.id, {
      type: 'SUBMIT_REPORT',
      version,
      report: 'Đã cập nhật 120 hồ sơ',
    }));
    const leaderInbox = await inboxOf('leader');
    expect(section(leaderInbox, 'toApprove')?.items.map((i) => i.task.id)).toContain(task.id);
    expect(leaderInbox.total).toBeGreaterThanOrEqual(1);
    await send('leader', task.id, { type: 'RETURN', version, reason: 'Thiếu danh sách hồ sơ' });
    const returned = section(await inboxOf('officer'), 'returned');
    expect(returned?.items).toEqual([
      expect.objectContaining({
        task: expect.objectContaining({ id: task.id }),
        note: 'Báo cáo bị trả lại: Thiếu danh sách hồ sơ',
      }),
    ]);
    expect(
      section(await inboxOf('leader'), 'toApprove')?.items.map((i) => i.task.id),
    ).not.toContain(task.id);
  });

  it('names the person of each step in the history', async () => {
    const task = await createTask('Tập huấn nghiệp vụ một cửa', '2026-04-30');
    await send('officer', task.id, { type: 'START', version: task.version });
    const history = await client.get('officer', `/tasks/${task.id}/history`);
    expect(history.body.map((entry: { actorName: string }) => entry.actorName)).toEqual([
      expect.any(String),
      expect.any(String),
    ]);
    expect(history.body[1].actorRole).toBe('officer');
  });
});
