import { MigrationInterface, QueryRunner } from 'typeorm';
import { TABLE_OPTIONS } from './schema';

/** The day in Việt Nam (UTC+7 all year) of an audit event's instant. */
const VIETNAM_DAY = (occurredAt: string) => `DATE(${occurredAt} + INTERVAL 7 HOUR)`;

/** A column of the task being counted: `OLD.state`, `NEW.state` or `t.state`. */
type Column = (name: string) => string;

/**
 * A task's counter key. Key columns cannot be NULL: a task outside a plan or an area counts
 * under '', an undated one under 9999-12-31 (as `due_sort`). `on_time`: accepted on or before
 * the due date, as it stands.
 */
const KEY = (c: Column) => [
  c('ward_id'),
  c('lead_unit_id'),
  `COALESCE(${c('plan_id')}, '')`,
  `COALESCE(${c('area_code')}, '')`,
  `COALESCE(${c('due_date')}, '9999-12-31')`,
  c('state'),
  `COALESCE(${c('state')} = 'accepted' AND ${c('accepted_on')} <= ${c('due_date')}, 0)`,
];
const KEY_COLUMNS = 'ward_id, lead_unit_id, plan_id, area_code, due_on, state, on_time';
const CLASS_COLUMNS = [
  'ward_id',
  'lead_unit_id',
  'plan_id',
  'area_code',
  'due_date',
  'state',
  'accepted_on',
];

/** The task counted `delta` times: an upsert, so the first task of a key creates its counter. */
const count = (c: Column, delta: number) =>
  `INSERT INTO task_counts (${KEY_COLUMNS}, n) VALUES (${KEY(c).join(', ')}, ${delta})
   ON DUPLICATE KEY UPDATE n = n + ${delta};`;

const oldCol: Column = (name) => `OLD.${name}`;
const newCol: Column = (name) => `NEW.${name}`;

export const TASK_COUNT_TRIGGERS = [
  'reform_tasks_counts_insert',
  'reform_tasks_counts_update',
  'reform_tasks_counts_delete',
  'audit_events_task_accepted',
];

/**
 * The triggers that keep `accepted_on` and `task_counts` in the writing transaction (the
 * migration's, and again after a bulk load that dropped them: bulk-load.ts).
 */
export async function createTaskCountTriggers(queryRunner: QueryRunner): Promise<void> {
  const day = VIETNAM_DAY('NEW.occurred_at');
  await queryRunner.query(`CREATE TRIGGER audit_events_task_accepted AFTER INSERT ON audit_events
    FOR EACH ROW BEGIN
      IF NEW.instance_type = 'reform-task' AND NEW.to_state = 'accepted' THEN
        UPDATE reform_tasks SET accepted_on = LEAST(COALESCE(accepted_on, ${day}), ${day})
        WHERE id = NEW.instance_id;
      END IF;
    END`);
  const changed = CLASS_COLUMNS.map((name) => `NOT (OLD.${name} <=> NEW.${name})`).join(' OR ');
  await queryRunner.query(`CREATE TRIGGER reform_tasks_counts_insert AFTER INSERT ON reform_tasks
    FOR EACH ROW BEGIN ${count(newCol, 1)} END`);
  await queryRunner.query(`CREATE TRIGGER reform_tasks_counts_update AFTER UPDATE ON reform_tasks
    FOR EACH ROW BEGIN
      IF ${changed} THEN
        -- The two counters in key order, whichever way the task moves: two transactions moving
        -- tasks of one key in opposite directions then lock them in the same order.
        IF (${KEY(oldCol).join(', ')}) < (${KEY(newCol).join(', ')}) THEN
          ${count(oldCol, -1)}
          ${count(newCol, 1)}
        ELSE
          ${count(newCol, 1)}
          ${count(oldCol, -1)}
        END IF;
      END IF;
    END`);
  await queryRunner.query(`CREATE TRIGGER reform_tasks_counts_delete AFTER DELETE ON reform_tasks
    FOR EACH ROW BEGIN ${count(oldCol, -1)} END`);
}

/**
 * `accepted_on` from the audit history (the earliest acceptance) and `task_counts` from the
 * tasks, in two set-based statements.
 */
export async function fillTaskCounts(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `UPDATE reform_tasks t
     JOIN (SELECT instance_id, ${VIETNAM_DAY('MIN(occurred_at)')} AS day FROM audit_events
           WHERE instance_type = 'reform-task' AND to_state = 'accepted'
           GROUP BY instance_id) a ON a.instance_id = t.id
     SET t.accepted_on = a.day`,
  );
  const t: Column = (name) => `t.${name}`;
  await queryRunner.query(
    `INSERT INTO task_counts (${KEY_COLUMNS}, n)
     SELECT ${KEY(t).join(', ')}, COUNT(*) FROM reform_tasks t GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  );
}

/**
 * Maintained task counts, so that the dashboard's task figures (GET /stats/tasks) read a few
 * hundred counters of a ward instead of its every task and the audit history of each accepted
 * one:
 * - `reform_tasks.accepted_on`: the day (in Việt Nam) of the task's first audit event that moved
 *   it to `accepted`; a trigger on the audit log keeps it (the earliest such event wins, as the
 *   history's MIN would) whatever writes the event — the engine's transaction or group commit,
 *   an import;
 * - `task_counts`: tasks by ward, lead unit, plan, area, due date, state and on time; triggers on
 *   `reform_tasks` keep them in the writing transaction (the acceptance day's update included).
 * Both are filled here from the rows and histories already stored (the application stopped, as
 * migrations run).
 */
export class TaskCounts1763803100000 implements MigrationInterface {
  name = 'TaskCounts1763803100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE reform_tasks ADD COLUMN accepted_on DATE NULL');
    await queryRunner.query(`CREATE TABLE task_counts (
      ward_id CHAR(36) NOT NULL, lead_unit_id CHAR(36) NOT NULL, plan_id CHAR(36) NOT NULL,
      area_code VARCHAR(16) NOT NULL, due_on DATE NOT NULL, state VARCHAR(32) NOT NULL,
      on_time TINYINT NOT NULL, n INT NOT NULL,
      PRIMARY KEY (${KEY_COLUMNS})
    ) ${TABLE_OPTIONS}`);
    await fillTaskCounts(queryRunner);
    await createTaskCountTriggers(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of TASK_COUNT_TRIGGERS) await queryRunner.query(`DROP TRIGGER ${trigger}`);
    await queryRunner.query('DROP TABLE task_counts');
    await queryRunner.query('ALTER TABLE reform_tasks DROP COLUMN accepted_on');
  }
}
