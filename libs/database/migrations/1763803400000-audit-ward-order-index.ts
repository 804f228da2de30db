import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit verify --ward` reads a ward's history in the order it was written (primary key), a page
 * at a time after the last id read: this index gives the ward's ids in order, so each page is a
 * range instead of a scan of the ward and a sort.
 */
export class AuditWardOrderIndex1763803400000 implements MigrationInterface {
  name = 'AuditWardOrderIndex1763803400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE audit_events ADD INDEX idx_audit_ward_order (ward_id, id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_events DROP INDEX idx_audit_ward_order');
  }
}
