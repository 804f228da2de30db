import { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { ManualClock } from '@cchc/common';
import { docxText } from './support/document-text';
import { freshEnvironment } from './support/e2e-env';
import { ReportSession, vnTime } from './support/report-session';
import { startApi, startWorker } from './support/test-app';

const HEAD = [
  'ỦY BAN NHÂN DÂN PHƯỜNG MẪU',
  'Số: 09/KH-UBND',
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
const row = (ordinal: string, title: string, unit: string, deadline: string) =>
  [ordinal, title, unit, '', '', 'Báo cáo', deadline].join('\t');
const ROWS = [
  'I. Cải cách thủ tục hành chính',
  row('1', 'Rà soát thủ tục hành chính', 'Phòng VHXH', 'Trước ngày 28/02/2026'),
  row('2', 'Niêm yết công khai thủ tục', 'Phòng VHXH', 'Trước ngày 28/02/2026'),
  row('3', 'Số hóa hồ sơ thủ tục hành chính', 'Công an phường', 'Trước ngày 31/03/2026'),
];
const plan = (rows: string[]) => [...HEAD, ...rows].join('\n');
/** The plan amended after the cut-off: task 3's deadline moved, task 4 added. */
const AMENDED = [
  ...ROWS.slice(0, 3),
  row('3', 'Số hóa hồ sơ thủ tục hành chính', 'Công an phường', 'Trước ngày 30/09/2026'),
  row('4', 'Đánh giá mức độ hài lòng', 'Phòng VHXH', 'Trước ngày 31/05/2026'),
];

/** Amended again on 16/06: tasks due 31/07 and 10/09/2026, and one due in January 2027. */
const AMENDED_AGAIN = [
  ...AMENDED,
  row('5', 'Cập nhật niêm yết thủ tục', 'Phòng VHXH', 'Trước ngày 10/09/2026'),
  row('6', 'Sơ kết mô hình một cửa', 'Phòng VHXH', 'Trước ngày 31/07/2026'),
  row('7', 'Tổng kết công tác năm', 'Phòng VHXH', 'Trước ngày 31/01/2027'),
];

interface TaskLine {
  ordinal: string;
  leadUnit: string;
  dueDate: string | null;
  state: string;
}
interface Content {
  tasks: { total: number; byState: Record<string, number>; overdue: TaskLine[] };
  nextTasks: TaskLine[];
  cutoffInstant: string;
  dossiers: { from: string; to: string };
}

describe('periodic reports: due date and lead unit as of the cut-off (MariaDB + Redis)', () => {
  const clock = new ManualClock(vnTime('2026-01-05T08:00:00'));
  let api: INestApplication;
  let worker: INestApplicationContext;
  let s: ReportSession;
  let units: Record<string, { id: string; name: string }>;
  let planId: string;
  const tasks: Record<string, string> = {};

  beforeAll(async () => {
    await freshEnvironment('report_cutoff_fields');
    Object.assign(process.env, { TIMER_FEED_MS: '100', TIMER_SWEEP_MS: '1000' });
    api = await startApi(clock);
    worker = await startWorker(clock);
    s = new ReportSession(api, clock);
    const list = (await s.client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
      name: string;
    }[];
    units = Object.fromEntries(list.map((unit) => [unit.code, unit]));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const upload = async (username: string, text: string, query = '') =>
    request(api.getHttpServer())
      .post(`/plans/import${query}`)
      .set('Authorization', `Bearer ${await s.client.login(username)}`)
      .attach('file', Buffer.from(text), 'kh-09.txt');

  /** Compiles a period's report and returns its figures as the JSON download has them. */
  const compiled = async (kind: string, index: number): Promise<Content & { id: string }> => {
    const { id } = (await s.openAndCompile(kind, 2026, index)).opened;
    const json = await s.client.get('chairman', `/reports/${id}/document?format=json`);
    expect(json.status).toBe(200);
    return { ...(json.body as { content: Content }).content, id };
  };
  const compiledQuarter = (index: number) => compiled('quy', index);

  const line = (ordinal: string, unit: string, dueDate: string, state?: string) =>
    expect.objectContaining({
      ordinal,
      leadUnit: units[unit].name,
      dueDate,
      ...(state ? { state } : {}),
    });

  it('imports the plan; two VHXH tasks fall overdue, one asks for an extension before the cut-off', async () => {
    const imported = await upload('coordinator', plan(ROWS));
    expect(imported.body).toMatchObject({ status: 'created', tasks: 3 });
    planId = imported.body.planId;
    const rows = (await s.db.query(
      'SELECT id, ordinal FROM reform_tasks WHERE plan_id = ? AND is_group = 0',
      [planId],
    )) as { id: string; ordinal: string }[];
    for (const task of rows) tasks[task.ordinal] = task.id;
    await s.moveTo('2026-03-02T09:00:00', worker);
    const states = (await s.db.query(
      'SELECT ordinal, state FROM reform_tasks WHERE plan_id = ? ORDER BY ordinal',
      [planId],
    )) as { ordinal: string; state: string }[];
    expect(states.map((task) => [task.ordinal, task.state])).toEqual([
      ['1', 'overdue'],
      ['2', 'overdue'],
      ['3', 'assigned'],
    ]);
    await s.moveTo('2026-03-10T09:00:00', worker);
    await s.task('officer', tasks['1'], {
      type: 'REQUEST_EXTENSION',
      proposedDueDate: '2026-06-30',
      reason: 'Chờ hướng dẫn của Sở Nội vụ',
    });
  });

  it('after the cut-off: the extension approved, task 2 reassigned, the plan amended', async () => {
    await s.moveTo('2026-03-16T09:00:00', worker);
    // Approved without a date of its own: the one proposed.
    await s.task('chairman', tasks['1'], { type: 'DECIDE_EXTENSION', decision: 'approve' });
    await s.task('coordinator', tasks['2'], { type: 'REASSIGN', leadUnitId: units.CA.id });
    const amended = await upload('chairman', plan(AMENDED), `?planId=${planId}&confirm=true`);
    expect(amended.body).toMatchObject({ status: 'amended', planId });
    const [added] = (await s.db.query(
      "SELECT id FROM reform_tasks WHERE plan_id = ? AND ordinal = '4'",
      [planId],
    )) as { id: string }[];
    tasks['4'] = added.id;
    const now = (await s.db.query(
      "SELECT ordinal, state, lead_unit_id, DATE_FORMAT(due_date, '%Y-%m-%d') AS due FROM reform_tasks WHERE plan_id = ? ORDER BY ordinal",
      [planId],
    )) as { ordinal: string; state: string; lead_unit_id: string; due: string }[];
    expect(now.map((task) => [task.ordinal, task.state, task.lead_unit_id, task.due])).toEqual([
      ['1', 'assigned', units.VHXH.id, '2026-06-30'],
      ['2', 'overdue', units.CA.id, '2026-02-28'],
      ['3', 'assigned', units.CA.id, '2026-09-30'],
      ['4', 'assigned', units.VHXH.id, '2026-05-31'],
    ]);
  });

  it('compiles Q1 with the due dates and lead units of its cut-off; the task added after it does not count', async () => {
    const content = await compiledQuarter(1);
    expect(content.tasks.total).toBe(3);
    expect(content.tasks.byState).toMatchObject({ overdue: 2, assigned: 1 });
    expect(content.tasks.overdue).toEqual([
      line('1', 'VHXH', '2026-02-28', 'overdue'),
      line('2', 'VHXH', '2026-02-28', 'overdue'),
    ]);
    // Due in Q2 as the plan stood at the cut-off (amended to September since).
    expect(content.nextTasks).toEqual([line('3', 'CA', '2026-03-31', 'assigned')]);
  });

  it('compiles Q2 with the values as they now stand', async () => {
    await s.moveTo('2026-06-16T09:00:00', worker);
    const content = await compiledQuarter(2);
    expect(content.tasks.total).toBe(4);
    // Task 4 fell due on 31/05 (open past its due date, whether or not its deadline timer has
    // fired yet); task 1 is due after Q2's cut-off, by its extension.
    expect(content.tasks.overdue).toEqual([
      line('2', 'CA', '2026-02-28', 'overdue'),
      line('4', 'VHXH', '2026-05-31'),
    ]);
    expect(content.nextTasks).toEqual([line('1', 'VHXH', '2026-06-30', 'assigned')]);
  });
  const ordinals = (lines: TaskLine[]) => lines.map((task) => task.ordinal).sort();

  it('compiles Q3 before its cut-off as of the moment compiled, never as of the future', async () => {
    const amended = await upload('chairman', plan(AMENDED_AGAIN), `?planId=${planId}&confirm=true`);
    expect(amended.body).toMatchObject({ status: 'amended', planId });
    await s.moveTo('2026-08-05T09:00:00', worker);
    const content = await compiledQuarter(3);
    expect(content.cutoffInstant).toBe(vnTime('2026-08-05T09:00:00').toISOString());
    expect(content.dossiers).toMatchObject({ from: '2026-06-15', to: '2026-08-05' });
    // Overdue: past due on 05/08 (task 6 due 31/07), not task 5 due 10/09, before the cut-off 14/09.
    expect(ordinals(content.tasks.overdue)).toEqual(['1', '2', '4', '6']);
    // Ahead: task 5 (this quarter's rest) and task 3 (30/09), not task 7 (2027).
    expect(ordinals(content.nextTasks)).toEqual(['3', '5']);
    const docx = await s.document(content.id, 'format=docx');
    const text = await docxText(docx.body);
    expect(text).toContain(
      'Số liệu tính từ ngày 15/06/2026 đến 05/08/2026 09:00 (thời điểm tổng hợp, ' +
        'trước ngày chốt số liệu 14/09/2026 của kỳ báo cáo).',
    );
    expect(text).not.toContain('đến ngày 14/09/2026');
  });

  it('refuses to compile a period not yet begun, saying from when it can be', async () => {
    const { compiled: refused } = await s.openAndCompile('quy', 2026, 4, 409);
    expect(refused.message).toBe(
      'Kỳ báo cáo Quý IV/2026 chưa bắt đầu: chưa có số liệu để tổng hợp, có thể tổng hợp từ ngày 15/09/2026',
    );
  });

  it('lists as next after 9 months the tasks due by the year’s cut-off, not into 2027', async () => {
    await s.moveTo('2026-09-16T09:00:00', worker);
    const content = await compiled('chin_thang', 1);
    expect(content.cutoffInstant).toBe(vnTime('2026-09-14T23:59:59.999').toISOString());
    expect(ordinals(content.nextTasks)).toEqual(['3']);
  });

  it('opens a report on the reform plan, not on a PAR-Index plan imported after it', async () => {
    const parPlan = [
      'ỦY BAN NHÂN DÂN PHƯỜNG MẪU',
      'Số: 88/KH-UBND',
      'Phường Mẫu, ngày 20 tháng 8 năm 2026',
      'KẾ HOẠCH',
      'Nâng cao Chỉ số cải cách hành chính năm 2026',
      HEAD[5],
      'I. Công tác chỉ đạo, điều hành',
      row('1.1', 'Kế hoạch CCHC năm', 'Phòng VHXH', 'Trước ngày 30/09/2026'),
    ].join('\n');
    const imported = await upload('coordinator', parPlan, '?kind=par_index&year=2026');
    expect(imported.body).toMatchObject({ status: 'created' });
    const plans = (await s.db.query(
      "SELECT id, kind, DATE_FORMAT(issued_on, '%Y-%m-%d') AS issued_on FROM plans ORDER BY issued_on",
    )) as { id: string; kind: string; issued_on: string }[];
    expect(plans.map((p) => [p.kind, p.issued_on])).toEqual([
      ['reform', '2026-01-05'],
      ['par_index', '2026-08-20'],
    ]);
    const { opened } = await s.openAndCompile('thang', 2026, 9);
    expect(opened.planId).toBe(planId);
  });
});
