import { MigrationInterface, QueryRunner } from 'typeorm';
import { DossierCounts1763802300000 } from './1763802300000-dossier-counts';
import { TABLE_OPTIONS } from './schema';

/*
 * The trigger builder of DossierCounts1763802300000, copied (that migration stays as it ran)
 * with two days added to the daily key, `late_on` and `slip_on`, and the unit to the monthly key.
 */

/** A column of the dossier being counted: `OLD.state`, `NEW.state`, `d.state` or a variable. */
type Column = (name: string) => string;

/** The day of what has not happened (a key column cannot be NULL): after any cut-off. */
const NEVER = "DATE '9999-12-31'";

/**
 * The states the counts keep as still in hand (not returned): `open` ones are judged by their
 * appointment (outcome 'open'), `paused` ones — the clock stopped — only by a miss recorded before
 * the pause (outcome 'paused'). Any other state not returned is 'other'.
 */
export interface InHand {
  open: readonly string[];
  paused: readonly string[];
  /**
   * A rejected or withdrawn dossier was in hand until `closed_on` (DossierClosedOn): its day is
   * that one, so figures as of an earlier cut-off count it pending. Without, its receipt day.
   */
  closedOn?: boolean;
}
/** This migration's: in hand only while the clock runs (received, processing). */
export const CLOCK_RUNS: InHand = { open: ['received', 'processing'], paused: [] };

const inStates = (c: Column, states: readonly string[]) =>
  `${c('state')} IN (${states.map((state) => `'${state}'`).join(', ')})`;
const OPEN = (c: Column, h: InHand) => inStates(c, h.open);

/**
 * Where a dossier stands for the QĐ 766 figures (the same tests as a scan of the dossiers):
 * returned early / on time / late, open, paused (as `h` says) or other.
 */
const OUTCOME = (c: Column, h: InHand) => `CASE
  WHEN ${c('state')} = 'returned' AND ${c('late')} = 1 THEN 'late'
  WHEN ${c('state')} = 'returned' AND ${c('returned_on')} < ${c('appointment_date')} THEN 'early'
  WHEN ${c('state')} = 'returned' AND ${c('returned_on')} >= ${c('appointment_date')} THEN 'on_time'
  WHEN ${OPEN(c, h)} THEN 'open'
  ${h.paused.length > 0 ? `WHEN ${inStates(c, h.paused)} THEN 'paused'` : ''}
  ELSE 'other' END`;

const closedDay = (c: Column, h: InHand) =>
  h.closedOn ? ` WHEN ${c('closed_on')} IS NOT NULL THEN ${c('closed_on')}` : '';

/**
 * The day that goes with the outcome: the return day (figures as of a cut-off count only those
 * returned by then), the appointment of an open dossier (overdue once it is before the day the
 * figures are judged on), the day it closed (`h.closedOn`), the receipt day otherwise. The
 * statement's text without `h.closedOn` is the one earlier migrations ran.
 */
const OUTCOME_ON = (c: Column, h: InHand) => `CASE
  WHEN ${c('state')} = 'returned' THEN COALESCE(${c('returned_on')}, ${c('received_on')})
  WHEN ${OPEN(c, h)} THEN ${c('appointment_date')}${closedDay(c, h)} ELSE ${c('received_on')} END`;

/** The marked-overdue flag counts only while in hand (as the open-and-overdue figure). */
const MARKED = (c: Column, h: InHand) =>
  `IF(${inStates(c, [...h.open, ...h.paused])}, ${c('overdue')}, 0)`;

/** The day the dossier was first late (figures as of a cut-off count it late from then). */
const LATE_ON = (c: Column) => `COALESCE(${c('late_on')}, ${NEVER})`;

/**
 * The first issued apology slip among `slips` (rows with round, status, issued_on and
 * missed_appointment_date, filtered by `where`): its class — 1 issued by the appointment it is
 * about, 2 after, 0 none — or its issue day (figures as of a cut-off count it from then).
 */
const FIRST_SLIP = (slips: string, where = 'TRUE', lock = '') =>
  `COALESCE((SELECT IF(x.issued_on <= x.missed_appointment_date, 1, 2) FROM ${slips} x
    WHERE ${where} AND x.status = 'issued' ORDER BY x.round LIMIT 1 ${lock}), 0)`;
