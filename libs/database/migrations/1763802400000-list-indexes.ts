import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The task and dossier lists read one page in index order instead of sorting a whole ward:
 * - tasks sort by due date with the undated last: `due_sort` (the due date, or 9999-12-31) is
 *   stored so that (ward, due_sort, created_at, id) is the list's order; the filter columns
 *   follow in the index, so a filter is checked on the index entry (no row read per entry);
 * - `?text=` finds words through a FULLTEXT index on title and content;
 * - dossiers sort by (appointment date, receipt time, id) within the ward, with the filter
 *   columns after them for the same reason;
 * - the one-stop officer's inbox counts the ward's running dossiers by state and appointment, and
 *   a unit head's inbox reads the unit's draft apology slips, each from an index alone.
 */
export class ListIndexes1763802400000 implements MigrationInterface {
  name = 'ListIndexes1763802400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reform_tasks
         ADD COLUMN due_sort DATE AS (COALESCE(due_date, '9999-12-31')) STORED,
         ADD INDEX idx_tasks_list (ward_id, due_sort, created_at, id, state, lead_unit_id,
           leader_id, plan_id, area_code, due_date)`,
    );
    await queryRunner.query(
      'ALTER TABLE reform_tasks ADD FULLTEXT INDEX ft_tasks_text (title, content)',
    );
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers
         ADD INDEX idx_dossiers_list (ward_id, appointment_date, received_at, id, state,
           handling_unit_id, received_on, overdue, apology_round),
         ADD INDEX idx_dossiers_ward_state (ward_id, state, appointment_date)`,
    );
    await queryRunner.query(
      `ALTER TABLE apology_slips
         ADD INDEX idx_apology_slips_to_sign (ward_id, unit_id, status, missed_appointment_date)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE apology_slips DROP INDEX idx_apology_slips_to_sign');
    await queryRunner.query(
      'ALTER TABLE tthc_dossiers DROP INDEX idx_dossiers_list, DROP INDEX idx_dossiers_ward_state',
    );
    await queryRunner.query(
      `ALTER TABLE reform_tasks DROP INDEX ft_tasks_text, DROP INDEX idx_tasks_list,
         DROP COLUMN due_sort`,
    );
  }
}
