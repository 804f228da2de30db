import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { DossierContext } from '@cchc/domain';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';
import { demoWardIds } from './support/demo-ward-ids';
import { redoMigration } from './support/redo-migration';

/*
 * The dossier list's filters (issue 16: each reads its own index, `apology_status` and
 * `may_be_overdue` are stored), checked against the same question answered in JavaScript from
 * each dossier's snapshot. The API runs alone, so no timer fires: a missed appointment is
 * caught by the next event's date. Another ward holds a copy of every dossier, so a filter
 * that lost the ward would show twice as many rows.
 */
const DAY = (date: string, time = '10:00') => new Date(`${date}T${time}:00+07:00`);
const RECEIPT_DAYS = ['02-02', '02-03', '02-05', '02-09', '02-11', '02-12', '02-23', '02-25'];

interface Row {
  id: string;
  code: string;
  applicant_name: string;
  received_at: Date;
  apology_status: string;
  may_be_overdue: number;
  snapshot: { value: string; context: DossierContext };
}

interface Page {
  items: { code: string; overdue: boolean }[];
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
}

type Filter = Record<string, string>;

/** The list's answer to `filter`, computed from snapshots: its codes in the list's order. */
function expected(rows: Row[], filter: Filter, today: string): string[] {
  const matches = (row: Row): boolean => {
    const state = row.snapshot.value;
    const context = row.snapshot.context;
    const overdue =
      mayBeOverdue(state, context) && (context.overdue || context.appointmentDate < today);
    return Object.entries(filter).every(([name, value]) => {
      switch (name) {
        case 'state':
          return state === value;
        case 'handlingUnitId':
          return context.handlingUnitId === value;
        case 'receivedFrom':
          return context.receivedOn >= value;
        case 'receivedTo':
          return context.receivedOn <= value;
        case 'appointmentFrom':
          return context.appointmentDate >= value;
        case 'appointmentTo':
          return context.appointmentDate <= value;
        case 'apology':
          return apologyOf(context) === value;
        case 'overdue':
          return overdue === (value === 'true');
        case 'q':
          return searched(row, value);
        default:
          throw new Error(`no expectation for ${name}`);
      }
    });
  };
  const key = (row: Row) => [
    row.snapshot.context.appointmentDate,
    row.received_at.toISOString(),
    row.id,
  ];
  return rows
    .filter(matches)
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const i = x.findIndex((value, n) => value !== y[n]);
      return i < 0 ? 0 : x[i] < y[i] ? -1 : 1;
    })
    .map((row) => row.code);
}

/** A name or code as a person compares them: no case, no diacritics, "đ" as "d", one space. */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * `?q=`: one word with a digit is the start of a code (case-insensitive), anything else the start
 * of the applicant's name, whatever its case, diacritics and spacing.
 */
function searched(row: Row, q: string): boolean {
  const text = q.replace(/\s+/g, ' ').trim();
  if (!text) return true;
  return !text.includes(' ') && /\d/.test(text)
    ? row.code.toLowerCase().startsWith(text.toLowerCase())
    : plain(row.applicant_name).startsWith(plain(text));
}

/**
 * Judged by its appointment as the figures judge it: in hand (the result not yet handed over
 * included), or waiting for a supplement after missing it.
 */
function mayBeOverdue(state: string, context: DossierContext): boolean {
  return (
    ['received', 'processing', 'resultReady'].includes(state) ||
    (state === 'supplementRequested' && context.overdue)
  );
}

function apologyOf(context: DossierContext): string {
  if (context.apologyRound === 0) return 'none';
  return context.apologyPending ? 'pending' : 'signed';
}