const FIRST_SLIP_ON = (slips: string, where = 'TRUE', lock = '') =>
  `COALESCE((SELECT x.issued_on FROM ${slips} x
    WHERE ${where} AND x.status = 'issued' ORDER BY x.round LIMIT 1 ${lock}), ${NEVER})`;

/** A dossier's slips as they are (a plain correlated subquery: `dossierId` may be an outer column). */
const firstSlipOf = (dossierId: string) =>
  FIRST_SLIP('apology_slips', `x.dossier_id = ${dossierId}`);
const firstSlipOnOf = (dossierId: string) =>
  FIRST_SLIP_ON('apology_slips', `x.dossier_id = ${dossierId}`);

/**
 * The same as committed now, not as the transaction's snapshot saw them: a dossier's transition
 * must count the slip that an apology job issued (and committed) while it waited for the row.
 */
const committedFirstSlipOf = (dossierId: string) =>
  FIRST_SLIP('apology_slips', `x.dossier_id = ${dossierId}`, 'LOCK IN SHARE MODE');
const committedFirstSlipOnOf = (dossierId: string) =>
  FIRST_SLIP_ON('apology_slips', `x.dossier_id = ${dossierId}`, 'LOCK IN SHARE MODE');

/** The slips of a dossier as they were before the change of one slip (`OLD` in, `NEW` out). */
const slipsBefore = (dossierId: string, changed: string, old: boolean) =>
  `(SELECT round, status, issued_on, missed_appointment_date FROM apology_slips
    WHERE dossier_id = ${dossierId} AND id <> ${changed}
    ${old ? 'UNION ALL SELECT OLD.round, OLD.status, OLD.issued_on, OLD.missed_appointment_date' : ''})`;

/**
 * What the monthly counts keep of an open dossier's appointment (`due_on`): the day here; its
 * month since DossierCountsDueMonth1763803650000, which passes its own.
 */
export type MonthlyDue = (appointment: string) => string;
const APPOINTMENT_DAY: MonthlyDue = (appointment) => appointment;

/**
 * The dossier (its columns through `c`, its first issued slip's class and day) counted `delta`
 * times in both tables: upserts, so a new counter is created by the first dossier that needs
 * it. A month keeps an open dossier's appointment (is it overdue today?) and nothing else's day
 * (it serves figures as they stand today, by unit). Written out in each trigger rather than in a stored
 * procedure, which a plain dump of the database would leave behind.
 */
const count = (
  c: Column,
  slip: string,
  slipOn: string,
  delta: number,
  due: MonthlyDue,
  h: InHand,
) => {
  const month = `${c('received_on')} - INTERVAL DAYOFMONTH(${c('received_on')}) - 1 DAY`;
  const classes = `${c('late')}, ${MARKED(c, h)}, ${slip}`;
  return `INSERT INTO dossier_daily_counts
      (ward_id, received_on, unit_id, outcome, outcome_on, late, marked, slip, late_on, slip_on, n)
      VALUES (${c('ward_id')}, ${c('received_on')}, ${c('handling_unit_id')}, ${OUTCOME(c, h)},
        ${OUTCOME_ON(c, h)}, ${classes}, ${LATE_ON(c)}, ${slipOn}, ${delta})
      ON DUPLICATE KEY UPDATE n = n + ${delta};
    INSERT INTO dossier_monthly_counts
      (ward_id, received_month, unit_id, outcome, due_on, late, marked, slip, n)
      VALUES (${c('ward_id')}, ${month}, ${c('handling_unit_id')}, ${OUTCOME(c, h)},
        IF(${OPEN(c, h)}, ${due(c('appointment_date'))}, ${month}), ${classes}, ${delta})
      ON DUPLICATE KEY UPDATE n = n + ${delta};`;
};

/** The dossier's columns its counter rows depend on. */
const classColumns = (h: InHand) => [
  'ward_id',
  'handling_unit_id',
  'received_on',
  'state',
  'late',
  'overdue',
  'returned_on',
  'appointment_date',
  'late_on',
  ...(h.closedOn ? ['closed_on'] : []),
];
const oldCol: Column = (name) => `OLD.${name}`;
const newCol: Column = (name) => `NEW.${name}`;
const varCol: Column = (name) => `v_${name}`;

