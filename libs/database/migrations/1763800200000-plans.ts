import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/** Imported plans, their areas, the wards' unit aliases, and the plan columns of reform tasks. */
export class Plans1763800200000 implements MigrationInterface {
  name = 'Plans1763800200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Numbers restart every year ("07/KH-UBND"); `number` is NULL for a draft ("Số: /KH-UBND"),
    // and MySQL's unique key lets such plans coexist.
    await queryRunner.query(`CREATE TABLE plans (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      number VARCHAR(64) NULL,
      title VARCHAR(500) NULL,
      year INT NOT NULL,
      issued_on DATE NULL,
      source_file VARCHAR(255) NOT NULL,
      revision INT NOT NULL,
      created_by CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_plans_ward_year_number (ward_id, year, number),
      CONSTRAINT fk_plans_ward FOREIGN KEY (ward_id) REFERENCES wards (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE plan_areas (
      plan_id CHAR(36) NOT NULL,
      code VARCHAR(16) NOT NULL,
      title VARCHAR(500) NOT NULL,
      position INT NOT NULL,
      PRIMARY KEY (plan_id, code),
      CONSTRAINT fk_plan_areas_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE unit_aliases (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      alias VARCHAR(255) NOT NULL,
      alias_key VARCHAR(191) NOT NULL,
      unit_id CHAR(36) NULL,
      group_code VARCHAR(32) NULL,
      updated_by CHAR(36) NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_unit_aliases_ward_key (ward_id, alias_key),
      CONSTRAINT fk_unit_aliases_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_unit_aliases_unit FOREIGN KEY (unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`ALTER TABLE reform_tasks
      ADD COLUMN plan_id CHAR(36) NULL,
      ADD COLUMN area_code VARCHAR(16) NULL,
      ADD COLUMN ordinal VARCHAR(32) NULL,
      ADD COLUMN parent_id CHAR(36) NULL,
      ADD COLUMN is_group TINYINT(1) NOT NULL DEFAULT 0,
      ADD COLUMN source_row INT NULL,
      ADD COLUMN lead_unit_raw VARCHAR(500) NULL,
      ADD COLUMN coordinating_raw TEXT NULL,
      ADD COLUMN leader_raw VARCHAR(255) NULL,
      ADD COLUMN deadline_raw TEXT NULL,
      ADD COLUMN deadline JSON NULL,
      ADD KEY idx_tasks_plan_area (plan_id, area_code, ordinal),
      ADD KEY idx_tasks_parent (parent_id, state),
      ADD CONSTRAINT fk_tasks_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
      ADD CONSTRAINT fk_tasks_parent FOREIGN KEY (parent_id) REFERENCES reform_tasks (id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reform_tasks
      DROP FOREIGN KEY fk_tasks_parent,
      DROP FOREIGN KEY fk_tasks_plan,
      DROP KEY idx_tasks_parent,
      DROP KEY idx_tasks_plan_area,
      DROP COLUMN deadline, DROP COLUMN deadline_raw, DROP COLUMN leader_raw,
      DROP COLUMN coordinating_raw, DROP COLUMN lead_unit_raw, DROP COLUMN source_row,
      DROP COLUMN is_group, DROP COLUMN parent_id, DROP COLUMN ordinal, DROP COLUMN area_code,
      DROP COLUMN plan_id`);
    await dropTables(queryRunner, ['unit_aliases', 'plan_areas', 'plans']);
  }
}