describe('Dossier list filters, ward isolation and cursor paging', () => {
  const clock = new ManualClock(DAY('2026-03-02'));
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;
  let wardId: string;
  let vhxh: string;
  let kthtdt: string;

  const today = () => clock.now().toISOString().slice(0, 10);
  const rows = async (ward = wardId): Promise<Row[]> =>
    (
      (await db.query(
        `SELECT id, code, applicant_name, received_at, apology_status, may_be_overdue, snapshot
         FROM tthc_dossiers WHERE ward_id = ?`,
        [ward],
      )) as (Omit<Row, 'snapshot'> & { snapshot: string | Row['snapshot'] })[]
    ).map((row) => ({
      ...row,
      received_at: new Date(row.received_at),
      snapshot: typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot,
    }));

  /** Every stored fact agrees with the snapshot it was derived from. */
  const expectStoredFacts = async () => {
    const stored = await rows();
    expect(
      stored.map((row) => ({
        code: row.code,
        apology: row.apology_status,
        mayBeOverdue: Boolean(row.may_be_overdue),
      })),
    ).toEqual(
      stored.map((row) => ({
        code: row.code,
        apology: apologyOf(row.snapshot.context),
        mayBeOverdue: mayBeOverdue(row.snapshot.value, row.snapshot.context),
      })),
    );
  };

  const view = async (code: string) => (await client.get('officer', `/dossiers/${code}`)).body;
  const ok = async (user: string, code: string, body: Record<string, unknown>) => {
    const response = await client.post(user, `/dossiers/${code}/events`, {
      ...body,
      version: (await view(code)).version,
    });
    expect({ code, type: body.type, status: response.status, body: response.body }).toEqual({
      code,
      type: body.type,
      status: 200,
      body: response.status === 200 ? response.body : {},
    });
    await expectStoredFacts();
    return response.body;
  };

  /** Every page of the list by cursor (`pageSize` rows each), and the first page's count. */
  const walk = async (filter: Filter, pageSize: number) => {
    const codes: string[] = [];
    const flaggedOverdue: string[] = [];
    let first: Page | null = null;
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ ...filter, pageSize: String(pageSize) });
      if (cursor) query.set('cursor', cursor);
      const response = await client.get('one_stop_officer', `/dossiers?${query}`);
      expect(response.status).toBe(200);
      const page = response.body as Page;
      first ??= page;
      codes.push(...page.items.map((item) => item.code));
      flaggedOverdue.push(...page.items.filter((item) => item.overdue).map((item) => item.code));
      cursor = page.nextCursor;
    } while (cursor);
    return { codes, flaggedOverdue, first: first as Page };
  };

  beforeAll(async () => {
    await freshEnvironment('dossier_list');
    api = await startApi(clock);
    db = api.get(DataSource);
    client = new ApiClient(api.getHttpServer());
    const { units } = await demoWardIds(client);
    vhxh = units.VHXH;
    kthtdt = units.KTHTDT;
    for (const procedure of [
      { code: '1.000894', name: 'Đăng ký khai sinh', processingDays: 5, handlingUnitId: vhxh },
      {
        code: '2.001000',
        name: 'Cấp giấy phép xây dựng',
        processingDays: 10,
        handlingUnitId: kthtdt,
      },
    ]) {
      expect((await client.post('coordinator', '/procedures', procedure)).status).toBe(201);
    }
    // Two dossiers a receipt day of each unit, the pairs received in the same minute (the id
    // breaks the tie of appointment and receipt time).
    for (const [n, day] of RECEIPT_DAYS.entries()) {
      for (const [k, procedureCode] of ['1.000894', '1.000894', '2.001000', '2.001000'].entries()) {
        const created = await client.post('one_stop_officer', '/dossiers', {
          code: `DL-${n}${k}`,
          procedureCode,
          applicant: { name: 'Nguyễn Thị Hằng' },
          receivedAt: `2026-${day}T0${8 + (k >> 1)}:15:00+07:00`,
        });
        expect(created.status).toBe(201);
      }
    }
    wardId = (await db.query("SELECT id FROM wards WHERE code = 'demo'"))[0].id;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('keeps the stored apology status and overdue basis with every transition that changes them', async () => {
    await expectStoredFacts();
    // Past its appointment: the first event marks it overdue and opens a pending slip.
    expect(await ok('officer', 'DL-00', { type: 'START_PROCESSING' })).toMatchObject({
      overdue: true,
      apologyRound: 1,
    });
    // Signed: the round is no longer pending.
    await ok('unit_head', 'DL-00', {
      type: 'APPROVE_APOLOGY',
      newAppointmentDate: '2026-03-10',
      reason: 'Chờ xác minh của Công an phường',
    });
    // A delay reported before the appointment opens a slip too.
    await ok('officer', 'DL-70', { type: 'START_PROCESSING' });
    await ok('officer', 'DL-70', {
      type: 'REPORT_DELAY',
      reason: 'Chờ xác minh',
      proposedDate: '2026-03-20',
    });
    // Returning the result leaves a slip nobody signed pending.
    await ok('officer', 'DL-11', { type: 'START_PROCESSING' });
    await ok('officer', 'DL-11', { type: 'RECORD_RESULT' });
    await ok('one_stop_officer', 'DL-11', { type: 'RETURN_RESULT' });
    await ok('officer', 'DL-61', { type: 'START_PROCESSING' });
    await ok('officer', 'DL-61', { type: 'RECORD_RESULT' });
    await ok('one_stop_officer', 'DL-61', { type: 'RETURN_RESULT' });
    // Waiting for a supplement, rejected, withdrawn, result ready: the clock no longer runs.
    await ok('officer', 'DL-71', { type: 'START_PROCESSING' });
    await ok('officer', 'DL-71', { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao giấy tờ' });
    await ok('officer', 'DL-60', { type: 'START_PROCESSING' });
    await ok('unit_head', 'DL-60', { type: 'REJECT', reason: 'Không đủ điều kiện' });
    await ok('one_stop_officer', 'DL-12', { type: 'WITHDRAW', reason: 'Người nộp rút hồ sơ' });
    await ok('officer', 'DL-31', { type: 'START_PROCESSING' });
    await ok('officer', 'DL-31', { type: 'RECORD_RESULT' });
    await ok('officer', 'DL-51', { type: 'START_PROCESSING' });
    await ok('officer', 'DL-41', { type: 'START_PROCESSING' });
    await ok('unit_head', 'DL-41', {
      type: 'APPROVE_APOLOGY',
      newAppointmentDate: '2026-03-20',
      reason: 'Chờ ý kiến của cơ quan liên quan',
    });
    // Received today, due in a week: a result recorded in time and then not collected by the
    // appointment (overdue, unmarked); a supplement asked for in time and still awaited after it
    // (not overdue: the time the citizen takes does not count).
    for (const code of ['DL-90', 'DL-91']) {
      const received = await client.post('one_stop_officer', '/dossiers', {
        code,
        procedureCode: '1.000894',
        applicant: { name: 'Trần Văn Bình' },
        receivedAt: '2026-03-02T08:30:00+07:00',
      });
      expect(received.status).toBe(201);
    }
    await ok('officer', 'DL-90', { type: 'START_PROCESSING' });
    await ok('officer', 'DL-90', { type: 'RECORD_RESULT' });
    await ok('officer', 'DL-91', { type: 'START_PROCESSING' });
    await ok('officer', 'DL-91', { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản vẽ sơ đồ' });
    // The supplement arrives; then a signed appointment is missed too: a second pending round.
    clock.set(DAY('2026-03-11'));
    await ok('one_stop_officer', 'DL-71', { type: 'SUPPLEMENT_RECEIVED' });
    expect(await ok('officer', 'DL-00', { type: 'RECORD_RESULT' })).toMatchObject({
      apologyRound: 2,
    });
    await ok('one_stop_officer', 'DL-00', { type: 'RETURN_RESULT' });
    // Its appointment missed, then a supplement asked for: overdue while the citizen supplements.
    await ok('officer', 'DL-50', { type: 'START_PROCESSING' });
    await ok('officer', 'DL-50', { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu tờ khai có chữ ký' });
    expect(
      (await rows())
        .filter((row) => ['DL-90', 'DL-91', 'DL-50'].includes(row.code))
        .map(({ code, snapshot }) => [code, snapshot.value, snapshot.context.overdue])
        .sort(),
    ).toEqual([
      ['DL-50', 'supplementRequested', true],
      ['DL-90', 'resultReady', false],
      ['DL-91', 'supplementRequested', false],
    ]);
    const statuses = new Set((await rows()).map((row) => row.apology_status));
    expect([...statuses].sort()).toEqual(['none', 'pending', 'signed']);
  });

  it('answers every filter with exactly the matching rows of the ward, in order, page by page', async () => {
    // Another ward with a copy of every dossier, identical in every filtered column.
    const otherWard = randomUUID();
    await db.query("INSERT INTO wards (id, code, name) VALUES (?, 'list-other', 'Phường Khác')", [
      otherWard,
    ]);
    await db.query(
      `INSERT INTO tthc_dossiers (id, ward_id, code, procedure_id, applicant_name, received_at,
         received_on, handling_unit_id, state, original_appointment_date, appointment_date,
         overdue, apology_round, result_on, returned_on, late, late_on, content_hash, version,
         machine_version, snapshot, created_at, updated_at)
       SELECT UUID(), ?, code, procedure_id, applicant_name, received_at, received_on,
         handling_unit_id, state, original_appointment_date, appointment_date, overdue,
         apology_round, result_on, returned_on, late, late_on, content_hash, version,
         machine_version, snapshot, created_at, updated_at
       FROM tthc_dossiers WHERE ward_id = ?`,
      [otherWard, wardId],
    );
    const copies = await rows(otherWard);
    expect(copies.length).toBe(RECEIPT_DAYS.length * 4 + 2);
    const ours = await rows();
    const filters: Filter[] = [
      {},
      { state: 'processing' },
      { state: 'received' },
      { handlingUnitId: vhxh },
      { handlingUnitId: kthtdt },
      { receivedFrom: '2026-02-05', receivedTo: '2026-02-11' },
      { receivedFrom: '2026-02-23' },
      { receivedTo: '2026-02-03' },
      { appointmentFrom: '2026-02-26', appointmentTo: '2026-03-12' },
      { apology: 'none' },
      { apology: 'pending' },
      { apology: 'signed' },
      { overdue: 'true' },
      { overdue: 'false' },
      { apology: 'pending', overdue: 'true' },
      { handlingUnitId: vhxh, receivedFrom: '2026-02-09', receivedTo: '2026-02-25' },
      { handlingUnitId: kthtdt, overdue: 'true' },
      { state: 'returned', apology: 'pending' },
      { state: 'resultReady', overdue: 'true' },
      { state: 'supplementRequested', overdue: 'true' },
      { state: 'supplementRequested', overdue: 'false' },
    ];
    for (const filter of filters) {
      const codes = expected(ours, filter, today());
      const whole = await walk(filter, 100);
      const paged = await walk(filter, 3);
      expect({ filter, codes: whole.codes }).toEqual({ filter, codes });
      expect({ filter, codes: paged.codes }).toEqual({ filter, codes });
      expect({ filter, total: whole.first.total, capped: whole.first.totalCapped }).toEqual({
        filter,
        total: codes.length,
        capped: false,
      });
      expect({ filter, total: paged.first.total }).toEqual({ filter, total: codes.length });
    }
    // The filters above are not vacuous: each apology status and overdue both ways have rows.
    const nonEmpty: Filter[] = [
      { apology: 'pending' },
      { apology: 'signed' },
      { overdue: 'true' },
      { overdue: 'false' },
      { apology: 'pending', overdue: 'true' },
      { state: 'returned', apology: 'pending' },
      { state: 'resultReady', overdue: 'true' },
      { state: 'supplementRequested', overdue: 'true' },
      { state: 'supplementRequested', overdue: 'false' },
    ];
    for (const filter of nonEmpty) {
      expect({ filter, some: expected(ours, filter, today()).length > 0 }).toEqual({
        filter,
        some: true,
      });
    }
    const bad = await client.get('one_stop_officer', '/dossiers?apology=maybe');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('apology');
  });

  it("lists as overdue exactly the dossiers the ward's figures count overdue, in all and by unit", async () => {
    const stats = (await client.get('leader', '/stats/dossiers')).body as {
      overall: { openOverdue: number };
      units: { unitId: string; openOverdue: number }[];
    };
    const listed = async (filter: Filter) =>
      (await walk({ overdue: 'true', ...filter }, 100)).codes;
    expect(stats.overall.openOverdue).toBeGreaterThan(0);
    const overdue = await listed({});
    expect(overdue.length).toBe(stats.overall.openOverdue);
    for (const { unitId, openOverdue } of stats.units) {
      expect({ unitId, listed: (await listed({ handlingUnitId: unitId })).length }).toEqual({
        unitId,
        listed: openOverdue,
      });
    }
    // Each row says "overdue" exactly when the filter lists it, as does the dossier's own page
    // (DL-90: a result past its appointment that no timer marks).
    expect((await walk({}, 100)).flaggedOverdue).toEqual(overdue);
    expect(overdue).toContain('DL-90');
    const single = await client.get('one_stop_officer', '/dossiers/DL-90');
    expect(single.body).toMatchObject({ state: 'resultReady', overdue: true });
    // The migration that brought the column fills it for the dossiers already there.
    await redoMigration(db, 'DossierListOverdue1763804600000');
    await expectStoredFacts();
    expect(await listed({})).toEqual(overdue);
  });

  it('finds dossiers by the start of their code or applicant name, with every other filter, page by page', async () => {
    // Names as people write them (both wards: each dossier's copy gets the same): another case,
    // runs of spaces, no-break spaces (one leading: TRIM alone keeps it), "Đ", decomposed diacritics (as some systems
    // send them), an organisation.
    const names = [
      'Nguyễn Văn An',
      'Nguyễn Văn Anh',
      'Nguyễn  Văn   Ánh',
      'NGUYỄN THỊ HẰNG',
      'Đặng Đức Dũng',
      'Dương Văn Đạt',
      'Le\u0302 Thi\u0323 Hoa',
      'Trần Văn Bình',
      '\u00a0Công ty\u00a0TNHH 3A',
    ];
    const codes = [...new Set((await rows()).map((row) => row.code))].sort();
    for (const [i, code] of codes.entries()) {
      await db.query('UPDATE tthc_dossiers SET applicant_name = ? WHERE code = ?', [
        names[i % names.length],
        code,
      ]);
    }
    const ours = await rows();
    const found = (q: string) => expected(ours, { q }, today());
    const named = (q: string) =>
      [
        ...new Set(found(q).map((code) => ours.find((row) => row.code === code)?.applicant_name)),
      ].sort();
    // What each way of typing finds, said outright (the expectation's own rule is checked below).
    expect(named('nguyen van a')).toEqual(['Nguyễn  Văn   Ánh', 'Nguyễn Văn An', 'Nguyễn Văn Anh']);
    expect(named('Nguyễn Văn Anh')).toEqual(['Nguyễn  Văn   Ánh', 'Nguyễn Văn Anh']);
    expect(named('dang duc')).toEqual(['Đặng Đức Dũng']);
    expect(named('d')).toEqual(['Dương Văn Đạt', 'Đặng Đức Dũng']);
    expect(named('Lê Thị')).toEqual(['Le\u0302 Thi\u0323 Hoa']);
    expect(named('nguyễn thị hằng')).toEqual(['NGUYỄN THỊ HẰNG']);
    expect(named('cong ty tnhh')).toEqual(['\u00a0Công ty\u00a0TNHH 3A']);
    expect(found('dl-1')).toEqual(expect.arrayContaining(['DL-10', 'DL-11', 'DL-12', 'DL-13']));
    expect(found('DL-12')).toEqual(['DL-12']);
    const queries = [
      'nguyen van a',
      'Nguyễn Văn Anh',
      '  NGUYEN   van ',
      'dang duc',
      'd',
      'Lê Thị',
      'nguyễn thị hằng',
      'công ty tnhh 3a',
      'DL-1',
      'dl-12',
      'DL-9',
      'DL-12x',
      'DL-%',
      'nguyen_van',
      'Phạm',
    ];
    const filters: Filter[] = [
      ...queries.map((q) => ({ q })),
      { q: 'nguyen', state: 'processing' },
      { q: 'nguyen van', handlingUnitId: vhxh },
      { q: 'DL-2', receivedFrom: '2026-02-05', receivedTo: '2026-02-11' },
      { q: 'DL-1', overdue: 'true' },
      { q: 'nguyen', overdue: 'false', appointmentFrom: '2026-02-20' },
      { q: 'nguyen', apology: 'pending' },
      { q: 'cong ty', apology: 'signed' },
    ];
    for (const filter of filters) {
      const codes = expected(ours, filter, today());
      const whole = await walk(filter, 100);
      const paged = await walk(filter, 2);
      expect({ filter, codes: whole.codes }).toEqual({ filter, codes });
      expect({ filter, codes: paged.codes }).toEqual({ filter, codes });
      expect({ filter, total: whole.first.total }).toEqual({ filter, total: codes.length });
      expect({ filter, total: paged.first.total }).toEqual({ filter, total: codes.length });
    }
    // Not vacuous: the combined filters find some, and the wildcards typed find none.
    for (const filter of filters.slice(queries.length)) {
      expect({ filter, some: expected(ours, filter, today()).length > 0 }).toEqual({
        filter,
        some: true,
      });
    }
    expect(found('DL-%')).toEqual([]);
    expect(found('nguyen_van')).toEqual([]);
    // Blank is no search; too long is refused in Vietnamese, naming the parameter.
    expect((await walk({ q: '   ' }, 100)).codes).toEqual(expected(ours, {}, today()));
    const long = await client.get('one_stop_officer', `/dossiers?q=${'a'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body.message).toContain('q dài quá 100 ký tự');
    expect((await client.get('one_stop_officer', `/dossiers?q=${'a'.repeat(100)}`)).status).toBe(
      200,
    );
    // The migration that brought the search column fills it for the dossiers already there.
    await redoMigration(db, 'DossierListSearch1763804800000');
    for (const q of ['nguyen van a', 'Lê Thị', 'DL-1']) {
      expect({ q, codes: (await walk({ q }, 100)).codes }).toEqual({ q, codes: found(q) });
    }
  });

  it('caps the count at 1,000 for a filter and still pages every matching row', async () => {
    const [pending] = (await rows()).filter((row) => row.apology_status === 'pending');
    await db.query(
      `INSERT INTO tthc_dossiers (id, ward_id, code, procedure_id, applicant_name, received_at,
         received_on, handling_unit_id, state, original_appointment_date, appointment_date,
         overdue, apology_round, result_on, returned_on, late, late_on, content_hash, version,
         machine_version, snapshot, created_at, updated_at)
       SELECT UUID(), ward_id, CONCAT('CAP-', LPAD(s.seq, 4, '0')), procedure_id, applicant_name,
         received_at + INTERVAL s.seq SECOND, received_on, handling_unit_id, state,
         original_appointment_date, appointment_date, overdue, apology_round, result_on,
         returned_on, late, late_on, content_hash, version, machine_version, snapshot,
         created_at, updated_at
       FROM tthc_dossiers JOIN seq_1_to_1005 s WHERE id = ?`,
      [pending.id],
    );
    const codes = expected(await rows(), { apology: 'pending' }, today());
    expect(codes.length).toBeGreaterThan(1005);
    const walked = await walk({ apology: 'pending' }, 100);
    expect(walked.first).toMatchObject({ total: 1000, totalCapped: true });
    expect(walked.codes).toEqual(codes);
    // A search matching that many: walked along the list's index, counted up to the cap too.
    for (const filter of [{ q: pending.applicant_name }, { q: 'CAP-0' }, { q: 'cap-00' }]) {
      const matching = expected(await rows(), filter, today());
      const searched = await walk(filter, 100);
      expect({ filter, first: searched.first }).toMatchObject({
        filter,
        first: { total: Math.min(matching.length, 1000), totalCapped: matching.length > 1000 },
      });
      expect({ filter, codes: searched.codes }).toEqual({ filter, codes: matching });
    }
    expect(expected(await rows(), { q: 'cap-00' }, today()).length).toBe(99);
    // With another filter, a prefix matching over 1,000 walks the filter's index and counts to
    // 100 (each counted entry is checked); every row is still paged.
    for (const filter of [
      { q: pending.applicant_name, apology: 'pending' } as Filter,
      { q: pending.applicant_name, state: pending.snapshot.value },
    ]) {
      const matching = expected(await rows(), filter, today());
      expect(matching.length).toBeGreaterThan(100);
      const searched = await walk(filter, 100);
      expect({ filter, first: searched.first }).toMatchObject({
        filter,
        first: { total: 100, totalCapped: true },
      });
      expect({ filter, codes: searched.codes }).toEqual({ filter, codes: matching });
    }
  });
});
