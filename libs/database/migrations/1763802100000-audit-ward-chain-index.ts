import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit verify --ward` reads a ward's chains in (instance, seq) order, a page at a time after the
 * last event read: without this index each page scanned and sorted the whole ward's history.
 */
export class AuditWardChainIndex1763802100000 implements MigrationInterface {
  name = 'AuditWardChainIndex1763802100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE audit_events ADD INDEX idx_audit_ward_chain (ward_id, instance_id, seq)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_events DROP INDEX idx_audit_ward_chain');
  }
}
