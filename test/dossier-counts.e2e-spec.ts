import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, todayIn } from '@cchc/calendar';
import { ManualClock } from '@cchc/common';
import { dropMaintainingTriggers, refillMaintainedTables } from '@cchc/database';
import { DossierFigures, DossierStatsService } from '@cchc/dossiers';
import { freshEnvironment } from './support/e2e-env';
import { insertBareWards, seededRandom } from './support/random-province';
import { startApi } from './support/test-app';

/*
 * The maintained dossier counts against the dossiers themselves: a random province (two wards,
 * three units each) written every way rows get written — single and multi-row inserts, state
 * changes, slips drafted, issued, deleted, dossiers deleted — and then every figure the counts
 * give (by unit and overall, a unit alone, periods, cut-offs, the wards' year) compared with the
 * QĐ 766 definitions applied to the rows in plain code, and a period of partial months with a
 * COUNT over the dossiers. The counts filled in again after a bulk load (the triggers dropped,
 * as bench:http seeds) are those the triggers kept row by row.
 * DOSSIER_COUNTS_SEED replays a run.
 */
const SEED = Number(process.env.DOSSIER_COUNTS_SEED ?? Date.now() % 1_000_000);
const STATES = [
  'received',
  'processing',
  'supplementRequested',
  'resultReady',
  'returned',
  'returned',
  'returned',
  'rejected',
  'withdrawn',
];

/** In hand and judged by the appointment: the clock runs, or the result awaits handing over. */
const OPEN_STATES = ['received', 'processing', 'resultReady'];
/** In hand, not returned: may have been marked overdue (before a pause, before the result). */
const IN_HAND = [...OPEN_STATES, 'supplementRequested'];

const DAILY_KEY =
  'ward_id, received_on, unit_id, outcome, outcome_on, late, marked, slip, late_on, slip_on';
const MONTHLY_KEY = 'ward_id, received_month, unit_id, outcome, due_on, late, marked, slip';

const day = (offset: number) =>
  new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

interface Row {
  id: string;
  ward_id: string;
  handling_unit_id: string;
  received_on: string;
  state: string;
  appointment_date: string;
  overdue: number;
  returned_on: string | null;
  late: number;
  late_on: string | null;
  closed_on: string | null;
}
interface Slip {
  id: string;
  dossier_id: string;
  round: number;
  status: string;
  issued_on: string | null;
  missed_appointment_date: string;
}

/** The figures by their definitions (DossierFigures), from the rows, as of `cutoff` or now. */
function expected(
  rows: Row[],
  slips: Slip[],
  today: string,
  cutoff: string | null,
  judgedOn: string,
): Omit<DossierFigures, 'onTimeRate' | 'apologyCoverage'> {
  const figures = {
    received: 0,
    returnedEarly: 0,
    returnedOnTime: 0,
    returnedLate: 0,
    pending: 0,
    openOverdue: 0,
    pendingInTime: 0,
    overdue: 0,
    overdueSlipBeforeAppointment: 0,
    overdueSlipAfterAppointment: 0,
    overdueWithoutSlip: 0,
    overdueWithIssuedSlip: 0,
  };
  /** Happened by the end of the cut-off day (anything, without one). */
  const by = (day: string | null) => day !== null && (cutoff === null || day <= cutoff);
  for (const d of rows) {
    figures.received++;
    const returned = d.state === 'returned';
    // Returned, rejected or withdrawn only after the cut-off: in hand at it.
    const closedOn = returned ? d.returned_on : d.closed_on;
    const afterCutoff = closedOn !== null && cutoff !== null && closedOn > cutoff;
    if (returned && !afterCutoff) {
      if (d.late) figures.returnedLate++;
      else if ((d.returned_on as string) < d.appointment_date) figures.returnedEarly++;
      else figures.returnedOnTime++;
    }
    const lateBy = d.late === 1 && by(d.late_on);
    const open = OPEN_STATES.includes(d.state);
    const paused = d.state === 'supplementRequested';
    // Pending at the cut-off: in hand (neither returned, rejected nor withdrawn) or closed only after it.
    const pending = open || paused || afterCutoff;
    if (pending) figures.pending++;
    // Waiting for a supplement, the clock is stopped: overdue only if marked before the pause.
    const openOverdue =
      (open && ((d.overdue === 1 && lateBy) || d.appointment_date < (cutoff ? judgedOn : today))) ||
      (paused && d.overdue === 1 && lateBy) ||
      (afterCutoff && lateBy);
    if (openOverdue) figures.openOverdue++;
    else if (pending) figures.pendingInTime++;
    if (!(lateBy || openOverdue)) continue;
    figures.overdue++;
    // The first issued slip, counted only if issued by the cut-off.
    const [first] = slips
      .filter((s) => s.dossier_id === d.id && s.status === 'issued')
      .sort((a, b) => a.round - b.round)
      .filter((s) => by(s.issued_on));
    if (!first) figures.overdueWithoutSlip++;
    else if ((first.issued_on as string) <= first.missed_appointment_date)
      figures.overdueSlipBeforeAppointment++;
    else figures.overdueSlipAfterAppointment++;
    if (first) figures.overdueWithIssuedSlip++;
  }
  return figures;
}

