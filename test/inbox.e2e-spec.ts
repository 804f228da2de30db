import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { WorkingCalendar } from '@cchc/calendar';
import { ManualClock } from '@cchc/common';
import { INBOX_COUNT_CAP } from '@cchc/inbox';
import { ApiClient } from './support/api-client';
import { demoWardIds } from './support/demo-ward-ids';
import { freshEnvironment } from './support/e2e-env';
import { insertBareWards, seededRandom } from './support/random-province';
import { eventually, startApi, startWorker } from './support/test-app';
import { redoMigration } from './support/redo-migration';

interface InboxBody {
  total: number;
  totalCapped: boolean;
  sections: {
    key: string;
    count: number;
    countCapped: boolean;
    items: {
      task: { id: string } | null;
      dossier: { code: string; workingDaysLeft: number | null } | null;
      apologySlip: { round: number; missedAppointmentDate: string } | null;
      escalation: { id: string; level: number; leadUnit: { name: string } } | null;
      note: string | null;
    }[];
  }[];
}

describe('"Việc cần làm", the SLA of tasks and the task figures (MariaDB)', () => {
  // Monday 02/03/2026, 09:00 in Việt Nam.
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  const calendar = new WorkingCalendar();
  let api: INestApplication;
  let worker: INestApplicationContext | undefined;
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
    await worker?.close();
    await api?.close();
  });

  const createTask = async (title: string, dueDate: string, leadUnit = 'VHXH') => {
    const response = await client.post('coordinator', '/tasks', {
      title,
      leadUnitId: units[leadUnit],
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
    return response.body as { version: number; extensionRequest: object | null };
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
    expect(section(await inboxOf('officer'), 'toStart')?.items.map((i) => i.task?.id)).toContain(
      task.id,
    );
    let { version } = await send('officer', task.id, { type: 'START', version: task.version });
    ({ version } = await send('officer', task.id, {
      type: 'SUBMIT_REPORT',
      version,
      report: 'Đã cập nhật 120 hồ sơ',
    }));
    const leaderInbox = await inboxOf('leader');
    expect(section(leaderInbox, 'toApprove')?.items.map((i) => i.task?.id)).toContain(task.id);
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
      section(await inboxOf('leader'), 'toApprove')?.items.map((i) => i.task?.id),
    ).not.toContain(task.id);
  });

  it('shows a pending extension request to the leader and the chairman until decided', async () => {
    const task = await createTask('Số hóa sổ hộ tịch', '2026-03-25');
    const extensionIds = async (username: string) =>
      section(await inboxOf(username), 'extensions')?.items.map((i) => i.task?.id);
    expect(await extensionIds('leader')).not.toContain(task.id);
    const requested = await send('officer', task.id, {
      type: 'REQUEST_EXTENSION',
      version: task.version,
      reason: 'Chờ phần mềm',
      proposedDueDate: '2026-04-30',
    });
    // The transition's answer shows the request it made (the row as written, not as read before).
    expect(requested.extensionRequest).toMatchObject({
      proposedDueDate: '2026-04-30',
      reason: 'Chờ phần mềm',
    });
    const { version } = requested;
    expect(await extensionIds('leader')).toContain(task.id);
    expect(await extensionIds('chairman')).toContain(task.id);
    const leaderInbox = await inboxOf('leader');
    // A list row shows the request as the task itself does, though it comes without its snapshot.
    const request = { proposedDueDate: '2026-04-30', reason: 'Chờ phần mềm' };
    expect(section(leaderInbox, 'extensions')?.items[0].task).toMatchObject({
      id: task.id,
      extensionRequest: request,
    });
    const listed = await client.get(
      'leader',
      `/tasks?text=${encodeURIComponent('Số hóa sổ hộ tịch')}`,
    );
    expect(listed.body.items.find((item: { id: string }) => item.id === task.id)).toMatchObject({
      extensionRequest: request,
    });
    expect(section(leaderInbox, 'extensions')).toMatchObject({ count: 1, countCapped: false });
    expect(leaderInbox.totalCapped).toBe(false);
    const decided = await send('leader', task.id, {
      type: 'DECIDE_EXTENSION',
      version,
      decision: 'reject',
      reason: 'Chưa có căn cứ',
    });
    expect(decided.extensionRequest).toBeNull();
    expect(await extensionIds('leader')).not.toContain(task.id);
    expect(await extensionIds('chairman')).not.toContain(task.id);
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

  describe('sections of the one-stop desk, the unit head and the chairman', () => {
    const receive = async (code: string, receivedAt: string) => {
      const response = await client.post('one_stop_officer', '/dossiers', {
        code,
        procedureCode: '1.000894',
        applicant: { name: 'Nguyễn Thị Hằng' },
        receivedAt,
      });
      expect(response.status).toBe(201);
      return response.body as { appointmentDate: string; version: number };
    };

    beforeAll(async () => {
      const procedure = await client.post('coordinator', '/procedures', {
        code: '1.000894',
        name: 'Đăng ký khai sinh',
        processingDays: 5,
        handlingUnitId: units.VHXH,
      });
      expect(procedure.status).toBe(201);
      worker = await startWorker(clock);
    });

    it('one-stop officer: dossiers at most 2 working days from their appointment or past it', async () => {
      const late = await receive('HS-QUA-HAN', '2026-02-12T09:30:00+07:00');
      expect(late.appointmentDate).toBe('2026-02-26');
      // The first event after the appointment starts an apology round (the slip of the next test).
      await client.post('officer', '/dossiers/HS-QUA-HAN/events', {
        type: 'START_PROCESSING',
        version: late.version,
      });
      const near = await receive('HS-SAP-DEN', '2026-02-25T09:30:00+07:00');
      expect(calendar.workingDaysBetween('2026-03-02', near.appointmentDate)).toBe(2);
      const far = await receive('HS-CON-XA', '2026-02-26T09:30:00+07:00');
      expect(calendar.workingDaysBetween('2026-03-02', far.appointmentDate)).toBe(3);
      // Near its appointment, not past it: its appointment timer would fire at once, and could
      // move the dossier (and draft a slip) before the withdrawal below.
      const withdrawn = await receive('HS-DA-RUT', '2026-02-25T10:00:00+07:00');
      const withdrawal = await client.post('one_stop_officer', '/dossiers/HS-DA-RUT/events', {
        type: 'WITHDRAW',
        version: withdrawn.version,
        reason: 'Người nộp rút hồ sơ',
      });
      expect(withdrawal.status).toBe(200);

      const inbox = await inboxOf('one_stop_officer');
      const due = section(inbox, 'dossiersDue');
      expect(due).toMatchObject({ title: 'Hồ sơ sắp đến hạn / quá hạn hẹn trả', count: 2 });
      expect(due?.items).toEqual([
        expect.objectContaining({
          dossier: expect.objectContaining({
            code: 'HS-QUA-HAN',
            workingDaysLeft: null,
            workingDaysOverdue: 2,
          }),
          note: 'Quá hạn hẹn trả 2 ngày làm việc',
        }),
        expect.objectContaining({
          dossier: expect.objectContaining({ code: 'HS-SAP-DEN', workingDaysLeft: 2 }),
          note: 'Còn 2 ngày làm việc đến hạn trả',
        }),
      ]);
      expect(inbox.total).toBe(2);
      expect(section(await inboxOf('officer'), 'dossiersDue')).toBeUndefined();
    });

    it('unit head: the apology slips of their unit waiting for a signature', async () => {
      const slips = await eventually(
        async () => {
          const found = section(await inboxOf('unit_head'), 'apologySlips');
          return found?.count === 1 ? found : null;
        },
        20_000,
        'the drafted slip',
      );
      expect(slips).toMatchObject({ title: 'Phiếu xin lỗi chờ ký', count: 1 });
      expect(slips.items).toEqual([
        expect.objectContaining({
          dossier: expect.objectContaining({ code: 'HS-QUA-HAN' }),
          apologySlip: expect.objectContaining({ round: 1, missedAppointmentDate: '2026-02-26' }),
        }),
      ]);
      // Only the unit head signs: the officer of the same unit has no such section.
      expect(section(await inboxOf('officer'), 'apologySlips')).toBeUndefined();
    });

    it('chairman: escalations addressed to them, newest first, with the task and its lead unit', async () => {
      const due = calendar.subtractWorkingDays('2026-03-02', 4);
      const task = await createTask('Rà soát thủ tục giải quyết quá hạn', due);
      const escalations = await eventually(
        async () => {
          const found = section(await inboxOf('chairman'), 'escalations');
          return found?.items.some((item) => item.task?.id === task.id) ? found : null;
        },
        20_000,
        'the escalation to the chairman',
      );
      expect(escalations.items[0]).toMatchObject({
        task: { id: task.id, sla: { status: 'overdue' } },
        escalation: { level: 1, dueDate: due, leadUnit: { name: 'Phòng Văn hóa - Xã hội' } },
      });
      expect(section(await inboxOf('coordinator'), 'escalations')).toBeUndefined();
    });
  });

  describe('GET /stats/tasks', () => {
    it('counts overdue tasks by plan area and the escalations of the month', async () => {
      const stats = await client.get('inspector', '/stats/tasks');
      expect(stats.status).toBe(200);
      expect(stats.body).toMatchObject({ today: '2026-03-02', planId: null, from: null, to: null });
      expect(stats.body.overdueByArea).toEqual([
        { planId: null, planNumber: null, areaCode: null, areaTitle: 'Ngoài kế hoạch', overdue: 1 },
      ]);
      expect(stats.body.escalationsThisMonth).toEqual({
        from: '2026-03-01',
        to: '2026-03-31',
        total: 1,
        byLevel: [{ level: 1, count: 1 }],
        byUnit: [{ unitId: units.VHXH, unitName: 'Phòng Văn hóa - Xã hội', count: 1 }],
      });
      const bad = await client.get('chairman', '/stats/tasks?from=2026-02-30&planId=x');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('from');
      expect(JSON.stringify(bad.body)).toContain('planId');
    });

    it('groups overdue tasks by the areas of their plan', async () => {
      const plan = Buffer.from(
        'STT,Nội dung công việc,Cơ quan chủ trì,Thời gian hoàn thành\n' +
          'I,Cải cách thể chế,,\n' +
          '1,Rà soát văn bản quy phạm pháp luật,Phòng Văn hóa - Xã hội,Tháng 01/2026\n' +
          'II,Cải cách thủ tục hành chính,,\n' +
          '1,Niêm yết công khai thủ tục,Phòng Văn hóa - Xã hội,Tháng 02/2026\n' +
          '2,Số hóa hồ sơ thủ tục hành chính,Phòng Văn hóa - Xã hội,Tháng 01/2026\n' +
          '3,Đánh giá mức độ hài lòng,Phòng Văn hóa - Xã hội,Quý IV/2026\n',
      );
      const imported = await request(api.getHttpServer())
        .post('/plans/import?year=2026')
        .set('Authorization', `Bearer ${await client.login('coordinator')}`)
        .attach('file', plan, 'ke-hoach-2026.csv');
      expect(imported.body).toMatchObject({ status: 'created', areas: 2, tasks: 4 });
      const planId = imported.body.planId as string;
      const stats = await client.get('chairman', `/stats/tasks?planId=${planId}`);
      expect(stats.status).toBe(200);
      expect(stats.body.overdueByArea).toEqual([
        { planId, planNumber: null, areaCode: 'I', areaTitle: 'Cải cách thể chế', overdue: 1 },
        {
          planId,
          planNumber: null,
          areaCode: 'II',
          areaTitle: 'Cải cách thủ tục hành chính',
          overdue: 2,
        },
      ]);
      expect(stats.body.overall).toMatchObject({ open: 4, overdue: 3, accepted: 0 });
    });

    it('counts a task on time when accepted on or before its due date, as a day in Việt Nam', async () => {
      const reported = async (title: string, dueDate: string) => {
        const task = await createTask(title, dueDate);
        const { version } = await send('officer', task.id, {
          type: 'START',
          version: task.version,
        });
        return {
          id: task.id,
          ...(await send('officer', task.id, { type: 'SUBMIT_REPORT', version, report: 'Xong' })),
        };
      };
      const approve = (task: { id: string; version: number }) =>
        send('leader', task.id, { type: 'APPROVE', version: task.version });
      const early = await reported('Công khai kết quả giải quyết hồ sơ', '2026-03-05');
      const lastMinute = await reported('Đánh giá mức độ hài lòng', '2026-03-06');
      // 06:00 on 07/03 in Việt Nam is still 06/03 in UTC: late all the same.
      const nextMorning = await reported('Cập nhật danh mục thủ tục', '2026-03-06');
      await approve(early);
      clock.set('2026-03-06T23:30:00+07:00');
      await approve(lastMinute);
      clock.set('2026-03-07T06:00:00+07:00');
      await approve(nextMorning);
      clock.set('2026-03-02T09:00:00+07:00');

      const stats = await client.get('leader', '/stats/tasks?from=2026-03-05&to=2026-03-06');
      const figures = {
        accepted: 3,
        acceptedOnTime: 2,
        acceptedLate: 1,
        onTimeRate: 2 / 3,
        open: 0,
        overdue: 0,
      };
      expect(stats.body.overall).toEqual(figures);
      expect(stats.body.units).toEqual([
        { unitId: units.VHXH, unitCode: 'VHXH', unitName: 'Phòng Văn hóa - Xã hội', ...figures },
      ]);
    });
  });
  /*
   * The task sections against their definitions, applied in plain code to the rows and the audit
   * history: "returned" = in progress or overdue, and the last RETURN or SUBMIT_REPORT of its
   * history is a RETURN (its reason the note); "to report" = in progress or overdue otherwise;
   * "overdue" = overdue, or assigned / in progress past its due date. Tasks come through the API
   * (returned, resubmitted, returned again; returned then another event) and as rows written
   * straight into the tables (events by SQL, as an import writes them) in the demo ward, in
   * another unit and in another ward; sections longer than a page check the order.
   */
  describe('task sections against their definitions', () => {
    const SEED = Number(process.env.INBOX_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(SEED);
    const today = '2026-03-02';
    let db: DataSource;
    let wardId: string;
    let other: { id: string; units: string[] };

    interface TaskRow {
      id: string;
      ward_id: string;
      lead_unit_id: string;
      state: string;
      due_date: string | null;
      created_at: Date;
    }

    /** Writes tasks and their report histories straight into the tables (no engine). */
    const insertTasks = async (ward: string, unitIds: string[], count: number) => {
      const states = [
        'assigned',
        'inProgress',
        'inProgress',
        'inProgress',
        'overdue',
        'reported',
        'accepted',
      ];
      for (let k = 0; k < count; k++) {
        const id = randomUUID();
        const state = random.pick(states);
        // An overdue task's due date has passed (the machine lifts it out of overdue with a new one).
        const due =
          state === 'overdue'
            ? `2026-0${1 + random.int(2)}-1${random.int(10)}`
            : random.next() < 0.1
              ? null
              : `2026-0${1 + random.int(5)}-1${random.int(10)}`;
        await db.query(
          `INSERT INTO reform_tasks (id, ward_id, title, content, lead_unit_id, coordinating_unit_ids,
             due_date, state, late, version, machine_version, snapshot, created_at, updated_at)
           VALUES (?, ?, ?, '', ?, '[]', ?, ?, FALSE, 1, 1, ?, ?, ?)`,
          [
            id,
            ward,
            `Nhiệm vụ ${k}`,
            random.pick(unitIds),
            due,
            // In progress until its log is written, then moved to its state (see below).
            'inProgress',
            JSON.stringify({ value: state, context: { dueDate: due, extensionRequest: null } }),
            new Date(Date.UTC(2026, 0, 1) + random.int(40) * 3_600_000),
            new Date(),
          ],
        );
        // A report history: SUBMIT_REPORT and RETURN in turn, stopped anywhere.
        const steps = random.int(5);
        const events = Array.from({ length: steps }, (_, i) =>
          i % 2 === 0
            ? ['SUBMIT_REPORT', null]
            : ['RETURN', random.next() < 0.2 ? null : `Lý do ${k}.${i}`],
        );
        if (events.length > 0)
          await db.query(
            `INSERT INTO audit_events (instance_type, instance_id, seq, event_type, to_state,
               actor_role, reason, occurred_at, ward_id, prev_hash, hash)
             VALUES ${events.map(() => "('reform-task', ?, ?, ?, ?, 'officer', ?, NOW(3), ?, REPEAT('0', 64), REPEAT('0', 64))").join(', ')}`,
            events.flatMap(([type, reason], i) => [id, i + 2, type, state, reason, ward]),
          );
        // The escalation log: one to three reminders, overdue notices and escalations, to anyone
        // (about 60 to the chairman in the demo ward, so that their section is longer than a page).
        const logged = 1 + random.int(3);
        for (let level = 1; level <= logged; level++)
          await db.query(
            `INSERT INTO escalations (ward_id, task_id, kind, level, due_date, lead_unit_id,
               recipients, fired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              ward,
              id,
              random.pick(['remind', 'deadline', 'escalate', 'escalate']),
              level,
              due ?? '2026-01-01',
              unitIds[0],
              JSON.stringify(['leadUnit', 'leader', 'chairman'].filter(() => random.next() < 0.5)),
              new Date(Date.UTC(2026, 1, 1) + random.int(200) * 3_600_000),
            ],
          );
        if (state !== 'inProgress')
          await db.query('UPDATE reform_tasks SET state = ? WHERE id = ?', [state, id]);
      }
    };

    /** Each section by its definition, from the rows and histories as they stand. */
    const expectedSections = async (ward: string, unitId: string | null) => {
      const tasks = (await db.query(
        'SELECT id, ward_id, lead_unit_id, state, due_date, created_at FROM reform_tasks',
      )) as TaskRow[];
      const events = (await db.query(
        `SELECT instance_id, event_type, reason FROM audit_events
         WHERE instance_type = 'reform-task' ORDER BY instance_id, seq`,
      )) as { instance_id: string; event_type: string; reason: string | null }[];
      const lastReport = new Map<string, { event_type: string; reason: string | null }>();
      for (const event of events)
        if (['RETURN', 'SUBMIT_REPORT'].includes(event.event_type))
          lastReport.set(event.instance_id, event);
      const returned = (task: TaskRow) => lastReport.get(task.id)?.event_type === 'RETURN';
      const awaitingReport = (task: TaskRow) => ['inProgress', 'overdue'].includes(task.state);
      const sortKey = (task: TaskRow) => [
        task.due_date ?? '9999-12-31',
        String(task.created_at.getTime()).padStart(15, '0'),
        task.id,
      ];
      const section = (keep: (task: TaskRow) => boolean) => {
        const found = tasks
          .filter((task) => task.ward_id === ward && keep(task))
          .sort((a, b) => {
            const [x, y] = [sortKey(a), sortKey(b)];
            const i = x.findIndex((value, index) => value !== y[index]);
            return i < 0 ? 0 : x[i] < y[i] ? -1 : 1;
          });
        return {
          count: Math.min(found.length, INBOX_COUNT_CAP),
          ids: found.slice(0, 20).map((task) => task.id),
          notes: found
            .slice(0, 20)
            .map((task) =>
              returned(task)
                ? `Báo cáo bị trả lại: ${lastReport.get(task.id)?.reason ?? ''}`
                : null,
            ),
        };
      };
      const ofUnit = (task: TaskRow) => task.lead_unit_id === unitId && awaitingReport(task);
      const states = new Map(tasks.map((task) => [task.id, task.state]));
      const escalations = (
        (await db.query(
          'SELECT id, ward_id, task_id, kind, recipients, fired_at FROM escalations',
        )) as {
          id: string;
          ward_id: string;
          task_id: string;
          kind: string;
          recipients: string | string[];
          fired_at: Date;
        }[]
      )
        .filter((row) => {
          const to =
            typeof row.recipients === 'string' ? JSON.parse(row.recipients) : row.recipients;
          const state = states.get(row.task_id) ?? '';
          return (
            row.ward_id === ward &&
            row.kind === 'escalate' &&
            (to as string[]).includes('chairman') &&
            !['accepted', 'cancelled'].includes(state)
          );
        })
        .sort((a, b) => b.fired_at.getTime() - a.fired_at.getTime() || Number(b.id) - Number(a.id));
      return {
        /** Every returned task of the unit, beyond the first page too. */
        returnedIds: tasks.filter((task) => ofUnit(task) && returned(task)).map((task) => task.id),
        escalations: {
          count: Math.min(escalations.length, INBOX_COUNT_CAP),
          ids: escalations.slice(0, 20).map((row) => String(row.id)),
        },
        returned: section((task) => ofUnit(task) && returned(task)),
        toReport: section((task) => ofUnit(task) && !returned(task)),
        overdue: section(
          (task) =>
            task.state === 'overdue' ||
            (['assigned', 'inProgress'].includes(task.state) &&
              task.due_date !== null &&
              task.due_date < today),
        ),
      };
    };

    const actual = (inbox: InboxBody, key: string) => {
      const found = section(inbox, key);
      return {
        count: found?.count,
        ids: found?.items.map((item) => item.task?.id),
        notes: found?.items.map((item) => item.note),
      };
    };

    /** The chairman's section as defined, and each log entry's `task_open` as its task stands. */
    const expectEscalations = async (expected: { count: number; ids: string[] }) => {
      const [{ stale }] = (await db.query(
        `SELECT COUNT(*) AS stale FROM escalations e JOIN reform_tasks t ON t.id = e.task_id
         WHERE e.task_open <> (t.state NOT IN ('accepted', 'cancelled'))`,
      )) as { stale: string }[];
      expect(Number(stale)).toBe(0);
      const chairman = section(await inboxOf('chairman'), 'escalations');
      expect({
        count: chairman?.count,
        ids: chairman?.items.map((item) => item.escalation?.id),
      }).toEqual(expected);
    };

    const report = async (id: string, version: number) =>
      (await send('officer', id, { type: 'SUBMIT_REPORT', version, report: 'Đã xong' })).version;
    const sendBack = async (id: string, version: number, reason: string) =>
      (await send('leader', id, { type: 'RETURN', version, reason })).version;

    beforeAll(async () => {
      // Timers would move tasks while the sections and their definitions are read.
      await worker?.close();
      worker = undefined;
      db = api.get(DataSource);
      [{ ward_id: wardId }] = (await db.query('SELECT ward_id FROM org_units WHERE id = ?', [
        units.VHXH,
      ])) as { ward_id: string }[];
      [other] = await insertBareWards(db, ['khac']);
    });

    it(`returned, to report, overdue and escalations to the chairman, as defined (seed ${SEED})`, async () => {
      // Returned, resubmitted, returned again: returned, with the second reason.
      const twice = await createTask('Báo cáo trả lại hai lần', '2026-03-20');
      let version = (await send('officer', twice.id, { type: 'START', version: twice.version }))
        .version;
      version = await sendBack(twice.id, await report(twice.id, version), 'Lần một');
      version = await sendBack(twice.id, await report(twice.id, version), 'Lần hai');
      // Returned, then resubmitted: waits on the leader, in neither section.
      const resubmitted = await createTask('Báo cáo nộp lại', '2026-03-20');
      version = (await send('officer', resubmitted.id, { type: 'START', version: 1 })).version;
      version = await sendBack(resubmitted.id, await report(resubmitted.id, version), 'Thiếu');
      await report(resubmitted.id, version);
      // Returned, then an extension requested: still returned (the report is still owed).
      const extended = await createTask('Báo cáo trả lại rồi xin gia hạn', '2026-03-20');
      version = (await send('officer', extended.id, { type: 'START', version: 1 })).version;
      version = await sendBack(extended.id, await report(extended.id, version), 'Sai số liệu');
      await send('officer', extended.id, {
        type: 'REQUEST_EXTENSION',
        version,
        reason: 'Chờ số liệu',
        proposedDueDate: '2026-04-30',
      });
      const returned = section(await inboxOf('officer'), 'returned')?.items ?? [];
      expect(returned.find((item) => item.task?.id === twice.id)?.note).toBe(
        'Báo cáo bị trả lại: Lần hai',
      );
      expect(returned.map((item) => item.task?.id)).toContain(extended.id);
      expect(returned.map((item) => item.task?.id)).not.toContain(resubmitted.id);
      // Rows written straight into the tables: the officer's unit, another unit of the demo ward,
      // and another ward (some with the officer's unit id, which only the ward tells apart).
      await insertTasks(wardId, [units.VHXH, units.VHXH, units.KTHTDT], 150);
      await insertTasks(other.id, [other.units[0], units.VHXH], 30);

      const officer = await inboxOf('officer');
      const unitHead = await inboxOf('unit_head');
      const expected = await expectedSections(wardId, units.VHXH);
      expect(expected.returnedIds).toEqual(expect.arrayContaining([twice.id, extended.id]));
      expect(expected.returnedIds).not.toContain(resubmitted.id);
      for (const inbox of [officer, unitHead]) {
        expect(actual(inbox, 'returned')).toEqual(expected.returned);
        expect(actual(inbox, 'toReport')).toEqual(expected.toReport);
      }
      for (const username of ['chairman', 'coordinator', 'inspector'])
        expect(actual(await inboxOf(username), 'overdue')).toEqual({
          ...expected.overdue,
          notes: expected.overdue.notes.map(() => null),
        });
      // Longer than a page: the order counts.
      await expectEscalations(expected.escalations);
      expect(expected.overdue.count).toBeGreaterThan(20);
      expect(expected.escalations.count).toBeGreaterThan(20);
      expect(expected.toReport.count).toBeGreaterThan(20);
    });

    it('fills the stored facts from the histories and the log when it migrates', async () => {
      await redoMigration(db, 'InboxTaskFacts1763803600000');
      const expected = await expectedSections(wardId, units.VHXH);
      expect(expected.returned.count).toBeGreaterThan(2);
      const officer = await inboxOf('officer');
      expect(actual(officer, 'returned')).toEqual(expected.returned);
      expect(actual(officer, 'toReport')).toEqual(expected.toReport);
      await expectEscalations(expected.escalations);
    });
  });
});