/** A slip trigger: the dossier counted again when its first issued slip (class or day) changes. */
function slipTrigger(event: 'INSERT' | 'UPDATE' | 'DELETE', due: MonthlyDue, h: InHand): string {
  const row = event === 'DELETE' ? 'OLD' : 'NEW';
  const before =
    event === 'INSERT'
      ? slipsBefore('NEW.dossier_id', 'NEW.id', false)
      : slipsBefore(`${row}.dossier_id`, `${row}.id`, true);
  return `CREATE TRIGGER apology_slips_counts_${event.toLowerCase()} AFTER ${event} ON apology_slips
    FOR EACH ROW BEGIN
      DECLARE v_before, v_after TINYINT;
      DECLARE v_before_on, v_after_on DATE;
      DECLARE v_ward_id, v_handling_unit_id CHAR(36);
      DECLARE v_state VARCHAR(32);
      DECLARE v_received_on, v_returned_on, v_appointment_date, v_late_on${h.closedOn ? ', v_closed_on' : ''} DATE;
      DECLARE v_late, v_overdue TINYINT;
      SET v_before = ${FIRST_SLIP(before)};
      SET v_before_on = ${FIRST_SLIP_ON(before)};
      SET v_after = ${firstSlipOf(`${row}.dossier_id`)};
      SET v_after_on = ${firstSlipOnOf(`${row}.dossier_id`)};
      IF v_before <> v_after OR v_before_on <> v_after_on THEN
        -- The dossier as committed (a locking read), not as an older snapshot saw it.
        SELECT ${classColumns(h).join(', ')} INTO ${classColumns(h).map(varCol).join(', ')}
          FROM tthc_dossiers WHERE id = ${row}.dossier_id LOCK IN SHARE MODE;
        IF v_ward_id IS NOT NULL THEN
          ${count(varCol, 'v_before', 'v_before_on', -1, due, h)}
          ${count(varCol, 'v_after', 'v_after_on', 1, due, h)}
        END IF;
      END IF;
    END`;
}

export const DOSSIER_COUNT_TRIGGERS = [
  'tthc_dossiers_counts_insert',
  'tthc_dossiers_counts_update',
  'tthc_dossiers_counts_delete',
  'apology_slips_counts_insert',
  'apology_slips_counts_update',
  'apology_slips_counts_delete',
];

/**
 * The triggers that keep both tables in the writing transaction (the migration's, and again after
 * a bulk load that dropped them: bulk-load.ts). Later migrations pass their own appointment
 * keeping and states in hand.
 */
export async function createDossierCountTriggers(
  queryRunner: QueryRunner,
  due: MonthlyDue = APPOINTMENT_DAY,
  h: InHand = CLOCK_RUNS,
): Promise<void> {
  const changed = classColumns(h)
    .map((name) => `NOT (OLD.${name} <=> NEW.${name})`)
    .join(' OR ');
  await queryRunner.query(`CREATE TRIGGER tthc_dossiers_counts_insert AFTER INSERT ON tthc_dossiers
    FOR EACH ROW BEGIN ${count(newCol, '0', NEVER, 1, due, h)} END`);
  // A dossier's slips do not change in its own UPDATE: one lookup serves both sides.
  await queryRunner.query(`CREATE TRIGGER tthc_dossiers_counts_update AFTER UPDATE ON tthc_dossiers
    FOR EACH ROW BEGIN
      DECLARE v_slip TINYINT;
      DECLARE v_slip_on DATE;
      IF ${changed} THEN
        SET v_slip = ${committedFirstSlipOf('NEW.id')};
        SET v_slip_on = ${committedFirstSlipOnOf('NEW.id')};
        ${count(oldCol, 'v_slip', 'v_slip_on', -1, due, h)}
        ${count(newCol, 'v_slip', 'v_slip_on', 1, due, h)}
      END IF;
    END`);
  await queryRunner.query(`CREATE TRIGGER tthc_dossiers_counts_delete AFTER DELETE ON tthc_dossiers
    FOR EACH ROW BEGIN
      ${count(oldCol, committedFirstSlipOf('OLD.id'), committedFirstSlipOnOf('OLD.id'), -1, due, h)}
    END`);
  for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const)
    await queryRunner.query(slipTrigger(event, due, h));
}

