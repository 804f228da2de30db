import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The task list filtered by lead unit (`?leadUnitId=`, a unit head's everyday view) or by plan
 * and area (`?planId=&areaCode=`, the plan page) gets an index in the list's order after the
 * filter, so that a page reads its first entries in order. Before, MariaDB read every matching
 * entry of another index (a unit's 1,428 tasks in `idx_tasks_ward_unit_reporting`; a plan area's
 * 471 rows through `idx_tasks_plan_area`, which has no ward) and sorted them: 7.5 and 6.0 ms a
 * page on the province database.
 */
export class TaskListUnitPlanIndexes1763804200000 implements MigrationInterface {
  name = 'TaskListUnitPlanIndexes1763804200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reform_tasks
         ADD INDEX idx_tasks_list_unit (ward_id, lead_unit_id, due_sort, created_at),
         ADD INDEX idx_tasks_list_plan (ward_id, plan_id, area_code, due_sort, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reform_tasks DROP INDEX idx_tasks_list_unit, DROP INDEX idx_tasks_list_plan`,
    );
  }
}
