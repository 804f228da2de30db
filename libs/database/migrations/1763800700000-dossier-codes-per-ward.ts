import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dossier code is unique within its ward, not across wards: two wards' one-stop systems may
 * number alike, and a refused code must never tell one ward about another's dossier.
 */
export class DossierCodesPerWard1763800700000 implements MigrationInterface {
  name = 'DossierCodesPerWard1763800700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE tthc_dossiers DROP INDEX uq_dossiers_code, ' +
        'ADD UNIQUE KEY uq_dossiers_ward_code (ward_id, code)',
    );
  }

  /** Refused by the database (duplicate key) while two wards hold the same code, as it must be. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE tthc_dossiers DROP INDEX uq_dossiers_ward_code, ' +
        'ADD UNIQUE KEY uq_dossiers_code (code)',
    );
  }
}
