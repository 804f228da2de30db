import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/**
 * What a ward decides that its plans do not say: which units a group phrase means, which leader
 * is in charge of which area or unit; and the identity of a plan without a number.
 */
export class PlanImportRules1763800800000 implements MigrationInterface {
  name = 'PlanImportRules1763800800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A draft plan ("Số: /QĐ-UBND") is known by its content: importing it again finds it.
    await queryRunner.query(`ALTER TABLE plans
      ADD COLUMN content_hash CHAR(64) NULL,
      ADD UNIQUE KEY uq_plans_ward_content (ward_id, content_hash)`);
    await queryRunner.query(`CREATE TABLE unit_groups (
      ward_id CHAR(36) NOT NULL,
      group_code VARCHAR(32) NOT NULL,
      unit_ids JSON NOT NULL,
      updated_by CHAR(36) NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (ward_id, group_code),
      CONSTRAINT fk_unit_groups_ward FOREIGN KEY (ward_id) REFERENCES wards (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE leader_assignments (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      leader_id CHAR(36) NOT NULL,
      area_code VARCHAR(16) NULL,
      unit_id CHAR(36) NULL,
      updated_by CHAR(36) NULL,
      -- NULL for the demo ward's seeded assignments, which nobody edited.
      updated_at DATETIME(3) NULL,
      UNIQUE KEY uq_leader_assignments_area (ward_id, area_code),
      UNIQUE KEY uq_leader_assignments_unit (ward_id, unit_id),
      CONSTRAINT fk_leader_assignments_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_leader_assignments_leader FOREIGN KEY (leader_id) REFERENCES users (id),
      CONSTRAINT fk_leader_assignments_unit FOREIGN KEY (unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, ['leader_assignments', 'unit_groups']);
    await queryRunner.query(
      'ALTER TABLE plans DROP KEY uq_plans_ward_content, DROP COLUMN content_hash',
    );
  }
}
