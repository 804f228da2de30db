import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/** Wards, units, users, reform tasks, the audit history, the outbox and notifications. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE wards (
      id CHAR(36) NOT NULL PRIMARY KEY,
      code VARCHAR(32) NOT NULL,
      name VARCHAR(255) NOT NULL,
      province VARCHAR(255) NULL,
      UNIQUE KEY uq_wards_code (code)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE org_units (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      code VARCHAR(32) NOT NULL,
      name VARCHAR(255) NOT NULL,
      UNIQUE KEY uq_org_units_ward_code (ward_id, code),
      CONSTRAINT fk_org_units_ward FOREIGN KEY (ward_id) REFERENCES wards (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE users (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      unit_id CHAR(36) NULL,
      username VARCHAR(64) NOT NULL,
      full_name VARCHAR(255) NOT NULL,
      role VARCHAR(32) NOT NULL,
      password_hash VARCHAR(255) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_users_username (username),
      KEY idx_users_ward_role (ward_id, role),
      KEY idx_users_unit (unit_id),
      CONSTRAINT fk_users_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_users_unit FOREIGN KEY (unit_id) REFERENCES org_units (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE reform_tasks (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      title VARCHAR(500) NOT NULL,
      content TEXT NOT NULL,
      lead_unit_id CHAR(36) NOT NULL,
      coordinating_unit_ids JSON NOT NULL,
      leader_id CHAR(36) NULL,
      product TEXT NULL,
      requirement TEXT NULL,
      due_date DATE NULL,
      state VARCHAR(32) NOT NULL,
      late TINYINT(1) NOT NULL DEFAULT 0,
      version INT NOT NULL,
      machine_version INT NOT NULL,
      snapshot JSON NOT NULL,
      created_by CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      KEY idx_tasks_ward_state (ward_id, state),
      KEY idx_tasks_due (state, due_date),
      KEY idx_tasks_lead_unit (lead_unit_id),
      KEY idx_tasks_leader (leader_id),
      CONSTRAINT fk_tasks_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_tasks_lead_unit FOREIGN KEY (lead_unit_id) REFERENCES org_units (id),
      CONSTRAINT fk_tasks_leader FOREIGN KEY (leader_id) REFERENCES users (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE audit_events (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      instance_type VARCHAR(32) NOT NULL,
      instance_id CHAR(36) NOT NULL,
      seq INT NOT NULL,
      event_type VARCHAR(64) NOT NULL,
      from_state VARCHAR(32) NULL,
      to_state VARCHAR(32) NOT NULL,
      actor_id CHAR(36) NULL,
      actor_role VARCHAR(32) NOT NULL,
      reason TEXT NULL,
      payload JSON NULL,
      occurred_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_audit_instance_seq (instance_id, seq)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE outbox (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      queue VARCHAR(64) NOT NULL,
      job_name VARCHAR(64) NOT NULL,
      payload JSON NOT NULL,
      created_at DATETIME(3) NOT NULL,
      relayed_at DATETIME(3) NULL,
      processed_at DATETIME(3) NULL,
      KEY idx_outbox_pending (processed_at, relayed_at)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE notifications (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id CHAR(36) NOT NULL,
      dedupe_key VARCHAR(191) NOT NULL,
      topic VARCHAR(64) NOT NULL,
      subject_type VARCHAR(32) NOT NULL,
      subject_id CHAR(36) NOT NULL,
      title VARCHAR(500) NOT NULL,
      body TEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      read_at DATETIME(3) NULL,
      UNIQUE KEY uq_notifications_dedupe (user_id, dedupe_key),
      KEY idx_notifications_user (user_id, created_at),
      CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, [
      'notifications',
      'outbox',
      'audit_events',
      'reform_tasks',
      'users',
      'org_units',
      'wards',
    ]);
  }
}
