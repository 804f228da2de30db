import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/**
 * Targets (chỉ tiêu) of a plan with their entered values, the plan's narrative they are suggested
 * from, and the PAR-Index criteria tree of a ward's year with its self-scores.
 */
export class TargetsParIndex1763801200000 implements MigrationInterface {
  name = 'TargetsParIndex1763801200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE plans ADD COLUMN narrative MEDIUMTEXT NULL');
    await queryRunner.query(`CREATE TABLE plan_targets (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      plan_id CHAR(36) NOT NULL,
      code VARCHAR(32) NOT NULL,
      name VARCHAR(500) NOT NULL,
      unit VARCHAR(16) NULL,
      comparator VARCHAR(8) NULL,
      target_value DECIMAL(14,4) NULL,
      qualitative VARCHAR(500) NULL,
      source VARCHAR(16) NOT NULL,
      metric VARCHAR(32) NULL,
      status VARCHAR(16) NOT NULL,
      sentence TEXT NULL,
      source_row INT NULL,
      created_by CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_plan_targets_code (plan_id, code),
      KEY idx_plan_targets_ward (ward_id, status),
      CONSTRAINT fk_plan_targets_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_plan_targets_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE target_values (
      id CHAR(36) NOT NULL PRIMARY KEY,
      target_id CHAR(36) NOT NULL,
      period_from DATE NOT NULL,
      period_to DATE NOT NULL,
      value DECIMAL(14,4) NOT NULL,
      note TEXT NULL,
      evidence_ids JSON NOT NULL,
      entered_by CHAR(36) NOT NULL,
      entered_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_target_values_period (target_id, period_from, period_to),
      CONSTRAINT fk_target_values_target FOREIGN KEY (target_id) REFERENCES plan_targets (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE par_criteria (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      year INT NOT NULL,
      issuer VARCHAR(255) NOT NULL,
      code VARCHAR(32) NOT NULL,
      parent_code VARCHAR(32) NULL,
      level VARCHAR(16) NOT NULL,
      name VARCHAR(1000) NOT NULL,
      max_points DECIMAL(8,2) NOT NULL,
      method VARCHAR(16) NOT NULL,
      metric VARCHAR(32) NULL,
      position INT NOT NULL,
      UNIQUE KEY uq_par_criteria_code (ward_id, year, code),
      CONSTRAINT fk_par_criteria_ward FOREIGN KEY (ward_id) REFERENCES wards (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE par_scores (
      criterion_id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      year INT NOT NULL,
      score DECIMAL(8,2) NOT NULL,
      note TEXT NULL,
      evidence_ids JSON NOT NULL,
      task_ids JSON NOT NULL,
      figures JSON NOT NULL,
      status VARCHAR(16) NOT NULL,
      review_reason TEXT NULL,
      entered_by CHAR(36) NOT NULL,
      entered_at DATETIME(3) NOT NULL,
      reviewed_by CHAR(36) NULL,
      reviewed_at DATETIME(3) NULL,
      KEY idx_par_scores_ward_year (ward_id, year),
      CONSTRAINT fk_par_scores_criterion FOREIGN KEY (criterion_id) REFERENCES par_criteria (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, ['par_scores', 'par_criteria', 'target_values', 'plan_targets']);
    await queryRunner.query('ALTER TABLE plans DROP COLUMN narrative');
  }
}
