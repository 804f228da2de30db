import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { ManualClock } from '@cchc/common';
import { demoWardIds } from './support/demo-ward-ids';
import { docxText } from './support/document-text';
import { freshEnvironment } from './support/e2e-env';
import { redoMigration } from './support/redo-migration';
import { ReportSession, vnTime } from './support/report-session';
import { describeWithSeed } from './support/seeds';
import { startApi, startWorker } from './support/test-app';
/** "01/12/2026 07:29" for an instant: Vietnam time, as the documents print it. */
const vnDateTime = (iso: string) => {
  const local = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
};
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Contribution {
  id: string;
  unitId: string;
  state: string;
  late: boolean;
  overdue: boolean;
  reminded: number[];
  escalated: number[];
  version: number;
}

describeWithSeed('002', 'periodic reports: Q1 of seed 002 as of its cut-off', (seedText) => {
  const clock = new ManualClock(vnTime('2026-01-20T08:00:00'));
  let api: INestApplication;
  let worker: INestApplicationContext;
  let s: ReportSession;
  let units: Record<string, string>;
  let reportId: string;
  let signedReportId: string;
  let doneBeforeCutoff: string;
  let acceptedAfterCutoff: string;
  let planId: string;

  beforeAll(async () => {
    await freshEnvironment('reports');
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

  const contributionOf = async (unitId: string) =>
    ((await s.report(reportId)).contributions as Contribution[]).find((c) => c.unitId === unitId)!;

  it('sets the ward’s calendar (contributions by the 9th) and shows the Q1 period', async () => {
    const preset = (await s.client.get('officer', '/reports/calendar')).body;
    expect(preset).toMatchObject({
      preset: true,
      periods: { quy: { cutoffDay: 14, upstreamDueDay: 20 } },
    });
    const periods = Object.fromEntries(
      Object.entries(preset.periods).map(([kind, rule]) => [
        kind,
        { ...(rule as object), contributionDueDay: 9 },
      ]),
    );
    const body = { periods, countFrom: '2025-07-01', dueDayShift: 'before' };
    expect((await s.client.put('officer', '/reports/calendar', body)).status).toBe(403);
    const wrong = await s.client.put('coordinator', '/reports/calendar', {
      ...body,
      periods: { ...periods, quy: { cutoffDay: 31, contributionDueDay: 9, upstreamDueDay: 20 } },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('cutoffDay');
    const saved = await s.client.put('coordinator', '/reports/calendar', body);
    expect(saved.status).toBe(200);
    expect(saved.body.preset).toBe(false);
    const q1 = await s.client.get('officer', '/reports/periods?kind=quy&year=2026&index=1');
    expect(q1.body).toEqual({
      kind: 'quy',
      year: 2026,
      index: 1,
      label: 'Quý I/2026',
      from: '2025-12-15',
      cutoffDate: '2026-03-14',
      contributionDueDate: '2026-03-09',
      upstreamDueDate: '2026-03-20',
    });
    const before = await s.client.get('officer', '/reports/periods?kind=quy&year=2025&index=2');
    expect(before.status).toBe(400);
  });

  it('imports seed 002 and moves two VHXH tasks: one accepted before the cut-off, one after', async () => {
    const imported = await s.importPlan(seedText());
    expect(imported.status).toBe(200);
    const tasks = (await s.db.query(
      "SELECT id FROM reform_tasks WHERE lead_unit_id = ? AND is_group = 0 AND due_date >= '2026-03-31' ORDER BY source_row, ordinal LIMIT 2",
      [units.VHXH],
    )) as { id: string }[];
    [doneBeforeCutoff, acceptedAfterCutoff] = tasks.map((task) => task.id);
    const plans = (await s.db.query('SELECT id FROM plans')) as { id: string }[];
    expect(plans).toHaveLength(1);
    planId = plans[0].id;
    const target = await s.client.post('coordinator', `/plans/${planId}/targets`, {
      code: 'CT-01',
      name: 'Tỷ lệ nhiệm vụ hoàn thành',
      unit: 'percent',
      comparator: 'gte',
      value: 90,
      source: 'computed',
      metric: 'tasks_completed',
    });
    expect(target.status).toBe(200);
    // Two dossiers in the period, one after its cut-off.
    await s.addProcedure(units.VHXH);
    await s.moveTo('2026-01-21T10:00:00');
    await s.receive('Q1-0001', '2026-01-21T09:00:00');
    await s.moveTo('2026-02-24T09:00:00');
    await s.receive('Q1-0002', '2026-02-24T08:30:00');
    for (const id of [doneBeforeCutoff, acceptedAfterCutoff]) {
      await s.task('officer', id, { type: 'START' });
      await s.task('officer', id, { type: 'SUBMIT_REPORT', report: 'Đã thực hiện xong' });
    }
    await s.task('leader', doneBeforeCutoff, { type: 'APPROVE' });
  });

  it('opens Q1: one contribution requested from every unit that leads a task, once', async () => {
    await s.moveTo('2026-02-25T09:00:00');
    expect(
      (await s.client.post('officer', '/reports', { kind: 'quy', year: 2026, index: 1 })).status,
    ).toBe(403);
    const opened = await s.open('quy', 2026, 1);
    reportId = opened.id;
    signedReportId = opened.id;
    expect(opened).toMatchObject({
      state: 'open',
      periodLabel: 'Quý I/2026',
      cutoffDate: '2026-03-14',
    });
    const leadUnits = (await s.db.query(
      "SELECT DISTINCT lead_unit_id FROM reform_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.ward_id = (SELECT ward_id FROM periodic_reports WHERE id = ?) AND t.is_group = 0 AND t.state <> 'cancelled'",
      [reportId],
    )) as { lead_unit_id: string }[];
    expect((opened.contributions as Contribution[]).map((c) => c.unitId).sort()).toEqual(
      leadUnits.map((row) => row.lead_unit_id).sort(),
    );
    expect(opened.contributions.every((c: Contribution) => c.state === 'requested')).toBe(true);
    const again = await s.client.post('coordinator', '/reports', {
      kind: 'quy',
      year: 2026,
      index: 1,
    });
    expect(again.status).toBe(409);
    await s.quiet();
    const notices = (await s.client.get('officer', '/notifications?pageSize=200')).body.items as {
      topic: string;
      subjectId: string;
      title: string;
      body: string;
    }[];
    const vhxh = await contributionOf(units.VHXH);
    const requested = notices.filter(
      (n) => n.topic === 'contribution.requested' && n.subjectId === vhxh.id,
    );
    expect(requested).toHaveLength(1);
    // The period, and the unit asked.
    expect(requested[0].title).toMatch(/^Đề nghị gửi báo cáo định kỳ: Báo cáo CCHC \S.*$/);
    expect(requested[0].body).toMatch(
      /^Đề nghị gửi báo cáo định kỳ\.\nBáo cáo CCHC \S.*\nĐơn vị: \S.*$/,
    );
  });

  it('reminds every unit 3 working days before the due day, once', async () => {
    await s.moveTo('2026-03-04T08:00:01');
    const { contributions } = await s.report(reportId);
    expect(contributions.every((c: Contribution) => c.reminded.includes(1))).toBe(true);
    const vhxh = await contributionOf(units.VHXH);
    const notices = (await s.client.get('unit_head', '/notifications?pageSize=200')).body.items as {
      topic: string;
      subjectId: string;
    }[];
    expect(
      notices.filter((n) => n.topic === 'contribution.reminder' && n.subjectId === vhxh.id),
    ).toHaveLength(1);
  });

  it('takes the unit’s text, returned with a reason, then accepted', async () => {
    await s.moveTo('2026-03-05T10:00:00');
    const vhxh = await contributionOf(units.VHXH);
    const path = `/reports/${reportId}/contributions/${vhxh.id}/events`;
    const text = {
      results: 'Hoàn thành rà soát thủ tục hành chính lĩnh vực văn hóa',
      problems: 'Thiếu cán bộ chuyên trách CCHC',
      proposals: 'Đề nghị bổ sung 01 biên chế',
    };
    expect(
      (await s.client.post('inspector', path, { type: 'SUBMIT', version: vhxh.version, ...text }))
        .status,
    ).toBe(403);
    const empty = await s.client.post('officer', path, {
      type: 'SUBMIT',
      version: vhxh.version,
      results: ' ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('results');
    expect(
      (await s.client.post('officer', path, { type: 'SUBMIT', version: vhxh.version, ...text }))
        .status,
    ).toBe(200);
    const returned = await s.client.post('coordinator', path, {
      type: 'RETURN',
      version: vhxh.version + 1,
      reason: 'Bổ sung số liệu',
    });
    expect(returned.status).toBe(200);
    expect((await contributionOf(units.VHXH)).state).toBe('returned');
    expect(
      (await s.client.post('officer', path, { type: 'SUBMIT', version: vhxh.version + 2, ...text }))
        .status,
    ).toBe(200);
    expect(
      (await s.client.post('coordinator', path, { type: 'ACCEPT', version: vhxh.version + 3 }))
        .status,
    ).toBe(200);
    expect(await contributionOf(units.VHXH)).toMatchObject({
      state: 'accepted',
      late: false,
      ...text,
    });
  });

  it('marks the silent units late and escalates to the chairman 3 working days after, exactly once', async () => {
    await s.moveTo('2026-03-13T00:00:01');
    await s.fireDue(worker);
    const { contributions } = await s.report(reportId);
    const silent = (contributions as Contribution[]).filter((c) => c.unitId !== units.VHXH);
    expect(silent.length).toBeGreaterThan(0);
    for (const contribution of silent)
      expect(contribution).toMatchObject({
        state: 'requested',
        overdue: true,
        late: true,
        escalated: [1],
      });
    expect(await contributionOf(units.VHXH)).toMatchObject({ escalated: [], late: false });
    const history = (await s.db.query(
      "SELECT event_type FROM audit_events WHERE instance_type = 'report-contribution' AND instance_id = ? ORDER BY seq",
      [silent[0].id],
    )) as { event_type: string }[];
    const events = history.map((row) => row.event_type);
    expect(events.filter((type) => type === 'DEADLINE_PASSED')).toHaveLength(1);
    expect(events.filter((type) => type === 'ESCALATE')).toHaveLength(1);
    const notices = (await s.client.get('chairman', '/notifications?pageSize=200')).body.items as {
      topic: string;
    }[];
    expect(notices.filter((n) => n.topic === 'contribution.escalated')).toHaveLength(silent.length);
  });

  let content: {
    tasks: { total: number; done: number; byState: Record<string, number>; overdue: unknown[] };
    dossiers: Record<string, number | null>;
    contributions: { unit: string; problems: string }[];
    targets: {
      note: string | null;
      rows: { code: string; target: string; actual: string; verdict: string }[];
    };
    inspections: { note: string };
  };

  it('compiles as of the cut-off: a task accepted the day after counts as not done', async () => {
    await s.moveTo('2026-03-16T09:00:00');
    await s.task('leader', acceptedAfterCutoff, { type: 'APPROVE' });
    await s.receive('Q1-0003', '2026-03-16T08:30:00');
    await s.reportEvent('officer', reportId, { type: 'START_COMPILING' }, 403);
    await s.reportEvent('coordinator', reportId, { type: 'START_COMPILING' });
    const compiled = await s.compile(reportId);
    expect(compiled).toMatchObject({ state: 'compiling', revision: 1 });
    const [stored] = (await s.db.query(
      'SELECT content, content_hash FROM report_revisions WHERE report_id = ? AND revision = 1',
      [reportId],
    )) as { content: string; content_hash: string }[];
    expect(stored.content_hash).toBe(sha256(stored.content));
    expect(compiled.contentHash).toBe(stored.content_hash);
    const json = await s.document(reportId, 'format=json');
    expect(json.status).toBe(200);
    const body = JSON.parse(json.body.toString('utf8'));
    expect(body.contentHash).toBe(stored.content_hash);
    content = body.content;

    // Every task's state at the cut-off, straight from the audit history.
    const cutoff = vnTime('2026-03-14T23:59:59.999');
    const states = (await s.db.query(
      `SELECT a.instance_id, a.to_state FROM audit_events a
       JOIN reform_tasks t ON t.id = a.instance_id AND t.is_group = 0
       JOIN (SELECT instance_id, MAX(seq) AS seq FROM audit_events
             WHERE instance_type = 'reform-task' AND occurred_at <= ? GROUP BY instance_id) last
         ON last.instance_id = a.instance_id AND last.seq = a.seq`,
      [cutoff],
    )) as { instance_id: string; to_state: string }[];
    const byState: Record<string, number> = {};
    for (const row of states) byState[row.to_state] = (byState[row.to_state] ?? 0) + 1;
    expect(content.tasks.total).toBe(states.length);
    for (const [state, count] of Object.entries(content.tasks.byState))
      expect({ state, count }).toEqual({ state, count: byState[state] ?? 0 });
    expect(states.find((row) => row.instance_id === doneBeforeCutoff)?.to_state).toBe('accepted');
    expect(states.find((row) => row.instance_id === acceptedAfterCutoff)?.to_state).toBe(
      'reported',
    );
    const [{ acceptedNow }] = await s.db.query(
      "SELECT COUNT(*) AS acceptedNow FROM reform_tasks WHERE is_group = 0 AND state = 'accepted'",
    );
    expect(content.tasks.done).toBe(Number(acceptedNow) - 1);
    expect(content.tasks.overdue).toHaveLength((byState.overdue ?? 0) + 0);

    // Dossiers: the QĐ 766 figures over the period, the one received after it left out.
    const stats = (await s.client.get('officer', '/stats/dossiers?from=2025-12-15&to=2026-03-14'))
      .body.overall;
    expect(content.dossiers).toMatchObject({
      received: 2,
      returnedEarly: stats.returnedEarly,
      returnedOnTime: stats.returnedOnTime,
      returnedLate: stats.returnedLate,
      pending: stats.pending,
      pendingInTime: stats.pendingInTime,
      openOverdue: stats.openOverdue,
      overdue: stats.overdue,
    });
    expect(content.contributions).toEqual([
      expect.objectContaining({ problems: 'Thiếu cán bộ chuyên trách CCHC' }),
    ]);
    // Targets: the plan's, with E1's actuals over the same window and cut-off.
    const actuals = (
      await s.client.get(
        'officer',
        `/plans/${planId}/targets/actuals?from=2025-12-15&to=2026-03-14&cutoff=${cutoff.toISOString()}`,
      )
    ).body as { targets: { actual: number; verdictLabel: string }[] };
    expect(content.targets.note).toBeNull();
    expect(content.targets.rows).toEqual([
      expect.objectContaining({
        code: 'CT-01',
        target: '≥ 90%',
        verdict: actuals.targets[0].verdictLabel,
      }),
    ]);
    expect(Number(content.targets.rows[0].actual.replace('%', '').replace(',', '.'))).toBe(
      Math.round(actuals.targets[0].actual * 1000) / 10,
    );
    expect(content.inspections.note).toBe('Chưa có dữ liệu kiểm tra');
  });

  it('counts a dossier returned after the cut-off as open at it; today’s figures count it returned', async () => {
    const period = '/stats/dossiers?from=2025-12-15&to=2026-03-14';
    const before = (await s.client.get('officer', period)).body.overall;
    expect(content.dossiers).toMatchObject({ returnedLate: 0, openOverdue: 2 });
    for (const [username, type] of [
      ['officer', 'START_PROCESSING'],
      ['officer', 'RECORD_RESULT'],
      ['one_stop_officer', 'RETURN_RESULT'],
    ]) {
      await s.dossier(username, 'Q1-0002', { type });
    }
    await s.quiet();
    const now = (await s.client.get('officer', period)).body.overall;
    expect(now).toMatchObject({
      received: before.received,
      returnedLate: before.returnedLate + 1,
      openOverdue: before.openOverdue - 1,
    });
    // Compiled again below: the same figures as revision 1, the return after the cut-off left out.
  });

  it('is returned by the leader, compiled again as a new revision (the old one kept), approved, signed and sent', async () => {
    await s.reportEvent('coordinator', reportId, { type: 'SUBMIT_FOR_APPROVAL' });
    await s.reportEvent('officer', reportId, { type: 'RETURN', reason: 'Chưa đúng' }, 403);
    await s.reportEvent('leader', reportId, { type: 'RETURN' }, 400);
    await s.reportEvent('leader', reportId, {
      type: 'RETURN',
      reason: 'Bổ sung nguyên nhân quá hạn',
    });
    const second = await s.compile(reportId);
    expect(second.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    // Nothing before the cut-off changed: the same figures; each revision signs the audit
    // history as it stood when compiled, with a checkpoint of its own.
    const revisionContent = async (revision: number) =>
      JSON.parse(
        (await s.document(reportId, `format=json&revision=${revision}`)).body.toString('utf8'),
      ).content;
    const [first, again] = [await revisionContent(1), await revisionContent(2)];
    expect(again.auditCheckpoint.id).not.toBe(first.auditCheckpoint.id);
    const [checkpoint] = await s.db.query('SELECT root FROM audit_checkpoints WHERE id = ?', [
      again.auditCheckpoint.id,
    ]);
    expect(again.auditCheckpoint.root).toBe(checkpoint.root);
    expect({ ...again, auditCheckpoint: null }).toEqual({ ...first, auditCheckpoint: null });
    expect(again.dossiers).toMatchObject({ received: 2, returnedLate: 0, openOverdue: 2 });
    await s.reportEvent('coordinator', reportId, { type: 'SUBMIT_FOR_APPROVAL' });
    await s.reportEvent('leader', reportId, { type: 'APPROVE' });
    await s.moveTo('2026-03-18T09:00:00');
    await s.reportEvent('leader', reportId, { type: 'SIGN' }, 403);
    const signed = await s.reportEvent('chairman', reportId, { type: 'SIGN' });
    expect(signed).toMatchObject({ state: 'signed', number: '01/BC-UBND' });
    // Numbered in the sequence of the year it is signed in (NĐ 30/2020), not its period's.
    expect(
      await s.db.query("SELECT year, last_number FROM document_sequences WHERE kind = 'BC-UBND'"),
    ).toEqual([{ year: 2026, last_number: 1 }]);
    const sent = await s.reportEvent('coordinator', reportId, { type: 'SEND' });
    expect(sent).toMatchObject({ state: 'sent', late: false, sentOn: '2026-03-18' });
    expect((sent.history as { event: string }[]).map((entry) => entry.event)).toEqual([
      'OPENED',
      'START_COMPILING',
      'COMPILE',
      'SUBMIT_FOR_APPROVAL',
      'RETURN',
      'COMPILE',
      'SUBMIT_FOR_APPROVAL',
      'APPROVE',
      'SIGN',
      'SEND',
    ]);
  });

  it('downloads the DOCX in the national format and the XLSX appendix with the same figures', async () => {
    const docx = await s.document(reportId, 'format=docx');
    expect(docx.status).toBe(200);
    const latest = JSON.parse(
      (await s.document(reportId, 'format=json')).body.toString('utf8'),
    ).content;
    expect(docx.headers['content-disposition']).toContain('.docx');
    const text = await docxText(docx.body);
    const [chairman] = await s.db.query(
      "SELECT full_name FROM users WHERE role = 'chairman' LIMIT 1",
    );
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 01/BC-UBND',
      'ngày 18 tháng 3 năm 2026',
      'Kết quả thực hiện công tác cải cách hành chính quý I/2026',
      'từ ngày 15/12/2025 đến ngày 14/03/2026',
      `Tổng số nhiệm vụ: ${content.tasks.total}; đã hoàn thành ${content.tasks.done}`,
      `Hồ sơ TTHC tiếp nhận: ${content.dossiers.received};`,
      'Thiếu cán bộ chuyên trách CCHC',
      'CT-01',
      'Tỷ lệ nhiệm vụ hoàn thành',
      'Chưa có dữ liệu kiểm tra',
      'Nơi nhận:',
      `TM. ỦY BAN NHÂN DÂN CHỦ TỊCH ${chairman.full_name}`,
      // The checkpoint's time as a Vietnamese reader reads it, not in UTC.
      `lúc ${vnDateTime(latest.auditCheckpoint.createdAt)}: gốc Merkle`,
      `gốc Merkle ${latest.auditCheckpoint.root}`,
    ])
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });

    const xlsx = await s.document(reportId, 'format=xlsx');
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '1.1. Nhiệm vụ theo lĩnh vực',
      '1.2. Nhiệm vụ quá hạn',
      '2. Hồ sơ TTHC',
      '3. Chỉ tiêu',
      '4. Kiểm tra CCHC',
      '5. Khó khăn và kiến nghị',
      '6. Nhiệm vụ kỳ tới',
      'Toàn vẹn nhật ký',
    ]);
    const areas = workbook.getWorksheet('1.1. Nhiệm vụ theo lĩnh vực')!;
    const total = areas.getRow(areas.rowCount);
    expect(total.getCell(1).value).toBe('Tổng cộng');
    expect(total.getCell(2).value).toBe(content.tasks.total);
    const dossiers = workbook.getWorksheet('2. Hồ sơ TTHC')!;
    expect(dossiers.getRow(3).values).toEqual([undefined, 'Tiếp nhận', 2]);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect((await s.document(reportId, 'format=docx&revision=9')).status).toBe(404);
    expect((await s.document(reportId, 'format=pdf')).status).toBe(400);
  });

  // Section (4) as of the cut-off, in Q2 (15/03–14/06/2026): an inspection campaign whose findings
  // were dealt with on both sides of the cut-off.
  const campaignPath = (suffix = '') => `/inspections/campaigns/${campaign.id}${suffix}`;
  let campaign: {
    id: string;
    version: number;
    findings: { id: string; description: string; taskId: string | null }[];
  };
  const findingOf = (description: string) =>
    campaign.findings.find((finding) => finding.description === description)!;
  const [BOOK, RESULTS, POSTING] = [
    'Sổ theo dõi phản ánh, kiến nghị ghi chép không đầy đủ',
    'Chưa công khai kết quả giải quyết phản ánh, kiến nghị',
    'Niêm yết TTHC tại Bộ phận một cửa chưa cập nhật',
  ];
  let remediatedBefore: string;
  let remediatedAfter: string;

  const campaignAct = async (
    role: string,
    suffix: string,
    body: object = {},
    method: 'post' | 'put' = 'post',
  ) => {
    const response = await s.client[method](role, campaignPath(suffix), {
      version: campaign.version,
      ...body,
    });
    expect({ suffix, status: response.status, message: response.body.message }).toMatchObject({
      status: 200,
    });
    campaign = response.body;
  };

  const recordFinding = (unit: string, description: string) =>
    campaignAct('inspector', '/findings', {
      unitId: units[unit],
      topicCode: 'PAKN',
      description,
      severity: 'trung_binh',
      recommendation: 'Khắc phục trong quý II/2026.',
    });

  it('inspects two units in Q2; one remediation task is accepted before the Q2 cut-off', async () => {
    const { users } = await demoWardIds(s.client);
    await s.moveTo('2026-03-25T09:00:00');
    const created = await s.client.post('coordinator', '/inspections/campaigns', {
      title: 'Kiểm tra công tác cải cách hành chính quý II/2026',
      decisionNumber: '70/QĐ-UBND',
      decisionDate: '2026-03-25',
      kind: 'khong_bao_truoc',
      year: 2026,
      headId: users.inspector,
      visits: ['VHXH', 'VP'].map((unit) => ({ unitId: units[unit], scheduledOn: '2026-03-25' })),
    });
    expect(created.status).toBe(201);
    campaign = created.body;
    await campaignAct('inspector', '/start');
    const { topics } = (await s.client.get('inspector', '/inspections/checklist')).body as {
      topics: { code: string }[];
    };
    const results = topics.map((topic) => ({ topicCode: topic.code, result: 'dat' }));
    for (const unit of ['VHXH', 'VP']) {
      await campaignAct('inspector', `/visits/${units[unit]}/start`);
      await campaignAct('inspector', `/visits/${units[unit]}/checklist`, { results }, 'put');
    }
    await recordFinding('VHXH', BOOK);
    await recordFinding('VHXH', RESULTS);
    await recordFinding('VP', POSTING);
    for (const unit of ['VHXH', 'VP'])
      await campaignAct('inspector', `/visits/${units[unit]}/finish`, { doneOn: '2026-03-25' });
    await campaignAct('inspector', `/findings/${findingOf(BOOK).id}/task`, {
      dueDate: '2026-05-29',
      leaderId: users.leader,
    });
    await campaignAct('inspector', `/findings/${findingOf(RESULTS).id}/task`, {
      dueDate: '2026-05-15',
      leaderId: users.leader,
    });
    await campaignAct('inspector', `/findings/${findingOf(POSTING).id}/escalate`, {
      reason: 'Vượt thẩm quyền của đơn vị',
    });
    remediatedBefore = findingOf(BOOK).taskId as string;
    remediatedAfter = findingOf(RESULTS).taskId as string;

    await s.moveTo('2026-04-10T09:00:00');
    const opened = await s.open('quy', 2026, 2);
    expect(opened).toMatchObject({ periodLabel: 'Quý II/2026', cutoffDate: '2026-06-14' });
    reportId = opened.id;
    await s.task('officer', remediatedBefore, { type: 'START' });
    await s.task('officer', remediatedBefore, { type: 'SUBMIT_REPORT', report: 'Đã bổ sung sổ' });
    await s.task('leader', remediatedBefore, { type: 'APPROVE' });
    await s.task('officer', remediatedAfter, { type: 'START' });
  });

  it('compiles Q2 after the cut-off: section (4) counts what was remediated or closed by the cut-off', async () => {
    await s.moveTo('2026-06-16T09:00:00');
    await s.fireDue(worker);
    // After the cut-off: the overdue task is done and accepted, the chairman closes the escalated
    // finding once the conclusion is signed, and one more finding is recorded.
    await s.task('officer', remediatedAfter, { type: 'SUBMIT_REPORT', report: 'Đã công khai' });
    await s.task('leader', remediatedAfter, { type: 'APPROVE' });
    await recordFinding('VP', 'Chưa cập nhật sổ theo dõi hồ sơ TTHC');
    await campaignAct('chairman', '/conclude', { noticeNumber: '20/TB-UBND' });
    await campaignAct('chairman', `/findings/${findingOf(POSTING).id}/close`, {
      reason: 'Đã chỉ đạo Văn phòng cập nhật niêm yết',
    });
    const cutoff = vnTime('2026-06-14T23:59:59.999');
    const stateAt = async (taskId: string) =>
      (
        await s.db.query(
          'SELECT to_state FROM audit_events WHERE instance_id = ? AND occurred_at <= ? ORDER BY seq DESC LIMIT 1',
          [taskId, cutoff],
        )
      )[0].to_state;
    // The clock jumped over the due date (15/05): at the cut-off the task was in progress, past due.
    expect([await stateAt(remediatedBefore), await stateAt(remediatedAfter)]).toEqual([
      'accepted',
      'inProgress',
    ]);
    // Today's figures count everything done since.
    const today = (await s.client.get('chairman', '/stats/inspections?year=2026')).body;
    expect(today).toMatchObject({
      unitsInspected: 2,
      findings: 4,
      remediated: 2,
      settled: 3,
      overdue: 0,
    });

    await s.reportEvent('coordinator', reportId, { type: 'START_COMPILING' });
    await s.compile(reportId);
    const body = JSON.parse((await s.document(reportId, 'format=json')).body.toString('utf8'));
    const rows = body.content.inspections as {
      note: string | null;
      rows: { label: string; value: string }[];
    };
    const expected: [string, string][] = [
      ['Số tồn tại, hạn chế phát hiện', '3'],
      ['Đã khắc phục', '1'],
      ['Đã xử lý xong (khắc phục hoặc kết luận)', '1 (33,3%, mục tiêu 100%)'],
      ['Khắc phục quá hạn', '1'],
    ];
    expect(rows.note).toBeNull();
    expect(rows.rows[0]).toMatchObject({
      label: 'Đơn vị đã được kiểm tra / tổng số đơn vị',
      value: expect.stringMatching(new RegExp(`^2/${Object.keys(units).length} \\(`)),
    });
    expect(rows.rows).toEqual(
      expect.arrayContaining(expected.map(([label, value]) => ({ label, value }))),
    );

    const text = await docxText((await s.document(reportId, 'format=docx')).body);
    for (const [label, value] of expected)
      expect({ label, found: text.includes(`${label} ${value}`) }).toEqual({ label, found: true });
    expect(text).not.toContain('Chưa có dữ liệu kiểm tra');
    const workbook = new Workbook();
    await workbook.xlsx.load((await s.document(reportId, 'format=xlsx')).body);
    const sheet = workbook.getWorksheet('4. Kiểm tra CCHC')!;
    const cells: [string, string][] = [];
    sheet.eachRow((row) =>
      cells.push([String(row.getCell(1).value), String(row.getCell(2).value)]),
    );
    expect(cells).toEqual(expect.arrayContaining(expected));
  });
  it('keeps the signer under "CHỦ TỊCH" after the chairman changes; a draft names the new one', async () => {
    const [old] = (await s.db.query(
      "SELECT id, full_name FROM users WHERE role = 'chairman' AND active = 1",
    )) as { id: string; full_name: string }[];
    const [stored] = (await s.db.query(
      'SELECT signed_by, signer_name FROM report_revisions WHERE report_id = ? AND number IS NOT NULL',
      [signedReportId],
    )) as { signed_by: string; signer_name: string }[];
    expect(stored).toEqual({ signed_by: old.id, signer_name: old.full_name });
    // Revisions signed before the columns existed take the signer from the SIGN event.
    await redoMigration(s.db, 'ReportRevisionSigner1763804700000');
    expect(
      await s.db.query(
        'SELECT revision, signed_by, signer_name FROM report_revisions WHERE report_id = ? ORDER BY revision',
        [signedReportId],
      ),
    ).toEqual([
      { revision: 1, signed_by: null, signer_name: null },
      { revision: 2, signed_by: old.id, signer_name: old.full_name },
    ]);
    // The ward's chairman changes: the old one leaves, another is appointed.
    expect((await s.client.patch('admin', `/users/${old.id}`, { active: false })).status).toBe(200);
    const appointed = await s.client.post('admin', '/users', {
      username: 'chu.tich.moi',
      fullName: 'Trần Quốc Hưng',
      role: 'chairman',
    });
    expect(appointed.status).toBe(201);
    const docx = async (id: string) =>
      docxText(
        (
          await request(api.getHttpServer())
            .get(`/reports/${id}/document?format=docx`)
            .set('Authorization', `Bearer ${await s.client.login('leader')}`)
            .buffer(true)
            .parse((response, done) => {
              const chunks: Buffer[] = [];
              response.on('data', (chunk: Buffer) => chunks.push(chunk));
              response.on('end', () => done(null, Buffer.concat(chunks)));
            })
        ).body,
      );
    const signed = await docx(signedReportId);
    expect(signed).toContain(`CHỦ TỊCH ${old.full_name}`);
    expect(signed).not.toContain('Trần Quốc Hưng');
    // Q2's report is compiled, not signed: the one who would sign it now.
    expect(await docx(reportId)).toContain('CHỦ TỊCH Trần Quốc Hưng');
  });
});
