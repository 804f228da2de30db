import { MigrationInterface, QueryRunner } from 'typeorm';
import { chainExistingHistory } from '@cchc/audit';
import { dropTables, TABLE_OPTIONS } from './schema';

/** Where the ward of an existing instance's history is found, by audit instance type. */
const WARD_SOURCES: [instanceType: string, table: string][] = [
  ['reform-task', 'reform_tasks'],
  ['tthc-dossier', 'tthc_dossiers'],
  ['plan', 'plans'],
  ['user', 'users'],
  ['evidence', 'evidence_files'],
  ['apology-slip', 'apology_slips'],
];
/**
 * Tamper-evident audit: every event gets its ward, the hash of its instance's previous event and
 * its own hash (libs/audit), the existing history is chained in order (only rows without a hash,
 * so running it again changes nothing), and ward checkpoints get their table (the daily one is
 * unique per scope and day through `daily_day`; on-demand ones leave it NULL).
 */
export class AuditChain1763801000000 implements MigrationInterface {
  name = 'AuditChain1763801000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events
      ADD COLUMN ward_id CHAR(36) NULL,
      ADD COLUMN prev_hash CHAR(64) CHARACTER SET ascii NULL,
      ADD COLUMN hash CHAR(64) CHARACTER SET ascii NULL,
      ADD KEY idx_audit_ward_time (ward_id, occurred_at, id)`);
    for (const [instanceType, table] of WARD_SOURCES) {
      await queryRunner.query(
        `UPDATE audit_events a JOIN ${table} t ON t.id = a.instance_id ` +
          'SET a.ward_id = t.ward_id WHERE a.instance_type = ? AND a.ward_id IS NULL',
        [instanceType],
      );
    }
    await queryRunner.query(
      'UPDATE audit_events a JOIN wards w ON w.id = a.instance_id SET a.ward_id = w.id ' +
        'WHERE a.ward_id IS NULL',
    );
    await chainExistingHistory(queryRunner);
    await queryRunner.query(`ALTER TABLE audit_events
      MODIFY prev_hash CHAR(64) CHARACTER SET ascii NOT NULL,
      MODIFY hash CHAR(64) CHARACTER SET ascii NOT NULL`);
    await queryRunner.query(`CREATE TABLE audit_checkpoints (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      scope VARCHAR(36) NOT NULL,
      day DATE NOT NULL,
      created_at DATETIME(3) NOT NULL,
      instance_count INT NOT NULL,
      root CHAR(64) CHARACTER SET ascii NOT NULL,
      heads LONGTEXT NOT NULL,
      signature VARCHAR(128) CHARACTER SET ascii NOT NULL,
      key_id CHAR(16) CHARACTER SET ascii NOT NULL,
      daily_day DATE NULL,
      UNIQUE KEY uq_audit_checkpoints_daily (scope, daily_day),
      KEY idx_audit_checkpoints_scope (scope, created_at),
      KEY idx_audit_checkpoints_created (created_at)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, ['audit_checkpoints']);
    await queryRunner.query(`ALTER TABLE audit_events
      DROP KEY idx_audit_ward_time,
      DROP COLUMN ward_id,
      DROP COLUMN prev_hash,
      DROP COLUMN hash`);
  }
}
