import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createDossierCountTriggers,
  DOSSIER_COUNT_TRIGGERS,
  fillMonthlyDossierCounts,
  MonthlyDue,
} from './1763802510000-dossier-counts-as-of';

/** The month (its first day) of an open dossier's appointment, as the monthly counts keep it. */
export const APPOINTMENT_MONTH: MonthlyDue = (appointment) =>
  `${appointment} - INTERVAL DAYOFMONTH(${appointment}) - 1 DAY`;

/**
 * The monthly dossier counts keep an open dossier's appointment month rather than its day: a
 * ward's open dossiers of two years (those long in processing) were a row per appointment day
 * and unit, most of the rows a figure as of today read. Whether one is overdue today is then
 * plain for any month but the current one; the open dossiers due this month are read from the
 * daily counts (their day), through a new index on the ward, outcome and its day; and a unit's
 * figures read its own months through an index on the ward, unit and month. The triggers
 * are replaced by the same ones writing the month, and the monthly counts summed again from the
 * daily ones (the application stopped, as migrations run).
 */
export class DossierCountsDueMonth1763803650000 implements MigrationInterface {
  name = 'DossierCountsDueMonth1763803650000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.remonth(queryRunner, APPOINTMENT_MONTH);
    await queryRunner.query(
      'ALTER TABLE dossier_daily_counts ADD INDEX idx_daily_counts_outcome_on (ward_id, outcome, outcome_on)',
    );
    await queryRunner.query(
      'ALTER TABLE dossier_monthly_counts ADD INDEX idx_monthly_counts_unit (ward_id, unit_id, received_month)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE dossier_monthly_counts DROP INDEX idx_monthly_counts_unit',
    );
    await queryRunner.query(
      'ALTER TABLE dossier_daily_counts DROP INDEX idx_daily_counts_outcome_on',
    );
    await this.remonth(queryRunner);
  }

  private async remonth(queryRunner: QueryRunner, due?: MonthlyDue): Promise<void> {
    for (const trigger of DOSSIER_COUNT_TRIGGERS)
      await queryRunner.query(`DROP TRIGGER ${trigger}`);
    await queryRunner.query('DELETE FROM dossier_monthly_counts');
    await fillMonthlyDossierCounts(queryRunner, due);
    await createDossierCountTriggers(queryRunner, due);
  }
}