describe(`Maintained dossier counts against the dossiers (seed ${SEED})`, () => {
  const clock = new ManualClock(new Date('2026-06-15T03:00:00Z'));
  const random = seededRandom(SEED);
  let api: INestApplication;
  let db: DataSource;
  let stats: DossierStatsService;
  const wards: { id: string; units: string[]; procedure: string }[] = [];

  beforeAll(async () => {
    await freshEnvironment('dossier_counts');
    api = await startApi(clock);
    db = api.get(DataSource);
    stats = api.get(DossierStatsService);
    for (const bare of await insertBareWards(db, ['p1', 'p2'])) {
      const ward = { ...bare, procedure: randomUUID() };
      await db.query(
        `INSERT INTO procedures (id, ward_id, code, name, processing_days, handling_unit_id,
           created_at, updated_at) VALUES (?, ?, '1.0', 'Thủ tục', 5, ?, NOW(3), NOW(3))`,
        [ward.procedure, ward.id, ward.units[0]],
      );
      wards.push(ward);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A random dossier row's mirrored columns, consistent as the machine keeps them. */
  const fate = () => {
    const received = random.int(160);
    const appointment = received + 3 + random.int(10);
    const state = random.pick(STATES);
    const overdue = IN_HAND.includes(state) ? random.int(3) === 0 : false;
    const returnedOn = state === 'returned' ? day(received + 1 + random.int(14)) : null;
    // Rejected or withdrawn some day after the receipt (around the cut-offs below).
    const closedOn = ['rejected', 'withdrawn'].includes(state)
      ? day(received + random.int(30))
      : null;
    const late = overdue || random.int(5) === 0 ? 1 : 0;
    // First late some day after the receipt (around the cut-offs below), by the return.
    const lateOn = day(received + 1 + random.int(30));
    const ended = returnedOn ?? closedOn;
    return {
      received_on: day(received),
      state,
      appointment_date: day(appointment),
      overdue: overdue ? 1 : 0,
      returned_on: returnedOn,
      late,
      late_on: late ? (ended !== null && ended < lateOn ? ended : lateOn) : null,
      closed_on: closedOn,
    };
  };

  type Fate = ReturnType<typeof fate>;

  /** A fate's columns from the appointment on, in the order the statements below write them. */
  const outcomeOf = (f: Fate) => [
    f.appointment_date,
    f.overdue,
    f.returned_on,
    f.late,
    f.late_on,
    f.closed_on,
  ];

  /** Dossiers of these wards with these mirrored columns, in one multi-row insert. */
  const insertRows = async (dossiers: { ward: (typeof wards)[number]; f: Fate }[]) => {
    const rows = dossiers.map(({ ward, f }) => [
      randomUUID(),
      ward.id,
      `HS-${SEED}-${random.next()}`,
      ward.procedure,
      f.received_on,
      random.pick(ward.units),
      f.state,
      f.appointment_date,
      ...outcomeOf(f),
    ]);
    await db.query(
      `INSERT INTO tthc_dossiers (id, ward_id, code, procedure_id, applicant_name, received_at,
         received_on, handling_unit_id, state, original_appointment_date, appointment_date,
         overdue, returned_on, late, late_on, closed_on, content_hash, version, machine_version,
         snapshot, created_at, updated_at)
       VALUES ${rows.map(() => "(?, ?, ?, ?, 'A', NOW(3), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, REPEAT('0', 64), 1, 1, '{}', NOW(3), NOW(3))").join(', ')}`,
      rows.flat(),
    );
  };

  const insert = (count: number) =>
    insertRows(Array.from({ length: count }, () => ({ ward: random.pick(wards), f: fate() })));

  const all = async () => ({
    rows: (await db.query(
      `SELECT id, ward_id, handling_unit_id, received_on, state, appointment_date, overdue,
         returned_on, late, late_on, closed_on FROM tthc_dossiers WHERE ward_id IN (?)`,
      [wards.map((ward) => ward.id)],
    )) as Row[],
    slips: (await db.query(
      'SELECT id, dossier_id, round, status, issued_on, missed_appointment_date FROM apology_slips',
    )) as Slip[],
  });

  /**
   * The day a slip of this round is signed, around May and June: a later round's after an earlier
   * one's, as slips are (a second slip answers the appointment the first one set).
   */
  const issuedOn = (round: number) => day(115 + 20 * round + random.int(20));

  /** A slip about the dossier's appointment. */
  const slipParams = (dossier: Row, round: number, status: string) => [
    randomUUID(),
    dossier.id,
    round,
    dossier.ward_id,
    dossier.handling_unit_id,
    status,
    dossier.appointment_date,
    status === 'issued' ? issuedOn(round) : null,
  ];

  it('writes a random province every way dossiers and slips are written', async () => {
    for (let batch = 0; batch < 8; batch++) await insert(1 + random.int(60));
    for (let i = 0; i < 20; i++) await insert(1);
    let { rows } = await all();
    // Slips: drafted, issued, a second round, some issued by a later UPDATE, some deleted.
    const slipped = rows.filter(() => random.int(3) === 0);
    for (const dossier of slipped) {
      const rounds = 1 + random.int(2);
      for (let round = 1; round <= rounds; round++) {
        await db.query(
          `INSERT INTO apology_slips (id, dossier_id, round, ward_id, unit_id, \`trigger\`, status,
             missed_appointment_date, new_appointment_date, signer_name, signer_position,
             drafted_on, issued_on, docx, pdf, created_at)
           VALUES (?, ?, ?, ?, ?, 'overdue', ?, ?, missed_appointment_date, 'X', 'Y',
             missed_appointment_date, ?, '', '', NOW(3))`,
          slipParams(dossier, round, random.pick(['draft', 'issued'])),
        );
      }
    }
    let { slips } = await all();
    for (const slip of slips.filter((s) => s.status === 'draft' && random.int(2) === 0))
      await db.query("UPDATE apology_slips SET status = 'issued', issued_on = ? WHERE id = ?", [
        issuedOn(slip.round),
        slip.id,
      ]);
    for (const slip of slips.filter(() => random.int(10) === 0))
      await db.query('DELETE FROM apology_slips WHERE id = ?', [slip.id]);
    // Transitions: the mirrored columns rewritten, changed or not, as the engine writes them.
    for (const dossier of rows.filter(() => random.int(2) === 0)) {
      const f = random.int(4) === 0 ? { ...dossier } : { ...dossier, ...fate() };
      await db.query(
        `UPDATE tthc_dossiers SET state = ?, appointment_date = ?, overdue = ?, returned_on = ?,
           late = ?, late_on = ?, closed_on = ?, version = version + 1 WHERE id = ?`,
        [f.state, ...outcomeOf(f), dossier.id],
      );
    }
    // A multi-row UPDATE, and dossiers deleted (their slips first).
    await db.query(
      "UPDATE tthc_dossiers SET state = 'withdrawn', closed_on = DATE_ADD(received_on, INTERVAL 20 DAY) WHERE state = 'supplementRequested' AND ward_id = ?",
      [wards[0].id],
    );
    ({ rows } = await all());
    for (const dossier of rows.filter(() => random.int(15) === 0)) {
      await db.query('DELETE FROM apology_slips WHERE dossier_id = ?', [dossier.id]);
      await db.query('DELETE FROM tthc_dossiers WHERE id = ?', [dossier.id]);
    }
    ({ rows, slips } = await all());
    expect(rows.length).toBeGreaterThan(50);
    expect(slips.some((slip) => slip.status === 'issued')).toBe(true);
  });

  /** Every counter (those left at zero aside). */
  const counted = async () => ({
    daily: await db.query('SELECT * FROM dossier_daily_counts WHERE n <> 0 ORDER BY ' + DAILY_KEY),
    monthly: await db.query(
      'SELECT * FROM dossier_monthly_counts WHERE n <> 0 ORDER BY ' + MONTHLY_KEY,
    ),
  });

  it('fills in the same counts as the triggers kept, and goes back to the previous shapes', async () => {
    const kept = await counted();
    expect(kept.daily.some((row: { late_on: string }) => row.late_on !== '9999-12-31')).toBe(true);
    expect(kept.daily.some((row: { slip_on: string }) => row.slip_on !== '9999-12-31')).toBe(true);
    const outcomes = new Set(kept.daily.map((row: { outcome: string }) => row.outcome));
    expect([...outcomes].sort()).toEqual(['early', 'late', 'on_time', 'open', 'other', 'paused']);
    expect(kept.monthly.length).toBeGreaterThan(0);
    const migration = db.migrations.find((m) => m.name === 'DossierCountsAsOf1763802510000')!;
    const dueMonth = db.migrations.find((m) => m.name === 'DossierCountsDueMonth1763803650000')!;
    const inHand = db.migrations.find((m) => m.name === 'DossierCountsInHand1763804000000')!;
    const closedOn = db.migrations.find((m) => m.name === 'DossierClosedOn1763804400000')!;
    const closed = (await all()).rows.filter((dossier) => dossier.closed_on !== null);
    expect(closed.length).toBeGreaterThan(0);
    const queryRunner = db.createQueryRunner();
    try {
      await closedOn.down(queryRunner);
      const receiptShape = await counted();
      // Rejected and withdrawn ones under their receipt day, not the day they closed.
      type DailyRow = { outcome: string; outcome_on: string; received_on: string };
      const others = (shape: { daily: DailyRow[] }) =>
        shape.daily.filter((row) => row.outcome === 'other');
      expect(others(receiptShape).every((row) => row.outcome_on === row.received_on)).toBe(true);
      expect(others(receiptShape)).not.toEqual(others(kept));
      await inHand.down(queryRunner);
      const clockShape = await counted();
      // Those waiting for a supplement or to be handed their result back under 'other'.
      expect(
        clockShape.daily.filter((row: { outcome: string }) => row.outcome === 'paused'),
      ).toEqual([]);
      expect(clockShape.daily).not.toEqual(kept.daily);
      await dueMonth.down(queryRunner);
      const dayShape = await counted();
      expect(dayShape.daily).toEqual(clockShape.daily);
      // An open dossier's appointment day in place of its month.
      expect(dayShape.monthly).not.toEqual(clockShape.monthly);
      await migration.down(queryRunner);
      const columns = (await db.query('SHOW COLUMNS FROM dossier_daily_counts')) as {
        Field: string;
      }[];
      expect(columns.map((column) => column.Field)).not.toContain('late_on');
      const monthly = (await db.query('SHOW COLUMNS FROM dossier_monthly_counts')) as {
        Field: string;
      }[];
      expect(monthly.map((column) => column.Field)).not.toContain('unit_id');
      await migration.up(queryRunner);
      expect(await counted()).toEqual(dayShape);
      await dueMonth.up(queryRunner);
      expect(await counted()).toEqual(clockShape);
      await inHand.up(queryRunner);
      expect(await counted()).toEqual(receiptShape);
      // The days they closed come back from their audit events: none here, so their last
      // update's day, then the days they were written with, counted again by the triggers.
      await closedOn.up(queryRunner);
      for (const dossier of closed)
        await db.query('UPDATE tthc_dossiers SET closed_on = ? WHERE id = ?', [
          dossier.closed_on,
          dossier.id,
        ]);
    } finally {
      await queryRunner.release();
    }
    expect(await counted()).toEqual(kept);
  });

  it('counts again after a bulk load what the triggers kept row by row, and counts on after it', async () => {
    const kept = await counted();
    const queryRunner = db.createQueryRunner();
    try {
      await dropMaintainingTriggers(queryRunner);
      await refillMaintainedTables(queryRunner);
    } finally {
      await queryRunner.release();
    }
    expect(await counted()).toEqual(kept);
    // The triggers are back: what is written now is counted (the figures below check it).
    await insert(1 + random.int(30));
    const { rows } = await all();
    for (const dossier of rows.filter(() => random.int(8) === 0))
      await db.query("UPDATE tthc_dossiers SET state = 'returned', returned_on = ? WHERE id = ?", [
        dossier.appointment_date,
        dossier.id,
      ]);
  });

  it('gives the figures of the dossiers themselves: by unit, a unit alone, periods, cut-offs', async () => {
    const { rows, slips } = await all();
    const today = todayIn(clock.now());
    const queries: { unitId?: string; from?: string; to?: string; cutoff?: string }[] = [
      {},
      { from: '2026-01-01', to: '2026-12-31' },
      { to: '2026-03-14', cutoff: '2026-03-14' },
      // Whole months from the monthly counts, the days at either end from the daily ones.
      { from: '2026-02-01', to: '2026-03-31' },
      { from: '2026-01-15', to: '2026-03-01' },
      { from: '2026-01-31' },
      { to: '2026-02-28' },
      { from: '2026-02-10', to: '2026-02-20' },
    ];
    for (let i = 0; i < 12; i++) {
      const start = random.int(120);
      const from = day(start);
      const to = day(start + random.int(100));
      const cutoffDay = random.int(2) === 0 ? day(60 + random.int(120)) : undefined;
      queries.push({
        ...(random.int(3) === 0 ? { unitId: random.pick(wards[0].units) } : {}),
        ...(random.int(4) > 0 ? { from } : {}),
        ...(random.int(4) > 0 ? { to } : {}),
        ...(cutoffDay ? { cutoff: cutoffDay } : {}),
      });
    }
    for (const ward of wards) {
      for (const { cutoff, ...query } of queries) {
        const instant = cutoff ? new Date(`${cutoff}T23:59:59.999+07:00`) : undefined;
        const judgedOn = cutoff ? addDays(cutoff, 1) : today;
        const got = await stats.figures(ward.id, query, instant);
        const chosen = rows.filter(
          (d) =>
            d.ward_id === ward.id &&
            (!query.unitId || d.handling_unit_id === query.unitId) &&
            (!query.from || d.received_on >= query.from) &&
            (!query.to || d.received_on <= query.to),
        );
        const context = { seed: SEED, ward: ward.id, query, cutoff };
        expect({ context, overall: got.overall }).toMatchObject({
          context,
          overall: expected(chosen, slips, today, cutoff ?? null, judgedOn),
        });
        for (const unit of ward.units) {
          const ofUnit = chosen.filter((d) => d.handling_unit_id === unit);
          const figures = got.units.find((candidate) => candidate.unitId === unit);
          expect({ context, unit, figures: figures ?? null }).toMatchObject({
            context,
            unit,
            figures:
              ofUnit.length === 0 ? null : expected(ofUnit, slips, today, cutoff ?? null, judgedOn),
          });
        }
      }
    }
    // A period of partial months at both ends, against a COUNT over the dossiers themselves.
    const partial = (offset: number) =>
      day(offset).endsWith('-01') ? day(offset + 1) : day(offset);
    const from = partial(5 + random.int(40));
    const to = partial(90 + random.int(60));
    for (const ward of wards) {
      const [counted] = (await db.query(
        `SELECT COUNT(*) AS received,
           SUM(state = 'returned' AND late = 0 AND returned_on < appointment_date) AS returnedEarly,
           SUM(state = 'returned' AND late = 0 AND returned_on >= appointment_date) AS returnedOnTime,
           SUM(state = 'returned' AND late = 1) AS returnedLate,
           SUM(state IN ('received', 'processing', 'resultReady')
                 AND (overdue = 1 AND late = 1 OR appointment_date < ?)
               OR state = 'supplementRequested' AND overdue = 1 AND late = 1) AS openOverdue,
           SUM(state IN ('received', 'processing', 'resultReady', 'supplementRequested')) AS pending
         FROM tthc_dossiers WHERE ward_id = ? AND received_on BETWEEN ? AND ?`,
        [today, ward.id, from, to],
      )) as Record<string, string | number>[];
      const { overall } = await stats.figures(ward.id, { from, to });
      expect({ from, to, overall }).toMatchObject({
        from,
        to,
        overall: Object.fromEntries(
          Object.entries(counted).map(([field, n]) => [field, Number(n ?? 0)]),
        ),
      });
    }
    const years = await stats.overallByWard(
      wards.map((ward) => ward.id),
      2026,
    );
    for (const ward of wards) {
      expect({ ward: ward.id, figures: years.get(ward.id) }).toMatchObject({
        ward: ward.id,
        figures: expected(
          rows.filter((d) => d.ward_id === ward.id),
          slips,
          today,
          null,
          today,
        ),
      });
    }
  });

  /*
   * Still in hand though the clock is stopped or the result is done: pending, in time or overdue
   * by the appointment — but one waiting for a supplement only if marked before its pause.
   * Rejected and withdrawn ones are neither returned nor pending (overdue if they were late).
   */
  it('counts dossiers waiting for a supplement or for their result to be handed over as pending', async () => {
    const [bare] = await insertBareWards(db, ['p3']);
    const ward = { ...bare, procedure: randomUUID() };
    await db.query(
      `INSERT INTO procedures (id, ward_id, code, name, processing_days, handling_unit_id,
         created_at, updated_at) VALUES (?, ?, '1.0', 'Thủ tục', 5, ?, NOW(3), NOW(3))`,
      [ward.procedure, ward.id, ward.units[0]],
    );
    const dossier = (state: string, appointment: string, late: boolean, overdue = late) => ({
      ward,
      f: {
        received_on: '2026-03-02',
        state,
        appointment_date: appointment,
        overdue: overdue ? 1 : 0,
        returned_on: null,
        late: late ? 1 : 0,
        late_on: late ? appointment : null,
        closed_on: ['rejected', 'withdrawn'].includes(state) ? '2026-03-12' : null,
      },
    });
    await insertRows([
      // Paused on 05/03 with days left: its appointment passed while the citizen supplements.
      dossier('supplementRequested', '2026-03-09', false),
      // Paused after missing 09/03: it stays overdue.
      dossier('supplementRequested', '2026-03-09', true),
      // The result recorded, not collected by 09/03; another's new appointment is 30/06.
      dossier('resultReady', '2026-03-09', false),
      dossier('resultReady', '2026-06-30', false),
      dossier('rejected', '2026-03-09', false),
      dossier('withdrawn', '2026-03-09', true, false),
    ]);
    const figures = async (cutoff?: string) =>
      (
        await stats.figures(
          ward.id,
          // A whole month: the monthly counts as they stand today, the daily ones at a cut-off.
          { from: '2026-03-01', to: '2026-03-31' },
          cutoff ? new Date(`${cutoff}T23:59:59.999+07:00`) : undefined,
        )
      ).overall;
    const returnedNone = { received: 6, returnedEarly: 0, returnedOnTime: 0, returnedLate: 0 };
    // Today (15/06) and as of 20/03: the paused one marked before its pause and the result due
    // 09/03 are overdue; the other paused one and the result due 30/06 in time. The withdrawn
    // one was late: overdue, not pending.
    const since = {
      ...returnedNone,
      pending: 4,
      openOverdue: 2,
      pendingInTime: 2,
      overdue: 3,
      overdueWithoutSlip: 3,
    };
    expect(await figures()).toMatchObject(since);
    expect(await figures('2026-03-20')).toMatchObject(since);
    // As of 06/03, before the appointment and before the rejection and withdrawal (12/03): all
    // six in hand, in time.
    expect(await figures('2026-03-06')).toMatchObject({
      ...returnedNone,
      pending: 6,
      openOverdue: 0,
      pendingInTime: 6,
      overdue: 0,
    });
    // As of 10/03: the withdrawn one still in hand, late since 09/03, so overdue; the rejected
    // one in hand and in time.
    expect(await figures('2026-03-10')).toMatchObject({
      ...returnedNone,
      pending: 6,
      openOverdue: 3,
      overdue: 3,
    });
  });
});
