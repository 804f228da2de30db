import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/** Pending timers, escalation records and policies, outbound webhooks and their delivery log. */
export class Deadlines1763800300000 implements MigrationInterface {
  name = 'Deadlines1763800300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE timers (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      subject_type VARCHAR(32) NOT NULL,
      subject_id VARCHAR(64) NOT NULL,
      kind VARCHAR(32) NOT NULL,
      level INT NOT NULL,
      due_date DATE NULL,
      fire_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_timers_slot (subject_type, subject_id, kind, level, due_date),
      KEY idx_timers_fire_at (fire_at)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE escalations (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      task_id CHAR(36) NOT NULL,
      kind VARCHAR(32) NOT NULL,
      level INT NOT NULL,
      due_date DATE NOT NULL,
      lead_unit_id CHAR(36) NOT NULL,
      recipients JSON NOT NULL,
      fired_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_escalations_once (task_id, kind, level, due_date),
      KEY idx_escalations_ward_fired (ward_id, fired_at),
      KEY idx_escalations_ward_unit (ward_id, lead_unit_id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE escalation_policies (
      ward_id CHAR(36) NOT NULL PRIMARY KEY,
      policy JSON NOT NULL,
      updated_by CHAR(36) NULL,
      updated_at DATETIME(3) NOT NULL
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE webhooks (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      url VARCHAR(2000) NOT NULL,
      secret VARCHAR(255) NOT NULL,
      events JSON NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_by CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_webhooks_ward (ward_id, active)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE webhook_deliveries (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      webhook_id CHAR(36) NOT NULL,
      event_key VARCHAR(191) NOT NULL,
      event_type VARCHAR(64) NOT NULL,
      body JSON NOT NULL,
      status VARCHAR(16) NOT NULL,
      attempts INT NOT NULL DEFAULT 0,
      response_status INT NULL,
      last_error TEXT NULL,
      created_at DATETIME(3) NOT NULL,
      last_attempt_at DATETIME(3) NULL,
      delivered_at DATETIME(3) NULL,
      UNIQUE KEY uq_webhook_deliveries_once (webhook_id, event_key),
      CONSTRAINT fk_webhook_deliveries_webhook FOREIGN KEY (webhook_id) REFERENCES webhooks (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, [
      'webhook_deliveries',
      'webhooks',
      'escalation_policies',
      'escalations',
      'timers',
    ]);
  }
}
