import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dossier list's "quá hạn" filter counted only dossiers whose clock runs (received,
 * processing), while the figures' openOverdue also counts one whose result waits to be handed
 * over past its appointment, and one waiting for a supplement whose appointment was missed
 * before the pause (IN_HAND of 1763804000000): a ward saw fewer dossiers in the list than on its
 * dashboard.
 * `may_be_overdue` (stored) holds the dossiers the figures judge by their appointment; those of
 * them marked overdue or past their appointment are the list's overdue ones, found at the start
 * of idx_dossiers_list_overdue as before.
 */
export class DossierListOverdue1763804600000 implements MigrationInterface {
  name = 'DossierListOverdue1763804600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers DROP INDEX idx_dossiers_list_running, DROP COLUMN clock_running,
         ADD COLUMN may_be_overdue BOOLEAN AS (state IN ('received', 'processing', 'resultReady')
           OR (state IN ('supplementRequested') AND overdue = 1)) STORED,
         ADD INDEX idx_dossiers_list_overdue (ward_id, may_be_overdue, appointment_date,
           received_at, id, overdue)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers DROP INDEX idx_dossiers_list_overdue, DROP COLUMN may_be_overdue,
         ADD COLUMN clock_running BOOLEAN AS (state IN ('received', 'processing')) STORED,
         ADD INDEX idx_dossiers_list_running (ward_id, clock_running, appointment_date,
           received_at, id, overdue)`,
    );
  }
}
