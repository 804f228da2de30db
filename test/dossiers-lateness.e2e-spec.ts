import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { DossierStatsService } from '@cchc/dossiers';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { eventually, PENDING_WORK_SQL, startApi, startWorker } from './support/test-app';
import { demoWardIds } from './support/demo-ward-ids';

/*
 * Issue 11 (lateness that cannot be erased) and issue 10 items 8, 11 and 22 for dossiers, on
 * one clock. Phase 1 runs the API alone, so no appointment timer can fire: every miss below is
 * caught by the events' own dates. Five dossiers of a 5-working-day procedure are received on
 * 12/02/2026 (appointment 26/02/2026, Tết skipped):
 * - E returned on 25/02 (early), O on 26/02 (on time);
 * - S announced late on 24/02, its slip signed on 25/02 (before the appointment);
 * - L first touched on 27/02 (after the appointment), its slip signed on 02/03 (after);
 * - R, the repro: nothing until Sunday 29/11/2026, then five events in quick succession.
 * Then (issue 13) three more, with the worker's timers, counted as of cut-offs in December.
 */
const DAY = (date: string, time = '10:00') => new Date(`${date}T${time}:00+07:00`);

function dossier(code: string, receivedAt = '2026-02-12T09:30:00+07:00') {
  return {
    code,
    procedureCode: '1.000894',
    applicant: { name: 'Nguyễn Thị Hằng', phone: '0912 345 678' },
    receivedAt,
  };
}

