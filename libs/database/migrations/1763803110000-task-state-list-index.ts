import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `idx_tasks_ward_state` goes on with the list's order (due_sort, created_at; the primary key
 * follows in every InnoDB index), so that a task list filtered by state — the dashboard asks for
 * one per state — reads its page's first entries instead of walking the ward's list index past
 * every task in other states (thousands of entries for an uncommon state). Its old columns are
 * its prefix: whatever read by ward and state still does.
 */
export class TaskStateListIndex1763803110000 implements MigrationInterface {
  name = 'TaskStateListIndex1763803110000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reform_tasks DROP INDEX idx_tasks_ward_state,
         ADD INDEX idx_tasks_ward_state (ward_id, state, due_sort, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reform_tasks DROP INDEX idx_tasks_ward_state,
         ADD INDEX idx_tasks_ward_state (ward_id, state)`,
    );
  }
}
