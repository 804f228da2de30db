import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An evidence file may belong to the ward rather than to one task's report: the value entered for
 * a target, or a PAR-Index self-score, is supported by files no task owns.
 */
export class WardEvidence1763802200000 implements MigrationInterface {
  name = 'WardEvidence1763802200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE evidence_files MODIFY task_id CHAR(36) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM evidence_files WHERE task_id IS NULL');
    await queryRunner.query('ALTER TABLE evidence_files MODIFY task_id CHAR(36) NOT NULL');
  }
}
