import { randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, TABLE_OPTIONS } from './schema';

/**
 * The outbox's dead letters (a job that failed its attempts stays in MySQL with its last error),
 * the database's outbox epoch (part of every job id, so a recreated database never reuses the
 * ids of the jobs Redis still remembers) and the audit sequences of instances the engine does
 * not run (the row an append locks to take its number).
 */
export class OutboxDeadLetters1763800500000 implements MigrationInterface {
  name = 'OutboxDeadLetters1763800500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox
      ADD COLUMN attempts INT NOT NULL DEFAULT 0,
      ADD COLUMN last_error VARCHAR(500) NULL,
      ADD COLUMN dead_at DATETIME(3) NULL,
      DROP KEY idx_outbox_pending,
      ADD KEY idx_outbox_pending (processed_at, dead_at, relayed_at)`);
    await queryRunner.query(`CREATE TABLE outbox_epoch (
      id TINYINT NOT NULL PRIMARY KEY,
      epoch CHAR(12) NOT NULL
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query('INSERT INTO outbox_epoch (id, epoch) VALUES (1, ?)', [
      randomBytes(6).toString('hex'),
    ]);
    await queryRunner.query(`CREATE TABLE audit_sequences (
      instance_id CHAR(36) NOT NULL PRIMARY KEY,
      last_seq INT NOT NULL
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(
      'INSERT INTO audit_sequences (instance_id, last_seq) ' +
        'SELECT instance_id, MAX(seq) FROM audit_events GROUP BY instance_id',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, ['audit_sequences', 'outbox_epoch']);
    await queryRunner.query(`ALTER TABLE outbox
      DROP KEY idx_outbox_pending,
      DROP COLUMN attempts,
      DROP COLUMN last_error,
      DROP COLUMN dead_at,
      ADD KEY idx_outbox_pending (processed_at, relayed_at)`);
  }
}
