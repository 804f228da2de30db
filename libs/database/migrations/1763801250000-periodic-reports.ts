import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/**
 * Periodic CCHC reports: each ward's reporting calendar, the report instances and the units'
 * contributions (both run by the engine), and the frozen figures of every compile (revisions).
 */
export class PeriodicReports1763801250000 implements MigrationInterface {
  name = 'PeriodicReports1763801250000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE report_calendars (
      ward_id CHAR(36) NOT NULL PRIMARY KEY,
      rules JSON NOT NULL,
      updated_by CHAR(36) NULL,
      updated_at DATETIME(3) NOT NULL,
      CONSTRAINT fk_report_calendars_ward FOREIGN KEY (ward_id) REFERENCES wards (id)
    ) ${TABLE_OPTIONS}`);
    // state, revision, content_hash, late, sent_on mirror the snapshot.
    await queryRunner.query(`CREATE TABLE periodic_reports (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      plan_id CHAR(36) NULL,
      period_kind VARCHAR(16) NOT NULL,
      period_year INT NOT NULL,
      period_index INT NOT NULL,
      period_label VARCHAR(64) NOT NULL,
      period_from DATE NOT NULL,
      cutoff_date DATE NOT NULL,
      contribution_due_date DATE NOT NULL,
      upstream_due_date DATE NOT NULL,
      state VARCHAR(32) NOT NULL,
      revision INT NOT NULL DEFAULT 0,
      content_hash CHAR(64) NULL,
      number VARCHAR(64) NULL,
      late TINYINT(1) NOT NULL DEFAULT 0,
      sent_on DATE NULL,
      version INT NOT NULL,
      machine_version INT NOT NULL,
      snapshot JSON NOT NULL,
      created_by CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_periodic_reports_period (ward_id, period_kind, period_year, period_index),
      KEY idx_periodic_reports_upstream_due (state, upstream_due_date),
      CONSTRAINT fk_periodic_reports_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_periodic_reports_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE report_contributions (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      report_id CHAR(36) NOT NULL,
      unit_id CHAR(36) NOT NULL,
      state VARCHAR(32) NOT NULL,
      due_date DATE NOT NULL,
      late TINYINT(1) NOT NULL DEFAULT 0,
      submitted_on DATE NULL,
      version INT NOT NULL,
      machine_version INT NOT NULL,
      snapshot JSON NOT NULL,
      created_by CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_report_contributions_unit (report_id, unit_id),
      KEY idx_report_contributions_due (state, due_date),
      KEY idx_report_contributions_unit (unit_id, state),
      CONSTRAINT fk_report_contributions_report FOREIGN KEY (report_id) REFERENCES periodic_reports (id),
      CONSTRAINT fk_report_contributions_unit FOREIGN KEY (unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE report_revisions (
      report_id CHAR(36) NOT NULL,
      revision INT NOT NULL,
      content LONGTEXT NOT NULL,
      content_hash CHAR(64) NOT NULL,
      compiled_by CHAR(36) NULL,
      compiled_at DATETIME(3) NOT NULL,
      PRIMARY KEY (report_id, revision),
      CONSTRAINT fk_report_revisions_report FOREIGN KEY (report_id) REFERENCES periodic_reports (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, [
      'report_revisions',
      'report_contributions',
      'periodic_reports',
      'report_calendars',
    ]);
  }
}
