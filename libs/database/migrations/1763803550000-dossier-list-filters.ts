import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each filter of the dossier list reads its page and its capped count from an index in the
 * filter and then the list's order (appointment date, receipt time, id), instead of walking the
 * ward's list index past the dossiers that do not match:
 * - `apology_status` (none / pending / signed) mirrors the snapshot's `context.apologyPending`
 *   and the apology round; stored, so `?apology=` never opens a snapshot, and recomputed by
 *   MariaDB in the very statement that writes the snapshot (adding it fills existing rows);
 * - `clock_running` (received or processing): overdue dossiers are those of them whose
 *   appointment has passed (or was marked missed), found at the start of that index;
 * - the handling unit; the state (idx_dossiers_ward_state gains the list's whole order);
 * - the receipt date: a range of it cannot come in appointment order, so the range's entries
 *   (index only) are sorted; a week of a ward is a few thousand entries at most.
 */
export class DossierListFilters1763803550000 implements MigrationInterface {
  name = 'DossierListFilters1763803550000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers
         ADD COLUMN apology_status VARCHAR(8) AS (CASE WHEN apology_round = 0 THEN 'none'
           WHEN JSON_TYPE(JSON_EXTRACT(snapshot, '$.context.apologyPending')) = 'OBJECT'
           THEN 'pending' ELSE 'signed' END) STORED,
         ADD COLUMN clock_running BOOLEAN AS (state IN ('received', 'processing')) STORED,
         ADD INDEX idx_dossiers_list_apology (ward_id, apology_status, appointment_date,
           received_at, id),
         ADD INDEX idx_dossiers_list_running (ward_id, clock_running, appointment_date,
           received_at, id, overdue),
         DROP INDEX idx_dossiers_ward_state,
         ADD INDEX idx_dossiers_ward_state (ward_id, state, appointment_date, received_at, id),
         ADD INDEX idx_dossiers_list_unit (ward_id, handling_unit_id, appointment_date,
           received_at, id),
         ADD INDEX idx_dossiers_list_received (ward_id, received_on, appointment_date,
           received_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers DROP INDEX idx_dossiers_list_received,
         DROP INDEX idx_dossiers_list_unit, DROP INDEX idx_dossiers_list_running,
         DROP INDEX idx_dossiers_list_apology, DROP COLUMN clock_running,
         DROP COLUMN apology_status, DROP INDEX idx_dossiers_ward_state,
         ADD INDEX idx_dossiers_ward_state (ward_id, state, appointment_date)`,
    );
  }
}
