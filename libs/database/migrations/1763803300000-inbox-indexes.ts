import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each task section of "Việc cần làm" reads its first items and its capped count from an index
 * in the section's filter and then the list's order (due_sort, created_at), instead of walking
 * the ward's list index and reading rows:
 * - a unit's tasks by state (officer, unit head);
 * - a leader's tasks by state, and the tasks without a leader (leader, coordinator);
 * - pending extension requests: `extension_pending` mirrors the snapshot's
 *   `context.extensionRequest` (stored, so that the inbox never opens a snapshot to find them).
 */
export class InboxIndexes1763803300000 implements MigrationInterface {
  name = 'InboxIndexes1763803300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reform_tasks
         ADD COLUMN extension_pending BOOLEAN AS (COALESCE(
           JSON_TYPE(JSON_EXTRACT(snapshot, '$.context.extensionRequest')) = 'OBJECT', FALSE)) STORED,
         ADD INDEX idx_tasks_ward_unit_state (ward_id, lead_unit_id, state, due_sort, created_at),
         ADD INDEX idx_tasks_ward_leader_state (ward_id, leader_id, state, due_sort, created_at),
         ADD INDEX idx_tasks_ward_extension (ward_id, extension_pending, leader_id, due_sort,
           created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reform_tasks DROP INDEX idx_tasks_ward_extension,
         DROP INDEX idx_tasks_ward_leader_state, DROP INDEX idx_tasks_ward_unit_state,
         DROP COLUMN extension_pending`,
    );
  }
}
