import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/** Evidence files of task reports; the bytes are stored by hash outside the database. */
export class EvidenceFiles1763800900000 implements MigrationInterface {
  name = 'EvidenceFiles1763800900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE evidence_files (
      id CHAR(36) NOT NULL PRIMARY KEY,
      ward_id CHAR(36) NOT NULL,
      task_id CHAR(36) NOT NULL,
      sha256 CHAR(64) NOT NULL,
      size INT NOT NULL,
      media_type VARCHAR(128) NOT NULL,
      original_name VARCHAR(255) NOT NULL,
      uploaded_by CHAR(36) NOT NULL,
      uploaded_at DATETIME(3) NOT NULL,
      KEY idx_evidence_files_task (task_id, uploaded_at),
      KEY idx_evidence_files_sha256 (sha256),
      CONSTRAINT fk_evidence_files_ward FOREIGN KEY (ward_id) REFERENCES wards (id),
      CONSTRAINT fk_evidence_files_task FOREIGN KEY (task_id) REFERENCES reform_tasks (id),
      CONSTRAINT fk_evidence_files_uploader FOREIGN KEY (uploaded_by) REFERENCES users (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, ['evidence_files']);
  }
}
