import { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { DEFAULT_CHECKLIST, InspectionStats } from '@cchc/inspections';
import { ApiClient } from './support/api-client';
import { demoWardIds } from './support/demo-ward-ids';
import { docxText } from './support/document-text';
import { freshEnvironment } from './support/e2e-env';
import { ReportSession } from './support/report-session';
import { eventually, PENDING_WORK_SQL, startApi, startWorker } from './support/test-app';

interface Campaign {
  id: string;
  version: number;
  state: string;
  visits: { unitId: string; state: string; doneOn: string | null; minutesNumber: string | null }[];
  findings: {
    id: string;
    unitId: string;
    status: string;
    taskId: string | null;
    settled: boolean;
  }[];
  checklist: { code: string }[];
  allowedEvents: string[];
}

describe('inspection campaigns (MariaDB)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let api: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let client: ApiClient;
  let units: Record<string, string>;
  let users: Record<string, string>;
  let campaign: Campaign;

  beforeAll(async () => {
    await freshEnvironment('inspections');
    api = await startApi(clock);
    worker = await startWorker(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    // A second member of the team (the demo ward has one inspector), signing in as the others do.
    await db.query(
      `INSERT INTO users (id, ward_id, unit_id, username, full_name, role, password_hash)
       SELECT UUID(), ward_id, NULL, 'inspector2', 'Bùi Thị Kiểm', 'inspector', password_hash
         FROM users WHERE username = 'inspector'`,
    );
    ({ units, users } = await demoWardIds(client));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** The topics of the notifications `role` has about this campaign, once the outbox is empty. */
  const told = async (role: string, campaignId = campaign.id) => {
    await eventually(
      async () => Number((await db.query(PENDING_WORK_SQL, [clock.now()]))[0].n) === 0,
      30_000,
      'an empty outbox',
    );
    const list = (await client.get(role, '/notifications?pageSize=200')).body.items as {
      topic: string;
      subjectId: string;
    }[];
    return list.filter((n) => n.subjectId === campaignId).map((n) => n.topic);
  };

  const path = (suffix = '') => `/inspections/campaigns/${campaign.id}${suffix}`;

  /** Sends a campaign command at the version last seen; on success keeps the new campaign. */
  const act = async (
    role: string,
    suffix: string,
    body: object = {},
    method: 'post' | 'put' = 'post',
  ) => {
    const response = await client[method](role, path(suffix), {
      version: campaign.version,
      ...body,
    });
    if (response.status === 200) campaign = response.body;
    return response;
  };

  const document = async (role: string, suffix: string) =>
    request(api.getHttpServer())
      .get(path(suffix))
      .set('Authorization', `Bearer ${await client.login(role)}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  const allResults = (failed: string[] = []) =>
    campaign.checklist.map((topic) => ({
      topicCode: topic.code,
      result: failed.includes(topic.code) ? 'khong_dat' : 'dat',
      ...(failed.includes(topic.code) ? { note: 'Sổ theo dõi ghi chép không đầy đủ' } : {}),
    }));

  it('ships the default checklist and lets the ward edit its own', async () => {
    const shipped = await client.get('inspector', '/inspections/checklist');
    expect(shipped.body).toEqual({ topics: DEFAULT_CHECKLIST, source: 'default' });
    expect(shipped.body.topics.map((t: { title: string }) => t.title)).toContain(
      'Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN)',
    );

    const duplicate = await client.put('coordinator', '/inspections/checklist', {
      topics: [DEFAULT_CHECKLIST[0], DEFAULT_CHECKLIST[0]],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.message).toContain('topics[1].code');
    expect((await client.put('officer', '/inspections/checklist', shipped.body)).status).toBe(403);

    const topics = [
      ...DEFAULT_CHECKLIST,
      { code: 'SO_HOA', title: 'Số hóa hồ sơ, kết quả giải quyết TTHC' },
    ];
    const edited = await client.put('coordinator', '/inspections/checklist', { topics });
    expect(edited.status).toBe(200);
    expect((await client.get('officer', '/inspections/checklist')).body).toEqual({
      topics,
      source: 'ward',
    });
  });

  it('plans an unannounced campaign over every unit of the ward; bad input names the field', async () => {
    const plan = {
      title: 'Kiểm tra công tác cải cách hành chính năm 2026',
      decisionNumber: '45/QĐ-UBND',
      decisionDate: '2026-03-02',
      kind: 'khong_bao_truoc',
      year: 2026,
      headId: users.inspector,
      inspectorIds: [users.inspector2],
      visits: Object.values(units).map((unitId) => ({ unitId, scheduledOn: '2026-03-05' })),
    };
    const stranger = await client.post('coordinator', '/inspections/campaigns', {
      ...plan,
      visits: [{ unitId: users.officer, scheduledOn: '2026-03-05' }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.message).toContain('visits[0].unitId');
    const notInspector = await client.post('coordinator', '/inspections/campaigns', {
      ...plan,
      headId: users.leader,
    });
    expect(notInspector.status).toBe(400);
    expect(notInspector.body.message).toContain('headId');
    const wrongYear = await client.post('coordinator', '/inspections/campaigns', {
      ...plan,
      visits: [{ unitId: units.VP, scheduledOn: '2027-01-05' }],
    });
    expect(wrongYear.body.message).toContain('visits[0].scheduledOn');
    expect((await client.post('officer', '/inspections/campaigns', plan)).status).toBe(403);

    const created = await client.post('coordinator', '/inspections/campaigns', plan);
    expect(created.status).toBe(201);
    campaign = created.body;
    expect(campaign).toMatchObject({ state: 'planned', kindLabel: 'Không báo trước', version: 1 });
    expect(campaign.visits).toHaveLength(Object.keys(units).length);
    expect(campaign.checklist.map((topic) => topic.code)).toContain('SO_HOA');
  });

  it('hides the unannounced visit from its unit until it starts', async () => {
    const unitSees = async (role: string) => {
      const list = await client.get(role, '/inspections/campaigns?year=2026');
      const one = await client.get(role, path());
      return { listed: list.body.length, status: one.status, body: one.body as Campaign };
    };
    expect(await unitSees('unit_head')).toMatchObject({ listed: 0, status: 404 });
    expect((await act('unit_head', '/visits/' + units.VHXH + '/start')).status).toBe(404);
    expect((await client.get('chairman', path())).status).toBe(200);

    expect((await act('coordinator', '/start')).status).toBe(403);
    expect((await act('inspector', '/start')).status).toBe(200);
    // The team hears that the campaign has started; no unit hears of an unannounced one.
    expect(await told('inspector')).toEqual(['campaign.started']);
    expect(await told('inspector2')).toEqual(['campaign.started']);
    for (const role of ['unit_head', 'officer', 'one_stop_officer', 'coordinator', 'chairman'])
      expect([role, await told(role)]).toEqual([role, []]);
    expect((await act('inspector', `/visits/${units.VP}/start`)).status).toBe(200);
    expect(await unitSees('officer')).toMatchObject({ listed: 0, status: 404 });
    expect(await told('officer')).toEqual([]);

    expect((await act('inspector', `/visits/${units.VHXH}/start`)).status).toBe(200);
    // Its visit started: now the unit's staff are told, once, and no other unit.
    expect(await told('unit_head')).toEqual(['campaign.visit.started']);
    expect(await told('officer')).toEqual(['campaign.visit.started']);
    expect(await told('one_stop_officer')).toEqual([]);
    expect(await told('inspector')).toEqual(['campaign.started']);
    const [notice] = (await client.get('officer', '/notifications?pageSize=200')).body.items as {
      title: string;
      body: string;
      subjectType: string;
    }[];
    expect(notice).toMatchObject({
      subjectType: 'inspection-campaign',
      title:
        'Đoàn kiểm tra bắt đầu kiểm tra tại đơn vị: Kiểm tra công tác cải cách hành chính năm 2026',
    });
    // One unit told: it is named.
    expect(notice.body).toMatch(
      /^Đoàn kiểm tra bắt đầu kiểm tra tại đơn vị\.\nKiểm tra công tác cải cách hành chính năm 2026 \(Quyết định số 45\/QĐ-UBND\)\nĐơn vị: \S.*$/,
    );
    const [teamNotice] = (await client.get('inspector', '/notifications?pageSize=200')).body
      .items as {
      body: string;
    }[];
    expect(teamNotice.body).toBe(
      'Đoàn kiểm tra bắt đầu đợt kiểm tra.\nKiểm tra công tác cải cách hành chính năm 2026 (Quyết định số 45/QĐ-UBND)',
    );
    const seen = await unitSees('unit_head');
    expect(seen).toMatchObject({ listed: 1, status: 200 });
    expect(seen.body.visits.map((visit) => visit.unitId)).toEqual([units.VHXH]);
    expect(seen.body.allowedEvents).toEqual([]);
    expect(
      (await act('unit_head', `/visits/${units.VHXH}/finish`, { doneOn: '2026-03-02' })).status,
    ).toBe(403);
  });

  it('records checklists, findings and the minutes of each visit', async () => {
    const early = await act('inspector', `/visits/${units.VHXH}/finish`, { doneOn: '2026-03-02' });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe(
      `Còn ${campaign.checklist.length} nội dung kiểm tra chưa có kết quả.`,
    );
    const unknownTopic = await act(
      'inspector',
      `/visits/${units.VHXH}/checklist`,
      {
        results: [{ topicCode: 'KHONG_CO', result: 'dat' }],
      },
      'put',
    );
    expect(unknownTopic.status).toBe(400);
    expect(unknownTopic.body.message).toContain('results[0].topicCode');

    expect(
      (
        await act(
          'inspector',
          `/visits/${units.VHXH}/checklist`,
          {
            results: allResults(['PAKN']),
            minutes: 'Đơn vị chấp hành tốt việc tiếp nhận hồ sơ, còn thiếu sót ở sổ theo dõi PAKN.',
          },
          'put',
        )
      ).status,
    ).toBe(200);
    const finding = (unit: string, topicCode: string, description: string, parCode?: string) => {
      clock.advance(60_000); // findings are listed in the order they were recorded
      return act('inspector', '/findings', {
        unitId: units[unit],
        topicCode,
        description,
        severity: 'trung_binh',
        recommendation: 'Khắc phục trong quý I/2026.',
        ...(parCode ? { parCode } : {}),
      });
    };
    expect(
      (
        await finding(
          'VHXH',
          'PAKN',
          'Sổ theo dõi phản ánh, kiến nghị ghi chép không đầy đủ',
          '3.2.1',
        )
      ).status,
    ).toBe(200);
    expect(
      (await finding('VP', 'MOT_CUA', 'Niêm yết TTHC tại Bộ phận một cửa chưa cập nhật')).status,
    ).toBe(200);
    expect(
      (await finding('KTHTDT', 'TIET_KIEM', 'Chưa ban hành quy chế chi tiêu nội bộ')).status,
    ).toBe(409); // not started
    expect((await act('inspector', `/visits/${units.KTHTDT}/start`)).status).toBe(200);
    expect(
      (await finding('KTHTDT', 'TIET_KIEM', 'Chưa ban hành quy chế chi tiêu nội bộ')).status,
    ).toBe(200);
    expect(campaign.findings.map((f) => f.status)).toEqual(['open', 'open', 'open']);

    // Until its visit is done, the minutes carry no number.
    const draft = await document('inspector', `/visits/${units.VHXH}/minutes.docx`);
    expect(await docxText(draft.body)).toContain('Số: …/BB-ĐKT');

    const finishedInOrder = Object.values(units);
    for (const unitId of finishedInOrder) {
      if (campaign.visits.find((visit) => visit.unitId === unitId)?.state === 'scheduled') {
        expect((await act('inspector', `/visits/${unitId}/start`)).status).toBe(200);
      }
      if (unitId !== units.VHXH) {
        expect(
          (await act('inspector', `/visits/${unitId}/checklist`, { results: allResults() }, 'put'))
            .status,
        ).toBe(200);
      }
      const done = await act('inspector', `/visits/${unitId}/finish`, { doneOn: '2026-03-02' });
      expect(done.status).toBe(200);
    }
    expect(
      campaign.visits.every((visit) => visit.state === 'done' && visit.doneOn === '2026-03-02'),
    ).toBe(true);
    // Each visit's minutes were numbered as it was done: 01/BB-ĐKT, 02/BB-ĐKT… in that order.
    const numberOf = (unitId: string) =>
      campaign.visits.find((visit) => visit.unitId === unitId)?.minutesNumber;
    expect(finishedInOrder.map(numberOf)).toEqual(
      finishedInOrder.map((_, index) => `${String(index + 1).padStart(2, '0')}/BB-ĐKT`),
    );
    const vhxhNumber = numberOf(units.VHXH) as string;

    const minutes = await document('unit_head', `/visits/${units.VHXH}/minutes.docx`);
    expect(minutes.status).toBe(200);
    const text = await docxText(minutes.body);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH',
      `Số: ${vhxhNumber}`,
      'Tại: Phòng Văn hóa - Xã hội',
      'Quyết định số 45/QĐ-UBND ngày 02/03/2026',
      'Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) Không đạt Sổ theo dõi ghi chép không đầy đủ',
      'Số hóa hồ sơ, kết quả giải quyết TTHC Đạt',
      'Sổ theo dõi phản ánh, kiến nghị ghi chép không đầy đủ (mức độ: trung bình; tiêu chí PAR Index 3.2.1)',
      'Đặng Quốc Việt',
    ]) {
      expect(text).toContain(expected);
    }
    // The unit sees its own visit's findings only.
    const seen = (await client.get('unit_head', path())).body as Campaign;
    expect(seen.findings.map((f) => f.unitId)).toEqual([units.VHXH]);
  });

  it('turns findings into tasks or the chairman; the chairman signs the conclusion', async () => {
    const [pakn, oneStop, thrift] = campaign.findings;
    expect((await act('inspector', '/close')).status).toBe(409);
    const task = (finding: { id: string }, dueDate: string) =>
      act('inspector', `/findings/${finding.id}/task`, { dueDate, leaderId: users.leader });
    expect((await task(pakn, '2026-03-20')).status).toBe(200);
    expect((await task(thrift, '2026-03-10')).status).toBe(200);
    expect(
      (
        await act('inspector', `/findings/${oneStop.id}/escalate`, {
          reason: 'Vượt thẩm quyền của đơn vị',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await act('chairman', `/findings/${pakn.id}/task`, {
          dueDate: '2026-03-20',
          leaderId: users.leader,
        })
      ).status,
    ).toBe(403);

    const paknTask = campaign.findings[0].taskId as string;
    const taskView = await client.get('officer', `/tasks/${paknTask}`);
    expect(taskView.body).toMatchObject({
      state: 'assigned',
      leadUnitId: units.VHXH,
      dueDate: '2026-03-20',
    });

    expect((await act('inspector', '/conclude', { noticeNumber: '12/TB-UBND' })).status).toBe(403);
    expect((await act('chairman', '/conclude', { noticeNumber: '12/TB-UBND' })).status).toBe(200);
    expect(campaign.state).toBe('concluded');

    const notice = await document('leader', '/conclusion.docx');
    expect(notice.status).toBe(200);
    const text = await docxText(notice.body);
    for (const expected of [
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/TB-UBND',
      'ngày 02 tháng 3 năm 2026',
      'Kết luận kiểm tra công tác cải cách hành chính năm 2026',
      'Phòng Văn hóa - Xã hội — Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN)',
      'Đã giao nhiệm vụ khắc phục, hạn 20/03/2026.',
      'Đã báo cáo Chủ tịch: Vượt thẩm quyền của đơn vị',
      'CHỦ TỊCH Nguyễn Văn Thành',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('closes only when every finding is settled, and counts coverage and remediation', async () => {
    const [pakn, oneStop, thrift] = campaign.findings;
    clock.set(new Date('2026-03-12T09:00:00+07:00'));
    const midway = (await client.get('leader', '/stats/inspections?year=2026')).body;
    expect(midway).toMatchObject({
      unitsTotal: Object.keys(units).length,
      unitsInspected: Object.keys(units).length,
      coverageRate: 1,
      findings: 3,
      remediated: 0,
      settled: 0,
      overdue: 1,
    });
    expect(midway.byUnit.find((u: { unitId: string }) => u.unitId === units.KTHTDT)).toMatchObject({
      inspected: true,
      lastInspectedOn: '2026-03-02',
      findings: 1,
      overdue: 1,
    });

    // The remediation task runs its own lifecycle: the unit does it, the leader accepts it.
    let task = (await client.get('officer', `/tasks/${pakn.taskId}`)).body;
    for (const [role, type, body] of [
      ['officer', 'START', {}],
      ['officer', 'SUBMIT_REPORT', { report: 'Đã bổ sung sổ theo dõi PAKN' }],
      ['leader', 'APPROVE', {}],
    ] as const) {
      const moved = await client.post(role, `/tasks/${task.id}/events`, {
        type,
        version: task.version,
        ...body,
      });
      expect([type, moved.status]).toEqual([type, 200]);
      task = moved.body;
    }
    expect(task.state).toBe('accepted');

    const escalated = await act('inspector', '/close');
    expect(escalated.status).toBe(409);
    expect(escalated.body.message).toBe(
      'Còn 1 tồn tại, hạn chế chưa được khắc phục hoặc kết thúc.',
    );
    expect((await act('inspector', `/findings/${oneStop.id}/close`, { reason: 'x' })).status).toBe(
      403,
    );
    expect(
      (
        await act('chairman', `/findings/${oneStop.id}/close`, {
          reason: 'Đã chỉ đạo Văn phòng cập nhật niêm yết',
        })
      ).status,
    ).toBe(200);
    const unaccepted = await act('chairman', '/close');
    expect(unaccepted.status).toBe(409);
    expect(unaccepted.body.message).toBe('Còn 1 nhiệm vụ khắc phục chưa được nghiệm thu.');

    expect(
      (
        await act('chairman', `/findings/${thrift.id}/close`, {
          reason: 'Đơn vị đã ban hành quy chế trước hạn',
        })
      ).status,
    ).toBe(200);
    expect(campaign.findings.map((f) => f.settled)).toEqual([true, true, true]);
    const closed = await act('inspector', '/close');
    expect(closed.status).toBe(200);
    expect(campaign.state).toBe('closed');

    expect((await client.get('chairman', '/stats/inspections?year=2026')).body).toMatchObject({
      unitsInspected: Object.keys(units).length,
      coverageRate: 1,
      findings: 3,
      remediated: 1,
      settled: 3,
      remediationRate: 1,
      overdue: 0,
    });
    expect((await client.get('chairman', '/stats/inspections?year=2025')).body).toMatchObject({
      unitsInspected: 0,
      coverageRate: 0,
      findings: 0,
      remediationRate: null,
    });
    expect((await client.get('chairman', '/stats/inspections?year=abc')).status).toBe(400);
  });

  it('shows an announced campaign to its units from the start, and nothing to others', async () => {
    const announced = await client.post('chairman', '/inspections/campaigns', {
      title: 'Kiểm tra đột xuất việc niêm yết thủ tục hành chính',
      decisionNumber: '60/QĐ-UBND',
      decisionDate: '2026-03-12',
      kind: 'dot_xuat',
      year: 2026,
      headId: users.inspector,
      visits: [{ unitId: units.VHXH, scheduledOn: '2026-03-20' }],
    });
    expect(announced.status).toBe(201);
    const id = announced.body.id as string;
    expect(await told('officer', id)).toEqual([]);
    const started = await client.post('inspector', `/inspections/campaigns/${id}/start`, {
      version: announced.body.version,
    });
    expect(started.status).toBe(200);
    // Announced: the team and the unit in scope hear of it when it starts; other units do not.
    expect(await told('inspector', id)).toEqual(['campaign.started']);
    expect(await told('unit_head', id)).toEqual(['campaign.announced']);
    expect(await told('officer', id)).toEqual(['campaign.announced']);
    expect(await told('one_stop_officer', id)).toEqual([]);
    const visit = await client.post(
      'inspector',
      `/inspections/campaigns/${id}/visits/${units.VHXH}/start`,
      {
        version: started.body.version,
      },
    );
    expect(visit.status).toBe(200);
    expect(await told('officer', id)).toEqual(['campaign.announced']);
    const seen = await client.get('officer', `/inspections/campaigns/${announced.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.visits).toMatchObject([{ unitId: units.VHXH, state: 'inProgress' }]);
    expect(
      (await client.get('one_stop_officer', `/inspections/campaigns/${announced.body.id}`)).status,
    ).toBe(404);
    expect((await client.get('system_admin', '/inspections/campaigns')).body).toEqual([]);
  });

  // Q2/2026 under the national calendar: 15/03–14/06. Every unit was visited in Q1 (02/03).
  it('counts coverage from the start of the reporting year and carries open findings into Q2', async () => {
    const [announced] = (
      (await client.get('inspector', '/inspections/campaigns?year=2026')).body as {
        id: string;
        decisionNumber: string;
      }[]
    ).filter((summary) => summary.decisionNumber === '60/QĐ-UBND');
    campaign = (await client.get('inspector', `/inspections/campaigns/${announced.id}`)).body;
    expect(
      (await act('inspector', `/visits/${units.VHXH}/checklist`, { results: allResults() }, 'put'))
        .status,
    ).toBe(200);
    const recorded = await act('inspector', '/findings', {
      unitId: units.VHXH,
      topicCode: 'MOT_CUA',
      description: 'Chưa niêm yết đầy đủ thủ tục hành chính mới',
      severity: 'trung_binh',
      recommendation: 'Khắc phục trước 30/4/2026.',
    });
    expect(recorded.status).toBe(200);
    expect(
      (await act('inspector', `/visits/${units.VHXH}/finish`, { doneOn: '2026-03-12' })).status,
    ).toBe(200);
    const [open] = campaign.findings;
    expect(
      (
        await act('inspector', `/findings/${open.id}/task`, {
          dueDate: '2026-04-30',
          leaderId: users.leader,
        })
      ).status,
    ).toBe(200);

    // Compiled after the Q2 cut-off, the remediation task never done.
    clock.set(new Date('2026-06-16T09:00:00+07:00'));
    const wardId = (
      (await db.query('SELECT ward_id FROM inspection_campaigns LIMIT 1')) as {
        ward_id: string;
      }[]
    )[0].ward_id;
    const unitCount = Object.keys(units).length;
    const q2 = await api
      .get(InspectionStats)
      .forWard(wardId, '2026-03-15', '2026-06-14', new Date('2026-06-14T23:59:59.999+07:00'));
    expect(q2).toMatchObject({
      coverageFrom: '2025-12-15',
      unitsTotal: unitCount,
      unitsInspected: unitCount,
      coverageRate: 1,
      // Q1's settled findings stay in Q1; the open one is carried, overdue since 30/04.
      findings: 1,
      settled: 0,
      overdue: 1,
    });
    expect(q2.byUnit.find((unit) => unit.unitId === units.VHXH)).toMatchObject({
      inspected: true,
      lastInspectedOn: '2026-03-12',
      findings: 1,
      overdue: 1,
    });

    const report = new ReportSession(api, clock);
    const { opened } = await report.openAndCompile('quy', 2026, 2);
    const json = await report.document(opened.id, 'format=json');
    expect(json.status).toBe(200);
    const rows = (
      JSON.parse(json.body.toString('utf8')) as {
        content: { inspections: { rows: { label: string; value: string }[] } };
      }
    ).content.inspections.rows;
    const value = (label: string) => rows.find((row) => row.label === label)?.value;
    expect(value('Đơn vị đã được kiểm tra / tổng số đơn vị')).toMatch(
      new RegExp(`^${unitCount}/${unitCount} \\(100`),
    );
    expect(value('Đơn vị chưa được kiểm tra')).toBe('Không có');
    expect(value('Số tồn tại, hạn chế phát hiện')).toBe('1');
    expect(value('Khắc phục quá hạn')).toBe('1');
  });

  it("shows the figures within the user's inspection scope: a unit its own, nothing to others", async () => {
    const figures = async (role: string) => client.get(role, '/stats/inspections?year=2026');
    const ward = await figures('chairman');
    expect(ward.body.byUnit).toHaveLength(Object.keys(units).length);
    const own = await figures('officer');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ unitsTotal: 1, unitsInspected: 1 });
    expect(own.body.byUnit.map((unit: { unitId: string }) => unit.unitId)).toEqual([units.VHXH]);
    // Its own findings only: PAKN (settled) and the one left open.
    expect(own.body).toMatchObject({ findings: 2, settled: 1, overdue: 1 });
    const other = await figures('one_stop_officer');
    expect(other.status).toBe(200);
    expect(other.body.byUnit).toHaveLength(1);
    expect(other.body.byUnit[0].unitId).not.toBe(units.VHXH);
    expect(other.body).toMatchObject({ unitsTotal: 1, findings: 0 });
    for (const role of ['admin', 'province_officer', 'system_admin']) {
      const refused = await figures(role);
      expect([role, refused.status, refused.body.byUnit]).toEqual([role, 403, undefined]);
    }
  });
});
