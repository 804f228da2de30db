import { MigrationInterface, QueryRunner } from 'typeorm';
import { TABLE_OPTIONS } from './schema';

/** A column of the dossier being counted: `OLD.state`, `NEW.state`, `d.state` or a variable. */
type Column = (name: string) => string;

const OPEN = (c: Column) => `${c('state')} IN ('received', 'processing')`;

/**
 * Where a dossier stands for the QĐ 766 figures (the same tests as a scan of the dossiers):
 * returned early / on time / late, open (received or processing: its clock runs) or other.
 */
const OUTCOME = (c: Column) => `CASE
  WHEN ${c('state')} = 'returned' AND ${c('late')} = 1 THEN 'late'
  WHEN ${c('state')} = 'returned' AND ${c('returned_on')} < ${c('appointment_date')} THEN 'early'
  WHEN ${c('state')} = 'returned' AND ${c('returned_on')} >= ${c('appointment_date')} THEN 'on_time'
  WHEN ${OPEN(c)} THEN 'open' ELSE 'other' END`;

/**
 * The day that goes with the outcome: the return day (figures as of a cut-off count only those
 * returned by then), the appointment of an open dossier (overdue once it is before the day the
 * figures are judged on), the receipt day otherwise.
 */
const OUTCOME_ON = (c: Column) => `CASE
  WHEN ${c('state')} = 'returned' THEN COALESCE(${c('returned_on')}, ${c('received_on')})
  WHEN ${OPEN(c)} THEN ${c('appointment_date')} ELSE ${c('received_on')} END`;

/** The marked-overdue flag counts only while the clock runs (as the open-and-overdue figure). */
const MARKED = (c: Column) => `IF(${OPEN(c)}, ${c('overdue')}, 0)`;

/**
 * The first issued apology slip among `slips` (rows with round, status, issued_on and
 * missed_appointment_date, filtered by `where`): 1 issued by the appointment it is about, 2 after, 0 none.
 */
const FIRST_SLIP = (slips: string, where = 'TRUE', lock = '') =>
  `COALESCE((SELECT IF(x.issued_on <= x.missed_appointment_date, 1, 2) FROM ${slips} x
    WHERE ${where} AND x.status = 'issued' ORDER BY x.round LIMIT 1 ${lock}), 0)`;

/** A dossier's slips as they are (a plain correlated subquery: `dossierId` may be an outer column). */
const firstSlipOf = (dossierId: string) =>
  FIRST_SLIP('apology_slips', `x.dossier_id = ${dossierId}`);

/**
 * The same as committed now, not as the transaction's snapshot saw them: a dossier's transition
 * must count the slip that an apology job issued (and committed) while it waited for the row.
 */
const committedFirstSlipOf = (dossierId: string) =>
  FIRST_SLIP('apology_slips', `x.dossier_id = ${dossierId}`, 'LOCK IN SHARE MODE');

/** The slips of a dossier as they were before the change of one slip (`OLD` in, `NEW` out). */
const slipsBefore = (dossierId: string, changed: string, old: boolean) =>
  `(SELECT round, status, issued_on, missed_appointment_date FROM apology_slips
    WHERE dossier_id = ${dossierId} AND id <> ${changed}
    ${old ? 'UNION ALL SELECT OLD.round, OLD.status, OLD.issued_on, OLD.missed_appointment_date' : ''})`;

/**
 * The dossier (its columns through `c`) counted `delta` times in both tables: upserts, so a new
 * counter is created by the first dossier that needs it. A month keeps an open dossier's
 * appointment (is it overdue today?) and nothing else's day. Written out in each trigger rather
 * than in a stored procedure, which a plain dump of the database would leave behind.
 */
