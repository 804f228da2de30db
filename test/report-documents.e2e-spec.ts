import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Workbook, Worksheet } from 'exceljs';
import request from 'supertest';
import { ManualClock } from '@cchc/common';
import { TASK_STATE_LABELS, TASK_STATES, TaskState } from '@cchc/domain';
import { demoWardIds } from './support/demo-ward-ids';
import { docxText, flatten } from './support/document-text';
import { freshEnvironment } from './support/e2e-env';
import { ReportSession, vnTime } from './support/report-session';
import { describeWithSeed } from './support/seeds';
import { startApi, startWorker } from './support/test-app';

/*
 * Every figure of a compiled quarterly report, counted again here with plain SQL over the rows
 * (tasks from their audit history, dossiers from their rows and apology slips, targets from
 * their definitions in the README), then found in the JSON, in the DOCX's text and in the right
 * cell of the XLSX appendix. Nothing here asks the product's services for a figure.
 */

const FROM = '2025-12-15';
const CUTOFF = '2026-03-14';
const NEXT_CUTOFF = '2026-06-14';
const CUTOFF_INSTANT = vnTime('2026-03-14T23:59:59.999');
const OPEN: TaskState[] = ['assigned', 'inProgress', 'overdue'];

/** 0.6667 → "66,7%", as a Vietnamese reader writes a percentage with one decimal. */
const percentText = (part: number, whole: number) =>
  whole === 0 ? 'không có' : `${String(Math.round((part / whole) * 1000) / 10).replace('.', ',')}%`;
/** "2026-02-27" → "27/02/2026". */
const dmy = (date: string | null) =>
  date === null ? 'Không thời hạn' : date.split('-').reverse().join('/');
/** The day of an instant in Việt Nam. */
const vnDay = (instant: Date) =>
  new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

interface TaskAtCutoff {
  id: string;
  ordinal: string | null;
  title: string;
  areaCode: string | null;
  areaName: string | null;
  areaPosition: number | null;
  leadUnit: string;
  dueDate: string | null;
  state: TaskState;
  reason: string | null;
  acceptedOn: string | null;
}

/** A list row of section (1)'s overdue tasks or section (6): from its ordinal to its reason. */
const taskCells = (task: TaskAtCutoff) => [
  task.ordinal ?? '',
  task.title,
  task.leadUnit,
  dmy(task.dueDate),
  TASK_STATE_LABELS[task.state],
  task.reason ?? 'Chưa nêu lý do',
];
const taskLine = (task: TaskAtCutoff) => ({
  ordinal: task.ordinal,
  title: task.title,
  leadUnit: task.leadUnit,
  dueDate: task.dueDate,
  state: task.state,
  reason: task.reason,
});
/** Orders rows by their text, an object by its sorted keys (as the product orders them is no figure). */
const sortedText = (value: unknown) =>
  JSON.stringify(Array.isArray(value) ? value : Object.entries(value as object).sort());
const byText = (a: unknown, b: unknown) => sortedText(a).localeCompare(sortedText(b));

