import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The QĐ 766 dossier figures of a ward over a period (periodic reports, targets, the province
 * ranking) read every column they count from this index, in received-date order, instead of
 * one primary-key lookup per dossier; it replaces the (ward_id, received_on) index it extends.
 */
export class DossierFiguresIndex1763801600000 implements MigrationInterface {
  name = 'DossierFiguresIndex1763801600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers
         ADD INDEX idx_dossiers_ward_figures (ward_id, received_on, handling_unit_id, state, late,
           overdue, returned_on, appointment_date),
         DROP INDEX idx_dossiers_ward_received`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers
         ADD INDEX idx_dossiers_ward_received (ward_id, received_on),
         DROP INDEX idx_dossiers_ward_figures`,
    );
  }
}