const count = (c: Column, slip: string, delta: number) => {
  const month = `${c('received_on')} - INTERVAL DAYOFMONTH(${c('received_on')}) - 1 DAY`;
  const classes = `${c('late')}, ${MARKED(c)}, ${slip}, ${delta}`;
  return `INSERT INTO dossier_daily_counts
      (ward_id, received_on, unit_id, outcome, outcome_on, late, marked, slip, n)
      VALUES (${c('ward_id')}, ${c('received_on')}, ${c('handling_unit_id')}, ${OUTCOME(c)},
        ${OUTCOME_ON(c)}, ${classes})
      ON DUPLICATE KEY UPDATE n = n + ${delta};
    INSERT INTO dossier_monthly_counts
      (ward_id, received_month, outcome, due_on, late, marked, slip, n)
      VALUES (${c('ward_id')}, ${month}, ${OUTCOME(c)},
        IF(${OPEN(c)}, ${c('appointment_date')}, ${month}), ${classes})
      ON DUPLICATE KEY UPDATE n = n + ${delta};`;
};

const CLASS_COLUMNS = [
  'ward_id',
  'handling_unit_id',
  'received_on',
  'state',
  'late',
  'overdue',
  'returned_on',
  'appointment_date',
];
const oldCol: Column = (name) => `OLD.${name}`;
const newCol: Column = (name) => `NEW.${name}`;
const varCol: Column = (name) => `v_${name}`;

/** A slip trigger: the dossier counted again when its first issued slip changes. */
function slipTrigger(event: 'INSERT' | 'UPDATE' | 'DELETE'): string {
  const row = event === 'DELETE' ? 'OLD' : 'NEW';
  const before =
    event === 'INSERT'
      ? FIRST_SLIP(slipsBefore('NEW.dossier_id', 'NEW.id', false))
      : event === 'UPDATE'
        ? FIRST_SLIP(slipsBefore('NEW.dossier_id', 'NEW.id', true))
        : FIRST_SLIP(slipsBefore('OLD.dossier_id', 'OLD.id', true));
  return `CREATE TRIGGER apology_slips_counts_${event.toLowerCase()} AFTER ${event} ON apology_slips
    FOR EACH ROW BEGIN
      DECLARE v_before, v_after TINYINT;
      DECLARE v_ward_id, v_handling_unit_id CHAR(36);
      DECLARE v_state VARCHAR(32);
      DECLARE v_received_on, v_returned_on, v_appointment_date DATE;
      DECLARE v_late, v_overdue TINYINT;
      SET v_before = ${before};
      SET v_after = ${firstSlipOf(`${row}.dossier_id`)};
      IF v_before <> v_after THEN
        -- The dossier as committed (a locking read), not as an older snapshot saw it.
        SELECT ${CLASS_COLUMNS.join(', ')} INTO ${CLASS_COLUMNS.map(varCol).join(', ')}
          FROM tthc_dossiers WHERE id = ${row}.dossier_id LOCK IN SHARE MODE;
        IF v_ward_id IS NOT NULL THEN
          ${count(varCol, 'v_before', -1)}
          ${count(varCol, 'v_after', 1)}
        END IF;
      END IF;
    END`;
}

/**
 * Maintained dossier counts, so that the QĐ 766 figures (GET /stats/dossiers, the dashboard,
 * reports, targets, the PAR Index and the province ranking) read a few thousand counters instead
 * of every dossier: `dossier_daily_counts` by ward, handling unit, receipt day, outcome and its
 * day, late, marked overdue and first issued slip; `dossier_monthly_counts` the same by ward and
 * receipt month (the province ranking's year of every ward). Triggers keep them in the writing
 * transaction whatever writes a dossier or a slip — the engine's own transaction or group commit
 * (only if its version guard matched), bulk intake, the apology queue — with the same upserts.
 * The counts of the dossiers already stored are filled in once here (the application stopped,
 * as migrations run).
 */