describe('Dossier lateness, appointment dates and figures', () => {
  const clock = new ManualClock(DAY('2026-02-12'));
  let api: INestApplication;
  let worker: INestApplicationContext | null = null;
  let client: ApiClient;
  let db: DataSource;
  let vhxh: string;

  const view = async (code: string) => (await client.get('officer', `/dossiers/${code}`)).body;
  /** Sends an event at the dossier's current version; returns the response. */
  const send = async (user: string, code: string, body: Record<string, unknown>) =>
    client.post(user, `/dossiers/${code}/events`, { ...body, version: (await view(code)).version });
  const ok = async (user: string, code: string, body: Record<string, unknown>) => {
    const response = await send(user, code, body);
    expect({ code, type: body.type, status: response.status, body: response.body }).toMatchObject({
      status: 200,
    });
    return response.body;
  };

  beforeAll(async () => {
    await freshEnvironment('dossiers_lateness');
    api = await startApi(clock);
    db = api.get(DataSource);
    client = new ApiClient(api.getHttpServer());
    const { units } = await demoWardIds(client);
    vhxh = units.VHXH;
    const procedure = await client.post('coordinator', '/procedures', {
      code: '1.000894',
      name: 'Đăng ký khai sinh',
      processingDays: 5,
      handlingUnitId: vhxh,
    });
    expect(procedure.status).toBe(201);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('reads a receipt time without a time zone as Vietnam time, never UTC', async () => {
    // 23:30 on 11/02 in Vietnam; read as UTC it would be 06:30 on 12/02.
    const created = await client.post('one_stop_officer', '/dossiers', {
      ...dossier('TZ-0001', '2026-02-11T23:30:00'),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ receivedOn: '2026-02-11', appointmentDate: '2026-02-25' });
    const bad = await client.post('one_stop_officer', '/dossiers', {
      ...dossier('TZ-0002', '2026-02-30T09:00:00'),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('receivedAt');
    await ok('one_stop_officer', 'TZ-0001', { type: 'WITHDRAW', reason: 'Người nộp rút hồ sơ' });
  });

  it('keeps dossier codes per ward: another ward’s code is neither refused nor revealed', async () => {
    const wardId = randomUUID();
    const unitId = randomUUID();
    const procedureId = randomUUID();
    const now = new Date();
    await db.query("INSERT INTO wards (id, code, name) VALUES (?, 'other', 'Phường Khác')", [
      wardId,
    ]);
    await db.query("INSERT INTO org_units (id, ward_id, code, name) VALUES (?, ?, 'VHXH', 'VH')", [
      unitId,
      wardId,
    ]);
    await db.query(
      `INSERT INTO procedures (id, ward_id, code, name, processing_days, handling_unit_id,
         created_at, updated_at) VALUES (?, ?, '1.000894', 'Đăng ký khai sinh', 5, ?, ?, ?)`,
      [procedureId, wardId, unitId, now, now],
    );
    await db.query(
      `INSERT INTO tthc_dossiers (id, ward_id, code, procedure_id, applicant_name, received_at,
         received_on, handling_unit_id, state, original_appointment_date, appointment_date,
         content_hash, version, machine_version, snapshot, created_at, updated_at)
       VALUES (?, ?, 'SHARED-0001', ?, 'Người ở phường khác', ?, '2026-02-12', ?, 'received',
         '2026-02-26', '2026-02-26', REPEAT('0', 64), 1, 1, '{}', ?, ?)`,
      [randomUUID(), wardId, procedureId, now, unitId, now, now],
    );
    const ours = await client.post('one_stop_officer', '/dossiers', dossier('SHARED-0001'));
    expect(ours.status).toBe(201);
    expect(ours.body.applicant.name).toBe('Nguyễn Thị Hằng');
    const changed = await client.post('one_stop_officer', '/dossiers', {
      ...dossier('SHARED-0001'),
      applicant: { name: 'Trần Văn Bình' },
    });
    expect(changed.status).toBe(409);
    expect(JSON.stringify(changed.body)).not.toContain('Phường Khác');
    expect(JSON.stringify(changed.body)).not.toContain('Người ở phường khác');
    await ok('one_stop_officer', 'SHARED-0001', { type: 'WITHDRAW', reason: 'Thử nghiệm' });
  });

  it('phase 1: early, on time, slips before and after the appointment, no timer', async () => {
    for (const code of ['E', 'O', 'S', 'L', 'R']) {
      const created = await client.post('one_stop_officer', '/dossiers', dossier(code));
      expect(created.status).toBe(201);
      expect(created.body.appointmentDate).toBe('2026-02-26');
    }
    clock.set(DAY('2026-02-13'));
    for (const code of ['E', 'O', 'S']) await ok('officer', code, { type: 'START_PROCESSING' });

    clock.set(DAY('2026-02-24'));
    // A proposed date on a weekend is refused, naming the field.
    const saturday = await send('officer', 'S', {
      type: 'REPORT_DELAY',
      reason: 'Chờ kết quả xác minh',
      proposedDate: '2026-02-28',
    });
    expect(saturday.status).toBe(400);
    expect(JSON.stringify(saturday.body)).toContain('proposedDate');
    await ok('officer', 'S', {
      type: 'REPORT_DELAY',
      reason: 'Chờ kết quả xác minh',
      proposedDate: '2026-03-05',
    });

    clock.set(DAY('2026-02-25'));
    await ok('officer', 'E', { type: 'RECORD_RESULT' });
    await ok('one_stop_officer', 'E', { type: 'RETURN_RESULT' });
    const sunday = await send('unit_head', 'S', {
      type: 'APPROVE_APOLOGY',
      newAppointmentDate: '2026-03-01',
    });
    expect(sunday.status).toBe(400);
    expect(JSON.stringify(sunday.body)).toContain('newAppointmentDate');
    await ok('unit_head', 'S', { type: 'APPROVE_APOLOGY', newAppointmentDate: '2026-03-05' });

    clock.set(DAY('2026-02-26', '16:00'));
    await ok('officer', 'O', { type: 'RECORD_RESULT' });
    await ok('one_stop_officer', 'O', { type: 'RETURN_RESULT' });

    // L is first touched the day after its appointment: the event itself records the miss.
    clock.set(DAY('2026-02-27'));
    const late = await ok('officer', 'L', { type: 'START_PROCESSING' });
    expect(late).toMatchObject({ overdue: true, late: true, appointmentDate: '2026-02-26' });
    clock.set(DAY('2026-03-02'));
    await ok('unit_head', 'L', {
      type: 'APPROVE_APOLOGY',
      newAppointmentDate: '2026-03-10',
      reason: 'Chờ ý kiến của cơ quan cấp trên',
    });
  });

  it('issue 11 repro: five events after the missed appointment, before any timer, end late', async () => {
    clock.set(DAY('2026-11-29'));
    await ok('one_stop_officer', 'R', { type: 'START_PROCESSING' });
    const paused = await ok('officer', 'R', {
      type: 'REQUEST_SUPPLEMENT',
      reason: 'Thiếu bản sao giấy tờ tùy thân',
    });
    expect(paused).toMatchObject({ state: 'supplementRequested', overdue: true, late: true });
    // The working days overrun since 26/02 stay overrun.
    expect(paused.clockStopped.remainingWorkingDays).toBeLessThan(-150);
    const resumed = await ok('one_stop_officer', 'R', { type: 'SUPPLEMENT_RECEIVED' });
    // The overrun stays: no new appointment (and never a Sunday such as 29/11/2026).
    expect(resumed).toMatchObject({ appointmentDate: '2026-02-26', overdue: true });
    await ok('officer', 'R', { type: 'RECORD_RESULT' });
    const returned = await ok('one_stop_officer', 'R', { type: 'RETURN_RESULT' });
    expect(returned).toMatchObject({ state: 'returned', late: true });
    // One apology round, started by the first event after the appointment, owed still.
    expect(returned).toMatchObject({
      apologyRound: 1,
      apologyPending: { round: 1, reason: 'overdue', appointmentDate: '2026-02-26' },
    });
  });

  it('counts early, on time and late apart, and late ones by when their slip was issued', async () => {
    // The worker drafts and issues the slips signed above (and fires S's and L's new
    // appointments, which are past: that starts their second rounds, changing no figure here).
    worker = await startWorker(clock);
    await eventually(
      async () => {
        const [{ issued }] = await db.query(
          "SELECT COUNT(*) AS issued FROM apology_slips WHERE round = 1 AND status = 'issued'",
        );
        return Number(issued) === 2;
      },
      30_000,
      'the slips of S and L to be issued',
    );
    const stats = await client.get('leader', `/stats/dossiers?unitId=${vhxh}&to=2026-02-28`);
    expect(stats.status).toBe(200);
    expect(stats.body.overall).toEqual({
      received: 7,
      returnedEarly: 1,
      returnedOnTime: 1,
      returnedLate: 1,
      // S and L; the two withdrawn are neither returned nor pending.
      pending: 2,
      openOverdue: 2,
      pendingInTime: 0,
      onTimeRate: 2 / 3,
      overdue: 3,
      overdueSlipBeforeAppointment: 1,
      overdueSlipAfterAppointment: 1,
      overdueWithoutSlip: 1,
      overdueWithIssuedSlip: 2,
      apologyCoverage: 2 / 3,
    });
  });

  /*
   * Issue 13: figures as of a cut-off count what was late, overdue and apologised for by then.
   * B (received 30/11, appointment 07/12) is missed by the timer, its slip signed on 09/12 and
   * returned on 14/12; A and M (received 03/12, appointment 10/12) are missed by the timer, A
   * returned on 14/12, M still open. As of 08/12 only B was overdue, without a slip yet.
   */
  it('counts lateness and slips as of the cut-off, not as they stand when compiled', async () => {
    const quiet = () =>
      eventually(
        async () => Number((await db.query(PENDING_WORK_SQL, [clock.now()]))[0].n) === 0,
        30_000,
        'an empty outbox and no due timer',
      );
    const moveTo = async (date: string) => {
      clock.set(DAY(date));
      await quiet();
    };
    worker ??= await startWorker(clock);
    await moveTo('2026-11-30');
    const b = await client.post(
      'one_stop_officer',
      '/dossiers',
      dossier('K-B', '2026-11-30T08:00:00+07:00'),
    );
    expect(b.body).toMatchObject({ appointmentDate: '2026-12-07' });
    await ok('officer', 'K-B', { type: 'START_PROCESSING' });
    await moveTo('2026-12-03');
    for (const code of ['K-A', 'K-M']) {
      const created = await client.post(
        'one_stop_officer',
        '/dossiers',
        dossier(code, '2026-12-03T08:00:00+07:00'),
      );
      expect(created.body).toMatchObject({ appointmentDate: '2026-12-10' });
      await ok('officer', code, { type: 'START_PROCESSING' });
    }
    // The timer marks B overdue at the end of 07/12; its slip is signed and issued on 09/12.
    await moveTo('2026-12-09');
    expect(await view('K-B')).toMatchObject({ overdue: true, apologyRound: 1 });
    await ok('unit_head', 'K-B', {
      type: 'APPROVE_APOLOGY',
      newAppointmentDate: '2026-12-16',
      reason: 'Chờ ý kiến của cơ quan cấp trên',
    });
    await quiet();
    // A and M are marked overdue at the end of 10/12; A and B are returned on 14/12.
    await moveTo('2026-12-11');
    for (const code of ['K-A', 'K-M']) expect(await view(code)).toMatchObject({ overdue: true });
    await moveTo('2026-12-14');
    for (const code of ['K-A', 'K-B']) {
      await ok('officer', code, { type: 'RECORD_RESULT' });
      await ok('one_stop_officer', code, { type: 'RETURN_RESULT' });
    }
    await quiet();
    const [{ wardId }] = await db.query(
      "SELECT ward_id AS wardId FROM tthc_dossiers WHERE code = 'K-B'",
    );
    const [slip] = await db.query(
      "SELECT s.status, s.issued_on FROM apology_slips s JOIN tthc_dossiers d ON d.id = s.dossier_id WHERE d.code = 'K-B'",
    );
    expect(slip).toEqual({ status: 'issued', issued_on: '2026-12-09' });
    const stats = api.get(DossierStatsService);
    const asOf = async (cutoff?: string) =>
      (
        await stats.figures(
          wardId,
          { from: '2026-11-30' },
          cutoff ? new Date(`${cutoff}T23:59:59.999+07:00`) : undefined,
        )
      ).overall;
    const none = { returnedEarly: 0, returnedOnTime: 0, onTimeRate: null };
    // 08/12: B overdue (its appointment over, its slip not yet issued); A returned late after
    // the cut-off and M marked after it, both with appointments still to come: open, in time.
    expect(await asOf('2026-12-08')).toEqual({
      ...none,
      received: 3,
      returnedLate: 0,
      pending: 3,
      openOverdue: 1,
      pendingInTime: 2,
      overdue: 1,
      overdueSlipBeforeAppointment: 0,
      overdueSlipAfterAppointment: 0,
      overdueWithoutSlip: 1,
      overdueWithIssuedSlip: 0,
      apologyCoverage: 0,
    });
    // 10/12, the appointment day of A and M: all three open and overdue; B's slip counts.
    expect(await asOf('2026-12-10')).toEqual({
      ...none,
      received: 3,
      returnedLate: 0,
      pending: 3,
      openOverdue: 3,
      pendingInTime: 0,
      overdue: 3,
      overdueSlipBeforeAppointment: 0,
      overdueSlipAfterAppointment: 1,
      overdueWithoutSlip: 2,
      overdueWithIssuedSlip: 1,
      apologyCoverage: 1 / 3,
    });
    // Now: A and B returned late, M open and overdue.
    expect(await asOf()).toEqual({
      received: 3,
      returnedEarly: 0,
      returnedOnTime: 0,
      returnedLate: 2,
      pending: 1,
      openOverdue: 1,
      pendingInTime: 0,
      onTimeRate: 0,
      overdue: 3,
      overdueSlipBeforeAppointment: 0,
      overdueSlipAfterAppointment: 1,
      overdueWithoutSlip: 2,
      overdueWithIssuedSlip: 1,
      apologyCoverage: 1 / 3,
    });
    // The next dossiers are received on 27/11, their appointments already past by this clock:
    // no timer may race their events.
    await worker?.close();
    worker = null;
  });

  it('concurrent receipts and events on overlapping dossiers never answer 5xx', async () => {
    const receivedAt = '2026-11-27T08:00:00+07:00';
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      // 5 dossiers received already, 20 arriving now (each sent twice), 10 events at once.
      const code = (index: number) => `C${round}-${String(index).padStart(4, '0')}`;
      const existing = [0, 1, 2, 3, 4].map(code);
      for (const known of existing) {
        const created = await client.post(
          'one_stop_officer',
          '/dossiers',
          dossier(known, receivedAt),
        );
        expect(created.status).toBe(201);
      }
      const versions = await Promise.all(
        existing.map(async (known) => (await view(known)).version),
      );
      const arriving = Array.from({ length: 20 }, (_, index) => code(index + 5));
      const responses = await Promise.all([
        ...[...arriving, ...arriving, ...existing].map((next) =>
          client.post('one_stop_officer', '/dossiers', dossier(next, receivedAt)),
        ),
        ...existing.flatMap((known, index) => [
          client.post('officer', `/dossiers/${known}/events`, {
            type: 'START_PROCESSING',
            version: versions[index],
          }),
          client.post('one_stop_officer', `/dossiers/${known}/events`, {
            type: 'WITHDRAW',
            reason: 'Người nộp rút hồ sơ',
            version: versions[index],
          }),
        ]),
      ]);
      statuses.push(...responses.map((response) => response.status));
      // Of each pair of events at one version, exactly one is applied.
      const events = responses.slice(45).map((response) => response.status);
      expect(events.filter((status) => status === 200)).toHaveLength(5);
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    const [{ count }] = await db.query(
      "SELECT COUNT(*) AS count FROM tthc_dossiers WHERE code LIKE 'C_-%'",
    );
    expect(Number(count)).toBe(75);
  });

  it('counts a dossier rejected or withdrawn after a cut-off as pending at it', async () => {
    clock.set(DAY('2026-12-14'));
    for (const code of ['R-1', 'R-2']) {
      const created = await client.post(
        'one_stop_officer',
        '/dossiers',
        dossier(code, '2026-12-14T08:00:00+07:00'),
      );
      expect(created.status).toBe(201);
    }
    await ok('officer', 'R-1', { type: 'START_PROCESSING' });
    // Withdrawn at 06:30 on 17/12, Vietnam time (23:30 on 16/12 UTC): its day is the 17th.
    clock.set(DAY('2026-12-17', '06:30'));
    await ok('one_stop_officer', 'R-1', { type: 'WITHDRAW', reason: 'Người nộp rút hồ sơ' });
    clock.set(DAY('2026-12-18'));
    await ok('unit_head', 'R-2', { type: 'REJECT', reason: 'Hồ sơ không thuộc thẩm quyền' });
    const closed = async () =>
      (await db.query(
        `SELECT code, state, closed_on, JSON_VALUE(snapshot, '$.context.closedOn') AS closedOn
         FROM tthc_dossiers WHERE code IN ('R-1', 'R-2') ORDER BY code`,
      )) as { code: string; state: string; closed_on: string; closedOn: string }[];
    const days = [
      { code: 'R-1', state: 'withdrawn', closed_on: '2026-12-17', closedOn: '2026-12-17' },
      { code: 'R-2', state: 'rejected', closed_on: '2026-12-18', closedOn: '2026-12-18' },
    ];
    expect(await closed()).toEqual(days);
    const [{ demoWard }] = await db.query(
      "SELECT ward_id AS demoWard FROM tthc_dossiers WHERE code = 'R-1'",
    );
    const stats = api.get(DossierStatsService);
    const asOf = async (cutoff?: string) =>
      (
        await stats.figures(
          demoWard,
          { from: '2026-12-14', to: '2026-12-14' },
          cutoff ? new Date(`${cutoff}T23:59:59.999+07:00`) : undefined,
        )
      ).overall;
    const figures = async () =>
      Promise.all(['2026-12-16', '2026-12-17', '2026-12-18', undefined].map(asOf));
    // In hand, in time, until the day each closed; then neither returned nor pending.
    const expected = [2, 1, 0, 0].map((pending) => ({
      received: 2,
      pending,
      pendingInTime: pending,
      returnedLate: 0,
      overdue: 0,
    }));
    expect(await figures()).toMatchObject(expected);
    // Dossiers closed before the column existed get their days from the audit events that
    // closed them, in Vietnam time, into their snapshots too; the counts follow.
    const migration = db.migrations.find((m) => m.name === 'DossierClosedOn1763804400000')!;
    const queryRunner = db.createQueryRunner();
    try {
      await migration.down(queryRunner);
      const columns = (await db.query('SHOW COLUMNS FROM tthc_dossiers')) as { Field: string }[];
      expect(columns.map((column) => column.Field)).not.toContain('closed_on');
      await migration.up(queryRunner);
    } finally {
      await queryRunner.release();
    }
    expect(await closed()).toEqual(days);
    expect(await figures()).toMatchObject(expected);
  });
});
