import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/**
 * Inspection campaigns (run by the engine: snapshot, state, version), one visit row per unit in
 * scope (mirrored from the snapshot in the transition's transaction, so visibility and coverage
 * are indexed queries), findings, and each ward's own checklist template.
 */
export class Inspections1763801100000 implements MigrationInterface {
  name = 'Inspections1763801100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE inspection_checklists (
      ward_id CHAR(36) NOT NULL PRIMARY KEY,
      topics JSON NOT NULL,
      updated_by CHAR(36) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      CONSTRAINT fk_inspection_checklists_ward FOREIGN KEY (ward_id) REFERENCES wards (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE inspection_campaigns (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      title VARCHAR(500) NOT NULL,
      decision_number VARCHAR(64) NOT NULL,
      decision_date DATE NOT NULL,
      kind VARCHAR(32) NOT NULL,
      year SMALLINT NOT NULL,
      head_id CHAR(36) NOT NULL,
      checklist JSON NOT NULL,
      state VARCHAR(32) NOT NULL,
      notice_number VARCHAR(64) NULL,
      concluded_on DATE NULL,
      version INT NOT NULL,
      machine_version INT NOT NULL,
      snapshot JSON NOT NULL,
      created_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      KEY idx_inspection_campaigns_ward_year (ward_id, year),
      CONSTRAINT fk_inspection_campaigns_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_inspection_campaigns_head FOREIGN KEY (head_id) REFERENCES users (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE inspection_visits (
      campaign_id CHAR(36) NOT NULL,
      unit_id CHAR(36) NOT NULL,
      ward_id CHAR(36) NOT NULL,
      unannounced TINYINT(1) NOT NULL,
      state VARCHAR(32) NOT NULL,
      scheduled_on DATE NOT NULL,
      started_on DATE NULL,
      done_on DATE NULL,
      results JSON NULL,
      minutes TEXT NULL,
      PRIMARY KEY (campaign_id, unit_id),
      KEY idx_inspection_visits_unit (ward_id, unit_id, done_on),
      CONSTRAINT fk_inspection_visits_campaign FOREIGN KEY (campaign_id) REFERENCES inspection_campaigns (id),
      CONSTRAINT fk_inspection_visits_unit FOREIGN KEY (unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE inspection_findings (
      id CHAR(36) NOT NULL PRIMARY KEY,
      campaign_id CHAR(36) NOT NULL,
      ward_id CHAR(36) NOT NULL,
      unit_id CHAR(36) NOT NULL,
      topic_code VARCHAR(32) NOT NULL,
      description TEXT NOT NULL,
      severity VARCHAR(32) NOT NULL,
      par_code VARCHAR(32) NULL,
      recommendation TEXT NOT NULL,
      status VARCHAR(32) NOT NULL,
      task_id CHAR(36) NULL,
      status_reason TEXT NULL,
      created_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_inspection_findings_campaign (campaign_id, created_at),
      KEY idx_inspection_findings_ward_unit (ward_id, unit_id),
      KEY idx_inspection_findings_task (task_id),
      CONSTRAINT fk_inspection_findings_campaign FOREIGN KEY (campaign_id, unit_id) REFERENCES inspection_visits (campaign_id, unit_id),
      CONSTRAINT fk_inspection_findings_task FOREIGN KEY (task_id) REFERENCES reform_tasks (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, [
      'inspection_findings',
      'inspection_visits',
      'inspection_campaigns',
      'inspection_checklists',
    ]);
  }
}