describeWithSeed('002', 'report documents: every figure against the database', (seedText) => {
  const clock = new ManualClock(vnTime('2026-01-20T08:00:00'));
  let api: INestApplication;
  let worker: INestApplicationContext;
  let s: ReportSession;
  let units: Record<string, string>;
  let planId: string;
  let reportId: string;
  let wardId: string;
  const picked: Record<
    'onTime' | 'late' | 'overdue' | 'cancelled' | 'afterCutoff' | 'next',
    string
  > = { onTime: '', late: '', overdue: '', cancelled: '', afterCutoff: '', next: '' };

  beforeAll(async () => {
    await freshEnvironment('report_documents');
    Object.assign(process.env, { TIMER_FEED_MS: '100', TIMER_SWEEP_MS: '1000' });
    api = await startApi(clock);
    worker = await startWorker(clock);
    s = new ReportSession(api, clock);
    ({ units } = await demoWardIds(s.client));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const receive = async (code: string, receivedAt: string) => {
    const created = await s.client.post('one_stop_officer', '/dossiers', {
      code,
      procedureCode: '1.000894',
      applicant: { name: 'Trần Văn Bình' },
      receivedAt: `${receivedAt}+07:00`,
    });
    expect({ code, status: created.status, message: created.body.message }).toMatchObject({
      status: 201,
    });
    return created.body as { appointmentDate: string };
  };
  const returnResult = async (code: string) => {
    await s.dossier('officer', code, { type: 'START_PROCESSING' });
    await s.dossier('officer', code, { type: 'RECORD_RESULT' });
    await s.dossier('one_stop_officer', code, { type: 'RETURN_RESULT' });
  };
  const amend = (taskId: string, dueDate: string, reason: string) =>
    s.task('coordinator', taskId, { type: 'AMEND', changes: { dueDate }, reason });

  it('imports seed 002 with targets, and moves VHXH tasks and dossiers through January', async () => {
    const imported = await request(api.getHttpServer())
      .post('/plans/import')
      .set('Authorization', `Bearer ${await s.client.login('coordinator')}`)
      .attach('file', Buffer.from(seedText()), 'kh-2026.txt');
    expect(imported.status).toBe(200);
    [{ id: planId, ward_id: wardId }] = await s.db.query('SELECT id, ward_id FROM plans');
    const tasks = (await s.db.query(
      "SELECT id FROM reform_tasks WHERE plan_id = ? AND lead_unit_id = ? AND is_group = 0 AND due_date >= '2026-03-31' ORDER BY source_row, ordinal LIMIT 6",
      [planId, units.VHXH],
    )) as { id: string }[];
    expect(tasks).toHaveLength(6);
    const keys = Object.keys(picked) as (keyof typeof picked)[];
    keys.forEach((key, index) => (picked[key] = tasks[index].id));

    const targets = [
      {
        code: 'CT-01',
        name: 'Tỷ lệ nhiệm vụ hoàn thành',
        comparator: 'gte',
        value: 90,
        metric: 'tasks_completed',
      },
      {
        code: 'CT-02',
        name: 'Nhiệm vụ hoàn thành đúng hạn',
        comparator: 'gte',
        value: 100,
        metric: 'tasks_on_time',
      },
      {
        code: 'CT-03',
        name: 'Hồ sơ giải quyết đúng hạn',
        comparator: 'gte',
        value: 90,
        metric: 'dossiers_on_time',
      },
      {
        code: 'CT-04',
        name: 'Hồ sơ quá hạn có phiếu xin lỗi',
        comparator: 'eq',
        value: 100,
        metric: 'apology_coverage',
      },
    ];
    for (const target of targets) {
      const created = await s.client.post('coordinator', `/plans/${planId}/targets`, {
        ...target,
        unit: 'percent',
        source: 'computed',
      });
      expect({ code: target.code, status: created.status }).toEqual({
        code: target.code,
        status: 200,
      });
    }
    const satisfaction = await s.client.post('coordinator', `/plans/${planId}/targets`, {
      code: 'CT-05',
      name: 'Mức độ hài lòng của người dân',
      unit: 'percent',
      comparator: 'gte',
      value: 90,
      source: 'entered',
    });
    expect(satisfaction.status).toBe(200);
    const entered = await s.client.post(
      'coordinator',
      `/plans/${planId}/targets/${satisfaction.body.id}/values`,
      { from: FROM, to: CUTOFF, value: 87.5, note: 'Khảo sát quý I' },
    );
    expect(entered.status).toBe(200);
    const qualitative = await s.client.post('coordinator', `/plans/${planId}/targets`, {
      code: 'CT-06',
      name: 'Hồ sơ trễ hạn',
      qualitative: 'Hạn chế tối đa hồ sơ trễ hạn',
      source: 'entered',
    });
    expect(qualitative.status).toBe(200);

    const procedure = await s.client.post('coordinator', '/procedures', {
      code: '1.000894',
      name: 'Đăng ký khai sinh',
      processingDays: 5,
      handlingUnitId: units.VHXH,
    });
    expect(procedure.status).toBe(201);
    for (const code of ['D-SOM', 'D-DUNG', 'D-TRE', 'D-TON'])
      expect((await receive(code, '2026-01-20T07:30:00')).appointmentDate).toBe('2026-01-27');

    await amend(picked.onTime, '2026-02-27', 'Điều chỉnh theo Kế hoạch số 15/KH-UBND');
    await amend(picked.late, '2026-01-23', 'Đẩy nhanh theo chỉ đạo của Chủ tịch');
    await amend(picked.overdue, '2026-02-27', 'Lùi thời hạn do chờ hướng dẫn của tỉnh');
    await amend(picked.next, '2026-04-30', 'Chuyển sang quý II');
    // Timers the amendments brought due fire now (a reminder is a new version of its task), not
    // between the officer's reading of the version and the START sent at it (CI saw a 409).
    await s.fireDue(worker);
    for (const id of [picked.onTime, picked.late, picked.overdue, picked.afterCutoff])
      await s.task('officer', id, { type: 'START' });
    for (const id of [picked.onTime, picked.afterCutoff])
      await s.task('officer', id, { type: 'SUBMIT_REPORT', report: 'Đã thực hiện xong' });
    await s.task('leader', picked.onTime, { type: 'APPROVE' });
    await s.task('chairman', picked.cancelled, { type: 'CANCEL', reason: 'Không còn phù hợp' });

    await s.moveTo('2026-01-22T10:00:00');
    await returnResult('D-SOM');
    // 27/01: D-DUNG returned on its appointment day; the task due 23/01 is overdue, then done.
    await s.moveTo('2026-01-27T10:00:00');
    await returnResult('D-DUNG');
    expect((await s.client.get('officer', `/tasks/${picked.late}`)).body.state).toBe('overdue');
    await s.task('officer', picked.late, { type: 'SUBMIT_REPORT', report: 'Hoàn thành muộn' });
    await s.task('leader', picked.late, { type: 'APPROVE' });
    // 28/01: D-TRE and D-TON missed 27/01; D-TRE's slip is signed, then it is returned late.
    await s.moveTo('2026-01-28T10:00:00');
    for (const code of ['D-TRE', 'D-TON'])
      expect((await s.client.get('officer', `/dossiers/${code}`)).body.apologies).toEqual([
        expect.objectContaining({ status: 'draft' }),
      ]);
    await s.dossier('unit_head', 'D-TRE', {
      type: 'APPROVE_APOLOGY',
      reason: 'Cần xác minh thêm thông tin tại tổ dân phố',
    });
    await returnResult('D-TRE');
  });

  it('opens Q1, takes VHXH’s contribution, and moves on past the cut-off', async () => {
    await s.moveTo('2026-02-25T09:00:00');
    const opened = await s.client.post('coordinator', '/reports', {
      kind: 'quy',
      year: 2026,
      index: 1,
    });
    expect(opened.status).toBe(201);
    reportId = opened.body.id;
    await s.moveTo('2026-03-05T09:00:00');
    expect((await receive('D-TRE-SAU', '2026-03-05T08:30:00')).appointmentDate).toBe('2026-03-12');
    // The same morning: D-BO-SUNG waits for a supplement from then on (its appointment passing
    // meanwhile makes it no later), D-TU-CHOI is rejected, D-CO-KQ goes into processing.
    for (const code of ['D-BO-SUNG', 'D-TU-CHOI', 'D-CO-KQ'])
      expect((await receive(code, '2026-03-05T08:40:00')).appointmentDate).toBe('2026-03-12');
    await s.dossier('officer', 'D-BO-SUNG', { type: 'START_PROCESSING' });
    await s.dossier('officer', 'D-BO-SUNG', {
      type: 'REQUEST_SUPPLEMENT',
      reason: 'Thiếu bản sao giấy chứng sinh',
    });
    await s.dossier('unit_head', 'D-TU-CHOI', {
      type: 'REJECT',
      reason: 'Thủ tục không thuộc thẩm quyền của phường',
    });
    await s.dossier('officer', 'D-CO-KQ', { type: 'START_PROCESSING' });
    const vhxh = (opened.body.contributions as { id: string; unitId: string }[]).find(
      (c) => c.unitId === units.VHXH,
    )!;
    const path = `/reports/${reportId}/contributions/${vhxh.id}/events`;
    let { version } = (await s.report(reportId)).contributions.find(
      (c: { id: string }) => c.id === vhxh.id,
    );
    const submitted = await s.client.post('officer', path, {
      type: 'SUBMIT',
      version,
      results: 'Rà soát 12 thủ tục hành chính lĩnh vực hộ tịch',
      problems: 'Phần mềm một cửa thường xuyên gián đoạn',
      proposals: 'Đề nghị tỉnh nâng cấp đường truyền',
    });
    expect(submitted.status).toBe(200);
    version += 1;
    expect((await s.client.post('coordinator', path, { type: 'ACCEPT', version })).status).toBe(
      200,
    );
    await s.moveTo('2026-03-10T09:00:00');
    expect((await receive('D-CHO', '2026-03-10T08:30:00')).appointmentDate).toBe('2026-03-17');
    // D-CO-KQ's result is ready before its appointment, but no one collects it by then.
    await s.dossier('officer', 'D-CO-KQ', { type: 'RECORD_RESULT' });

    // After the cut-off: D-TRE-SAU (missed 12/03) returned, a task accepted, one more dossier.
    await s.moveTo('2026-03-16T09:00:00');
    await returnResult('D-TRE-SAU');
    await s.task('leader', picked.afterCutoff, { type: 'APPROVE' });
    // Changes after the cut-off leave the period as it was: a new due date, another lead unit.
    await amend(picked.overdue, '2026-05-29', 'Gia hạn theo Thông báo số 12/TB-UBND');
    await s.task('coordinator', picked.next, {
      type: 'REASSIGN',
      leadUnitId: units.VP,
      reason: 'Giao Văn phòng chủ trì',
    });
    await receive('D-SAU-KY', '2026-03-16T08:30:00');
    await s.reportEvent('coordinator', reportId, { type: 'START_COMPILING' });
    await s.compile(reportId);
  });

  // ---------------------------------------------------------------- the figures, from SQL

  /** Every task of the plan (groups left out) as it stood at the cut-off, from its audit. */
  const tasksAtCutoff = async (): Promise<TaskAtCutoff[]> => {
    const rows = (await s.db.query(
      // Due date and lead unit at the cut-off: set by the last AMEND or REASSIGN by then, else
      // the values the task was created with (its first event).
      `SELECT t.id, t.ordinal, t.title, t.area_code, a.title AS area_name, a.position AS area_position,
              u.name AS lead_unit,
              COALESCE(
                (SELECT JSON_UNQUOTE(JSON_EXTRACT(e.payload, '$.changes.dueDate')) FROM audit_events e
                  WHERE e.instance_type = 'reform-task' AND e.instance_id = t.id AND e.occurred_at <= ?
                    AND e.event_type = 'AMEND' AND JSON_EXTRACT(e.payload, '$.changes.dueDate') IS NOT NULL
                  ORDER BY e.seq DESC LIMIT 1),
                (SELECT JSON_UNQUOTE(JSON_EXTRACT(e.payload, '$.dueDate')) FROM audit_events e
                  WHERE e.instance_type = 'reform-task' AND e.instance_id = t.id AND e.seq = 1)
              ) AS due_date,
              (SELECT e.to_state FROM audit_events e
                WHERE e.instance_type = 'reform-task' AND e.instance_id = t.id AND e.occurred_at <= ?
                ORDER BY e.seq DESC LIMIT 1) AS state,
              (SELECT e.reason FROM audit_events e
                WHERE e.instance_type = 'reform-task' AND e.instance_id = t.id AND e.occurred_at <= ?
                  AND e.reason IS NOT NULL AND e.reason <> ''
                ORDER BY e.seq DESC LIMIT 1) AS reason,
              (SELECT e.occurred_at FROM audit_events e
                WHERE e.instance_type = 'reform-task' AND e.instance_id = t.id AND e.occurred_at <= ?
                  AND e.to_state = 'accepted'
                ORDER BY e.seq DESC LIMIT 1) AS accepted_at
         FROM reform_tasks t
         JOIN org_units u ON u.id = COALESCE(
                (SELECT COALESCE(JSON_UNQUOTE(JSON_EXTRACT(e.payload, '$.leadUnitId')),
                                 JSON_UNQUOTE(JSON_EXTRACT(e.payload, '$.changes.leadUnitId')))
                   FROM audit_events e
                  WHERE e.instance_type = 'reform-task' AND e.instance_id = t.id AND e.occurred_at <= ?
                    AND e.event_type IN ('REASSIGN', 'AMEND')
                    AND COALESCE(JSON_EXTRACT(e.payload, '$.leadUnitId'),
                                 JSON_EXTRACT(e.payload, '$.changes.leadUnitId')) IS NOT NULL
                  ORDER BY e.seq DESC LIMIT 1),
                (SELECT JSON_UNQUOTE(JSON_EXTRACT(e.payload, '$.leadUnitId')) FROM audit_events e
                  WHERE e.instance_type = 'reform-task' AND e.instance_id = t.id AND e.seq = 1))
         LEFT JOIN plan_areas a ON a.plan_id = t.plan_id AND a.code = t.area_code
        WHERE t.plan_id = ? AND t.is_group = 0`,
      [CUTOFF_INSTANT, CUTOFF_INSTANT, CUTOFF_INSTANT, CUTOFF_INSTANT, CUTOFF_INSTANT, planId],
    )) as Record<string, string | Date | null>[];
    return rows
      .filter((row) => row.state !== null)
      .map((row) => ({
        id: row.id as string,
        ordinal: row.ordinal as string | null,
        title: row.title as string,
        areaCode: row.area_code as string | null,
        areaName: row.area_name as string | null,
        areaPosition: row.area_position === null ? null : Number(row.area_position),
        leadUnit: row.lead_unit as string,
        dueDate: row.due_date as string | null,
        state: row.state as TaskState,
        reason: row.reason as string | null,
        acceptedOn: row.accepted_at ? vnDay(new Date(row.accepted_at)) : null,
      }));
  };

  const countStates = (tasks: TaskAtCutoff[]) =>
    Object.fromEntries(
      TASK_STATES.map((state) => [state, tasks.filter((task) => task.state === state).length]),
    ) as Record<TaskState, number>;

  /** The QĐ 766 figures of the dossiers received in the period, as they stood at the cut-off. */
  const dossiersAtCutoff = async () => {
    const [row] = (await s.db.query(
      `SELECT COUNT(*) AS received,
              SUM(returned_by AND late = 0 AND returned_on < appointment_date) AS returnedEarly,
              SUM(returned_by AND late = 0 AND returned_on = appointment_date) AS returnedOnTime,
              SUM(returned_by AND late = 1) AS returnedLate,
              SUM(state IN ('received', 'processing', 'supplementRequested', 'resultReady')
                  OR (state = 'returned' AND NOT returned_by)) AS pending,
              SUM(open_overdue) AS openOverdue,
              SUM(late_by OR open_overdue) AS overdue,
              SUM((late_by OR open_overdue) AND slip) AS overdueWithIssuedSlip
         FROM (SELECT d.*,
                      d.state = 'returned' AND d.returned_on <= ? AS returned_by,
                      d.late = 1 AND d.late_on <= ? AS late_by,
                      (d.state IN ('received', 'processing', 'resultReady')
                        AND (d.appointment_date <= ? OR (d.overdue = 1 AND d.late = 1 AND d.late_on <= ?)))
                      -- The clock stopped: late only by a miss before the pause.
                      OR (d.state = 'supplementRequested' AND d.overdue = 1 AND d.late = 1 AND d.late_on <= ?)
                      OR (d.state = 'returned' AND d.returned_on > ? AND d.late = 1 AND d.late_on <= ?)
                        AS open_overdue,
                      EXISTS (SELECT 1 FROM apology_slips a WHERE a.dossier_id = d.id
                               AND a.status = 'issued' AND a.issued_on <= ?) AS slip
                 FROM tthc_dossiers d
                WHERE d.ward_id = ? AND d.received_on BETWEEN ? AND ?) d`,
      [...Array<string>(8).fill(CUTOFF), wardId, FROM, CUTOFF],
    )) as Record<string, string | number | null>[];
    const n = (key: string) => Number(row[key] ?? 0);
    const returned = n('returnedEarly') + n('returnedOnTime') + n('returnedLate');
    return {
      from: FROM,
      to: CUTOFF,
      received: n('received'),
      returnedEarly: n('returnedEarly'),
      returnedOnTime: n('returnedOnTime'),
      returnedLate: n('returnedLate'),
      pending: n('pending'),
      pendingInTime: n('pending') - n('openOverdue'),
      openOverdue: n('openOverdue'),
      onTimeRate: returned === 0 ? null : (n('returnedEarly') + n('returnedOnTime')) / returned,
      overdue: n('overdue'),
      overdueWithIssuedSlip: n('overdueWithIssuedSlip'),
      overdueWithoutSlip: n('overdue') - n('overdueWithIssuedSlip'),
      apologyCoverage: n('overdue') === 0 ? null : n('overdueWithIssuedSlip') / n('overdue'),
    };
  };

  interface Expected {
    tasks: TaskAtCutoff[];
    areas: {
      label: string;
      total: number;
      byState: Record<TaskState, number>;
      done: number;
      percent: string;
    }[];
    totals: { total: number; byState: Record<TaskState, number>; done: number; percent: string };
    onTime: number;
    late: number;
    overdue: TaskAtCutoff[];
    next: TaskAtCutoff[];
    dossiers: Awaited<ReturnType<typeof dossiersAtCutoff>>;
    targets: {
      code: string;
      name: string;
      target: string;
      actual: string | null;
      verdict: string;
    }[];
    contributions: {
      unit: string;
      results: string;
      problems: string;
      proposals: string;
      late: boolean;
    }[];
  }
  let expected: Expected;

  it('counts every figure again from the rows, as of the cut-off', async () => {
    const tasks = await tasksAtCutoff();
    // Areas in the plan's order (plan_areas.position: I, II, …, IX), tasks without one last.
    const positionOf = (code: string) =>
      code === ''
        ? Infinity
        : (tasks.find((task) => task.areaCode === code)?.areaPosition ?? Infinity - 1);
    const areaCodes = [...new Set(tasks.map((task) => task.areaCode ?? ''))].sort(
      (a, b) => positionOf(a) - positionOf(b) || a.localeCompare(b, 'vi'),
    );
    const doneOf = (list: TaskAtCutoff[]) =>
      list.filter((task) => task.state === 'accepted').length;
    const percentOf = (list: TaskAtCutoff[]) =>
      percentText(doneOf(list), list.filter((task) => task.state !== 'cancelled').length);
    const areas = areaCodes.map((code) => {
      const mine = tasks.filter((task) => (task.areaCode ?? '') === code);
      return {
        label: `${code} ${mine[0].areaName ?? 'Chưa phân lĩnh vực'}`.trim(),
        total: mine.length,
        byState: countStates(mine),
        done: doneOf(mine),
        percent: percentOf(mine),
      };
    });
    const isOpen = (task: TaskAtCutoff) => OPEN.includes(task.state);
    const accepted = tasks.filter((task) => task.state === 'accepted');
    const onTime = accepted.filter(
      (task) => task.dueDate === null || task.acceptedOn! <= task.dueDate,
    );

    const dossiers = await dossiersAtCutoff();
    // tasks_on_time: accepted by their due date, over those accepted or due by the cut-off's day.
    const dueOrDone = tasks.filter(
      (task) =>
        task.state !== 'cancelled' &&
        (task.state === 'accepted' || (task.dueDate !== null && task.dueDate <= CUTOFF)),
    );
    const verdict = (part: number, whole: number, comparator: 'gte' | 'eq', value: number) => {
      if (whole === 0) return 'Chưa có số liệu';
      const measured = Math.round((part / whole) * 10_000) / 100;
      return (comparator === 'gte' ? measured >= value : measured === value) ? 'Đạt' : 'Không đạt';
    };
    const ratioTarget = (
      code: string,
      name: string,
      comparator: 'gte' | 'eq',
      value: number,
      part: number,
      whole: number,
    ) => ({
      code,
      name,
      target: `${comparator === 'gte' ? '≥' : '='} ${value}%`,
      actual: whole === 0 ? null : percentText(part, whole),
      verdict: verdict(part, whole, comparator, value),
    });
    const notCancelled = tasks.filter((task) => task.state !== 'cancelled');
    const returned = dossiers.returnedEarly + dossiers.returnedOnTime + dossiers.returnedLate;
    // The quarter's own value, whenever it was entered before the compile (a period's figure is
    // entered once the period is over: the cut-off does not bound when).
    const [entered] = (await s.db.query(
      `SELECT v.value FROM target_values v JOIN plan_targets t ON t.id = v.target_id
        WHERE t.plan_id = ? AND t.code = 'CT-05' AND v.period_from = ? AND v.period_to = ?`,
      [planId, FROM, CUTOFF],
    )) as { value: string }[];
    const contributions = (await s.db.query(
      `SELECT u.name AS unit, c.late,
              JSON_UNQUOTE(JSON_EXTRACT(c.snapshot, '$.context.results')) AS results,
              JSON_UNQUOTE(JSON_EXTRACT(c.snapshot, '$.context.problems')) AS problems,
              JSON_UNQUOTE(JSON_EXTRACT(c.snapshot, '$.context.proposals')) AS proposals
         FROM report_contributions c JOIN org_units u ON u.id = c.unit_id
        WHERE c.report_id = ? AND c.state IN ('submitted', 'accepted')`,
      [reportId],
    )) as { unit: string; late: number; results: string; problems: string; proposals: string }[];

    expected = {
      tasks,
      areas,
      totals: {
        total: tasks.length,
        byState: countStates(tasks),
        done: accepted.length,
        percent: percentOf(tasks),
      },
      onTime: onTime.length,
      late: accepted.length - onTime.length,
      overdue: tasks.filter(
        (task) =>
          task.state === 'overdue' ||
          (isOpen(task) && task.dueDate !== null && task.dueDate < CUTOFF),
      ),
      next: tasks.filter(
        (task) =>
          isOpen(task) &&
          task.dueDate !== null &&
          task.dueDate > CUTOFF &&
          task.dueDate <= NEXT_CUTOFF,
      ),
      dossiers,
      targets: [
        ratioTarget(
          'CT-01',
          'Tỷ lệ nhiệm vụ hoàn thành',
          'gte',
          90,
          accepted.length,
          notCancelled.length,
        ),
        ratioTarget(
          'CT-02',
          'Nhiệm vụ hoàn thành đúng hạn',
          'gte',
          100,
          onTime.length,
          dueOrDone.length,
        ),
        ratioTarget(
          'CT-03',
          'Hồ sơ giải quyết đúng hạn',
          'gte',
          90,
          dossiers.returnedEarly + dossiers.returnedOnTime,
          returned,
        ),
        ratioTarget(
          'CT-04',
          'Hồ sơ quá hạn có phiếu xin lỗi',
          'eq',
          100,
          dossiers.overdueWithIssuedSlip,
          dossiers.overdue,
        ),
        {
          code: 'CT-05',
          name: 'Mức độ hài lòng của người dân',
          target: '≥ 90%',
          actual: `${String(Number(entered.value)).replace('.', ',')}%`,
          verdict: Number(entered.value) >= 90 ? 'Đạt' : 'Không đạt',
        },
        {
          code: 'CT-06',
          name: 'Hồ sơ trễ hạn',
          target: 'Hạn chế tối đa hồ sơ trễ hạn',
          actual: null,
          verdict: 'Chỉ tiêu định tính',
        },
      ],
      contributions: contributions.map((row) => ({ ...row, late: row.late === 1 })),
    };

    // The scenario happened as planned, so the comparisons below are not vacuous.
    const state = (id: string) => tasks.find((task) => task.id === id)!;
    expect(state(picked.onTime)).toMatchObject({ state: 'accepted', acceptedOn: '2026-01-20' });
    expect(state(picked.late)).toMatchObject({ state: 'accepted', acceptedOn: '2026-01-27' });
    expect(state(picked.overdue)).toMatchObject({
      state: 'overdue',
      reason: 'Lùi thời hạn do chờ hướng dẫn của tỉnh',
    });
    expect(state(picked.cancelled).state).toBe('cancelled');
    expect(state(picked.afterCutoff).state).toBe('reported');
    expect(expected.next.find((task) => task.id === picked.next)).toMatchObject({
      dueDate: '2026-04-30',
      leadUnit: 'Phòng Văn hóa - Xã hội',
    });
    expect(state(picked.overdue).dueDate).toBe('2026-02-27');
    expect(expected.late).toBeGreaterThanOrEqual(1);
    const states = (await s.db.query(
      "SELECT code, state, overdue FROM tthc_dossiers WHERE code IN ('D-BO-SUNG', 'D-CO-KQ', 'D-TU-CHOI') ORDER BY code",
    )) as { code: string; state: string; overdue: number }[];
    expect(states).toEqual([
      { code: 'D-BO-SUNG', state: 'supplementRequested', overdue: 0 },
      { code: 'D-CO-KQ', state: 'resultReady', overdue: 0 },
      { code: 'D-TU-CHOI', state: 'rejected', overdue: 0 },
    ]);
    expect(dossiers).toMatchObject({
      received: 9,
      returnedEarly: 1,
      returnedOnTime: 1,
      returnedLate: 1,
      // D-TON, D-TRE-SAU (returned after the cut-off) and D-CO-KQ (not collected by 12/03)
      // overdue; D-CHO and D-BO-SUNG (waiting for its supplement) in time; D-TU-CHOI neither.
      pending: 5,
      pendingInTime: 2,
      openOverdue: 3,
      overdue: 4,
      overdueWithIssuedSlip: 1,
    });
    expect(expected.contributions).toHaveLength(1);
  });

  // ---------------------------------------------------------------- the three documents

  it('has every figure in the JSON for upstream software', async () => {
    const json = await s.document(reportId, 'format=json');
    expect(json.status).toBe(200);
    const { content } = JSON.parse(json.body.toString('utf8'));
    const { tasks } = content;
    /** The JSON's percentage (33.3) as the documents write it ("33,3%"). */
    const written = (percent: number | null) =>
      percent === null ? 'không có' : `${String(percent).replace('.', ',')}%`;
    expect({
      total: tasks.total,
      byState: tasks.byState,
      done: tasks.done,
      percent: written(tasks.donePercent),
      doneOnTime: tasks.doneOnTime,
      doneLate: tasks.doneLate,
    }).toEqual({ ...expected.totals, doneOnTime: expected.onTime, doneLate: expected.late });
    type Area = {
      code: string;
      name: string;
      total: number;
      byState: object;
      done: number;
      donePercent: number | null;
    };
    expect(
      (tasks.areas as Area[]).map((area) => ({
        label: `${area.code} ${area.name}`.trim(),
        total: area.total,
        byState: area.byState,
        done: area.done,
        percent: written(area.donePercent),
      })),
    ).toEqual(expected.areas);
    expect([...tasks.overdue].sort(byText)).toEqual(expected.overdue.map(taskLine).sort(byText));
    expect([...content.nextTasks].sort(byText)).toEqual(expected.next.map(taskLine).sort(byText));
    const { onTimeRate, apologyCoverage, ...counts } = content.dossiers;
    const { onTimeRate: rate, apologyCoverage: coverage, ...expectedCounts } = expected.dossiers;
    expect(counts).toEqual(expectedCounts);
    expect(onTimeRate).toBeCloseTo(rate!, 10);
    expect(apologyCoverage).toBeCloseTo(coverage!, 10);
    expect(content.targets.note).toBeNull();
    expect(
      (content.targets.rows as Record<string, unknown>[]).map(({ met: _met, ...row }) => row),
    ).toEqual(expected.targets);
    expect(content.inspections).toEqual({ rows: [], note: 'Chưa có dữ liệu kiểm tra' });
    expect(
      (content.contributions as Record<string, unknown>[]).map(({ state: _state, ...row }) => row),
    ).toEqual(expected.contributions);
  });

  it('has every figure in the DOCX text, each in its row', async () => {
    const docx = await s.document(reportId, 'format=docx');
    expect(docx.status).toBe(200);
    const text = `${await docxText(docx.body)} `;
    const { totals, dossiers } = expected;
    const cells = (...values: (string | number)[]) => flatten(`${values.join(' ')} `);
    const lines = [
      `Số liệu tính từ ngày ${dmy(FROM)} đến ngày ${dmy(CUTOFF)}.`,
      `Tổng số nhiệm vụ: ${totals.total}; đã hoàn thành ${totals.done} (${totals.percent}), ` +
        `trong đó đúng hạn ${expected.onTime}, quá hạn ${expected.late}; ` +
        `còn quá hạn ${expected.overdue.length}.`,
      `Hồ sơ TTHC tiếp nhận: ${dossiers.received}; trả trước hạn ${dossiers.returnedEarly}, ` +
        `đúng hạn ${dossiers.returnedOnTime}, quá hạn ${dossiers.returnedLate}; ` +
        `đang giải quyết ${dossiers.pending} (trong hạn ${dossiers.pendingInTime}, ` +
        `quá hạn ${dossiers.openOverdue}); ` +
        `tỷ lệ đúng hạn ${percentText(dossiers.returnedEarly + dossiers.returnedOnTime, dossiers.returnedEarly + dossiers.returnedOnTime + dossiers.returnedLate)}; ` +
        `hồ sơ quá hạn có phiếu xin lỗi ${dossiers.overdueWithIssuedSlip}/${dossiers.overdue}.`,
      ...[...expected.areas, { ...totals, label: 'Tổng cộng' }].map((area) =>
        cells(
          area.label,
          area.total,
          ...TASK_STATES.map((state) => area.byState[state]),
          area.percent,
        ),
      ),
      ...expected.overdue.map((task) => cells(...taskCells(task))),
      ...expected.next.map((task) => cells(...taskCells(task))),
      ...dossierRows().map(([label, value]) => cells(label, value)),
      ...expected.targets.map((t) =>
        cells(t.code, t.name, t.target, t.actual ?? 'Chưa có số liệu', t.verdict),
      ),
      'Chưa có dữ liệu kiểm tra',
      ...expected.contributions.map((c) =>
        cells(c.unit, c.results, c.problems, c.proposals, c.late ? 'Có' : 'Không'),
      ),
    ];
    for (const line of lines)
      expect({ line, found: text.includes(flatten(line)) }).toEqual({ line, found: true });
  });

  /** Section (2)'s rows, label and value, from the figures counted here. */
  const dossierRows = (): [string, string | number][] => {
    const d = expected.dossiers;
    const returned = d.returnedEarly + d.returnedOnTime + d.returnedLate;
    return [
      ['Tiếp nhận', d.received],
      ['Trả trước hạn', d.returnedEarly],
      ['Trả đúng hạn', d.returnedOnTime],
      ['Trả quá hạn', d.returnedLate],
      ['Đang giải quyết', d.pending],
      ['Đang giải quyết trong hạn', d.pendingInTime],
      ['Đang giải quyết quá hạn', d.openOverdue],
      ['Tỷ lệ đúng hạn', percentText(d.returnedEarly + d.returnedOnTime, returned)],
      ['Hồ sơ quá hạn', d.overdue],
      ['Hồ sơ quá hạn có phiếu xin lỗi', d.overdueWithIssuedSlip],
      ['Hồ sơ quá hạn chưa có phiếu xin lỗi', d.overdueWithoutSlip],
      ['Tỷ lệ xin lỗi hồ sơ quá hạn', percentText(d.overdueWithIssuedSlip, d.overdue)],
    ];
  };

  /** A sheet's rows below its header row (the title, a note, then the headers come first). */
  const bodyRows = (sheet: Worksheet, header: string): string[][] => {
    const rows: string[][] = [];
    let seenHeader = false;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((value) => String(value ?? ''));
      if (seenHeader) rows.push(values);
      else if (values[0] === header) seenHeader = true;
    });
    return rows;
  };
  /** A cell as the appendix writes it: text that would start a formula is quoted. */
  const cell = (value: string | number) =>
    typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);

  it('has every figure in its cell of the XLSX appendix, one sheet per section', async () => {
    const xlsx = await s.document(reportId, 'format=xlsx');
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = (name: string) => {
      const found = workbook.getWorksheet(name);
      expect({ name, found: found !== undefined }).toEqual({ name, found: true });
      return found!;
    };
    const { totals } = expected;
    expect(bodyRows(sheet('1.1. Nhiệm vụ theo lĩnh vực'), 'Lĩnh vực')).toEqual(
      [...expected.areas, { ...totals, label: 'Tổng cộng' }].map((area) =>
        [
          area.label,
          area.total,
          ...TASK_STATES.map((state) => area.byState[state]),
          area.percent,
        ].map(cell),
      ),
    );
    const taskRows = (rows: string[][]) => rows.map((row) => row.slice(1)).sort(byText);
    const expectedTaskRows = (tasks: TaskAtCutoff[]) =>
      tasks.map((task) => taskCells(task).map(cell)).sort(byText);
    expect(taskRows(bodyRows(sheet('1.2. Nhiệm vụ quá hạn'), 'STT'))).toEqual(
      expectedTaskRows(expected.overdue),
    );
    expect(taskRows(bodyRows(sheet('6. Nhiệm vụ kỳ tới'), 'STT'))).toEqual(
      expectedTaskRows(expected.next),
    );
    expect(bodyRows(sheet('2. Hồ sơ TTHC'), 'Chỉ số')).toEqual(
      dossierRows().map((row) => row.map(cell)),
    );
    expect(bodyRows(sheet('3. Chỉ tiêu'), 'Mã')).toEqual(
      expected.targets.map((t) =>
        [t.code, t.name, t.target, t.actual ?? 'Chưa có số liệu', t.verdict].map(cell),
      ),
    );
    const inspections: string[] = [];
    sheet('4. Kiểm tra CCHC').eachRow((row) => inspections.push(String(row.getCell(1).value)));
    expect(inspections).toContain('Chưa có dữ liệu kiểm tra');
    expect(bodyRows(sheet('5. Khó khăn và kiến nghị'), 'Đơn vị')).toEqual(
      expected.contributions.map((c) =>
        [c.unit, c.results, c.problems, c.proposals, c.late ? 'Có' : 'Không'].map(cell),
      ),
    );
  });

  it('would fail on a figure off by one: the checks above are not blind', async () => {
    const text = await docxText((await s.document(reportId, 'format=docx')).body);
    const d = expected.dossiers;
    expect(text).not.toContain(`Hồ sơ TTHC tiếp nhận: ${d.received + 1};`);
    expect(text).not.toContain(`Tổng số nhiệm vụ: ${expected.totals.total - 1};`);
    expect(`${text} `).not.toContain(`Trả quá hạn ${d.returnedLate + 1} `);
    expect(`${text} `).not.toContain(`Đang giải quyết ${d.pending + 1} `);
  });
});