/** Both tables filled in from the dossiers and their slips, in two set-based statements. */
export async function fillDossierCounts(
  queryRunner: QueryRunner,
  due: MonthlyDue = APPOINTMENT_DAY,
  h: InHand = CLOCK_RUNS,
): Promise<void> {
  const d: Column = (name) => `d.${name}`;
  await queryRunner.query(
    `INSERT INTO dossier_daily_counts
       (ward_id, received_on, unit_id, outcome, outcome_on, late, marked, slip, late_on, slip_on,
        n)
     SELECT d.ward_id, d.received_on, d.handling_unit_id, ${OUTCOME(d, h)}, ${OUTCOME_ON(d, h)},
       d.late, ${MARKED(d, h)}, ${firstSlipOf('d.id')}, ${LATE_ON(d)}, ${firstSlipOnOf('d.id')},
       COUNT(*)
     FROM tthc_dossiers d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
  );
  await fillMonthlyDossierCounts(queryRunner, due);
}

/** The monthly counts summed from the daily ones. */
export async function fillMonthlyDossierCounts(
  queryRunner: QueryRunner,
  due: MonthlyDue = APPOINTMENT_DAY,
): Promise<void> {
  await queryRunner.query(
    `INSERT INTO dossier_monthly_counts
       (ward_id, received_month, unit_id, outcome, due_on, late, marked, slip, n)
     SELECT ward_id, month, unit_id, outcome, IF(outcome = 'open', ${due('outcome_on')}, month), late,
       marked, slip, SUM(n)
     FROM (SELECT c.*, received_on - INTERVAL DAYOFMONTH(received_on) - 1 DAY AS month
           FROM dossier_daily_counts c) m
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
  );
}

/**
 * The daily dossier counts keyed also by the day each dossier was first late (`late_on`, from
 * `tthc_dossiers.late_on`) and the issue day of its first issued slip (`slip_on`), both
 * 9999-12-31 when none: figures as of a report's cut-off count a dossier late, overdue, or with
 * a slip only if it was so by then. The monthly counts (figures as they stand today) gain the
 * handling unit, so that a large ward's figures by unit read whole months there rather than
 * its days. The triggers are replaced by the same ones writing the days and the unit, and both
 * tables are filled in again from the dossiers and their slips (the application stopped, as
 * migrations run). `down()` brings back the previous migration's tables and triggers.
 */
export class DossierCountsAsOf1763802510000 implements MigrationInterface {
  name = 'DossierCountsAsOf1763802510000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of DOSSIER_COUNT_TRIGGERS)
      await queryRunner.query(`DROP TRIGGER ${trigger}`);
    await queryRunner.query('DROP TABLE dossier_daily_counts');
    await queryRunner.query('DROP TABLE dossier_monthly_counts');
    const ids = 'CHAR(36) CHARACTER SET ascii NOT NULL';
    await queryRunner.query(`CREATE TABLE dossier_daily_counts (
      ward_id ${ids}, received_on DATE NOT NULL, unit_id ${ids}, outcome_on DATE NOT NULL,
      outcome VARCHAR(8) CHARACTER SET ascii NOT NULL,
      late TINYINT NOT NULL, marked TINYINT NOT NULL, slip TINYINT NOT NULL,
      late_on DATE NOT NULL, slip_on DATE NOT NULL, n INT NOT NULL,
      PRIMARY KEY (ward_id, received_on, unit_id, outcome, outcome_on, late, marked, slip,
        late_on, slip_on)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE dossier_monthly_counts (
      ward_id ${ids}, received_month DATE NOT NULL, unit_id ${ids}, due_on DATE NOT NULL,
      outcome VARCHAR(8) CHARACTER SET ascii NOT NULL,
      late TINYINT NOT NULL, marked TINYINT NOT NULL, slip TINYINT NOT NULL, n INT NOT NULL,
      PRIMARY KEY (ward_id, received_month, unit_id, outcome, due_on, late, marked, slip)
    ) ${TABLE_OPTIONS}`);
    await fillDossierCounts(queryRunner);
    await createDossierCountTriggers(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The previous migration's down() drops these triggers (same names) and both tables; its
    // up() creates them in the previous shape and fills them in again.
    const previous = new DossierCounts1763802300000();
    await previous.down(queryRunner);
    await previous.up(queryRunner);
  }
}