export class DossierCounts1763802300000 implements MigrationInterface {
  name = 'DossierCounts1763802300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ids = 'CHAR(36) CHARACTER SET ascii NOT NULL';
    const classes = `outcome VARCHAR(8) CHARACTER SET ascii NOT NULL,
      late TINYINT NOT NULL, marked TINYINT NOT NULL, slip TINYINT NOT NULL, n INT NOT NULL`;
    await queryRunner.query(`CREATE TABLE dossier_daily_counts (
      ward_id ${ids}, received_on DATE NOT NULL, unit_id ${ids}, outcome_on DATE NOT NULL,
      ${classes},
      PRIMARY KEY (ward_id, received_on, unit_id, outcome, outcome_on, late, marked, slip)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE dossier_monthly_counts (
      ward_id ${ids}, received_month DATE NOT NULL, due_on DATE NOT NULL, ${classes},
      PRIMARY KEY (ward_id, received_month, outcome, due_on, late, marked, slip)
    ) ${TABLE_OPTIONS}`);
    const changed = CLASS_COLUMNS.map((name) => `NOT (OLD.${name} <=> NEW.${name})`).join(' OR ');
    await queryRunner.query(`CREATE TRIGGER tthc_dossiers_counts_insert AFTER INSERT ON tthc_dossiers
      FOR EACH ROW BEGIN ${count(newCol, '0', 1)} END`);
    // A dossier's slips do not change in its own UPDATE: one lookup serves both sides.
    await queryRunner.query(`CREATE TRIGGER tthc_dossiers_counts_update AFTER UPDATE ON tthc_dossiers
      FOR EACH ROW BEGIN
        DECLARE v_slip TINYINT;
        IF ${changed} THEN
          SET v_slip = ${committedFirstSlipOf('NEW.id')};
          ${count(oldCol, 'v_slip', -1)}
          ${count(newCol, 'v_slip', 1)}
        END IF;
      END`);
    await queryRunner.query(`CREATE TRIGGER tthc_dossiers_counts_delete AFTER DELETE ON tthc_dossiers
      FOR EACH ROW BEGIN ${count(oldCol, committedFirstSlipOf('OLD.id'), -1)} END`);
    for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const)
      await queryRunner.query(slipTrigger(event));
    const d: Column = (name) => `d.${name}`;
    await queryRunner.query(
      `CREATE TEMPORARY TABLE dossier_counts_backfill ENGINE=InnoDB AS
       SELECT d.ward_id, d.handling_unit_id AS unit_id, d.received_on, ${OUTCOME(d)} AS outcome,
         ${OUTCOME_ON(d)} AS outcome_on, d.late, ${MARKED(d)} AS marked,
         ${firstSlipOf('d.id')} AS slip, COUNT(*) AS n
       FROM tthc_dossiers d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    );
    await queryRunner.query(
      `INSERT INTO dossier_daily_counts
         (ward_id, received_on, unit_id, outcome, outcome_on, late, marked, slip, n)
       SELECT ward_id, received_on, unit_id, outcome, outcome_on, late, marked, slip, n
       FROM dossier_counts_backfill`,
    );
    await queryRunner.query(
      `INSERT INTO dossier_monthly_counts
         (ward_id, received_month, outcome, due_on, late, marked, slip, n)
       SELECT ward_id, month, outcome, IF(outcome = 'open', outcome_on, month), late, marked, slip,
         SUM(n)
       FROM (SELECT b.*, received_on - INTERVAL DAYOFMONTH(received_on) - 1 DAY AS month
             FROM dossier_counts_backfill b) m
       GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    );
    await queryRunner.query('DROP TEMPORARY TABLE dossier_counts_backfill');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of [
      'tthc_dossiers_counts_insert',
      'tthc_dossiers_counts_update',
      'tthc_dossiers_counts_delete',
      'apology_slips_counts_insert',
      'apology_slips_counts_update',
      'apology_slips_counts_delete',
    ])
      await queryRunner.query(`DROP TRIGGER ${trigger}`);
    await queryRunner.query('DROP TABLE dossier_monthly_counts');
    await queryRunner.query('DROP TABLE dossier_daily_counts');
  }
}
