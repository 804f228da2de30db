import { MigrationInterface, QueryRunner } from 'typeorm';

/** A task's final states: it never leaves them. */
const CLOSED = "('accepted', 'cancelled')";

/**
 * Stored facts that make each task section of "Việc cần làm" one index range in the list's order
 * (due_sort, created_at, id), its first items and capped count read from the index alone, and
 * the chairman's escalations a range of their own:
 * - `return_reason`: the reason of the RETURN that sent the task's report back ('' for a RETURN
 *   without one), NULL once it is reported again or if it never was returned. Before, the
 *   officer's and unit head's sections read the last audit event of each of the unit's tasks in
 *   progress. A trigger on the audit log keeps it in the writing transaction, whatever writes
 *   the event — the engine's transaction or group commit, an import — like `accepted_on` (a
 *   task's events are written in order: the last RETURN or SUBMIT_REPORT written decides);
 * - `reporting`: 'returned' or 'due' for a task in progress or overdue (its report is awaited),
 *   NULL otherwise: "Báo cáo bị trả lại" and "Nhiệm vụ cần báo cáo" are each one range of
 *   `idx_tasks_ward_unit_reporting`;
 * - `awaits_unit`: the task waits on its lead unit (assigned, in progress or overdue), the only
 *   states an overdue task can be in: "Nhiệm vụ quá hạn" walks `idx_tasks_ward_awaiting` in
 *   order, past no accepted or reported task (the ward's list index walked thousands of them
 *   before its first overdue one);
 * - `escalations.to_chairman`: an escalation that named the chairman, and `task_open`: its task
 *   is not yet accepted or cancelled (final states), set false by a trigger on reform_tasks when
 *   the task reaches one. The log holds every reminder and overdue notice too, and the
 *   escalations of tasks long closed: "Nhiệm vụ chuyển lên Chủ tịch" read the ward's whole log
 *   (its JSON recipients, and the task of each entry) to count its own.
 * Filled here from the histories already stored (the application stopped, as migrations run).
 */
export class InboxTaskFacts1763803600000 implements MigrationInterface {
  name = 'InboxTaskFacts1763803600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reform_tasks
         ADD COLUMN return_reason TEXT NULL,
         ADD COLUMN reporting VARCHAR(8) AS (CASE WHEN state IN ('inProgress', 'overdue')
           THEN IF(return_reason IS NULL, 'due', 'returned') END) STORED,
         ADD COLUMN awaits_unit BOOLEAN AS (state IN ('assigned', 'inProgress', 'overdue')) STORED,
         ADD INDEX idx_tasks_ward_unit_reporting (ward_id, lead_unit_id, reporting, due_sort,
           created_at),
         ADD INDEX idx_tasks_ward_awaiting (ward_id, awaits_unit, due_sort, created_at, id, state)`,
    );
    await queryRunner.query(
      `ALTER TABLE escalations
         ADD COLUMN to_chairman BOOLEAN AS (kind = 'escalate'
           AND JSON_CONTAINS(recipients, '"chairman"')) STORED,
         ADD COLUMN task_open BOOLEAN NOT NULL DEFAULT TRUE,
         ADD INDEX idx_escalations_ward_chairman (ward_id, to_chairman, task_open, fired_at, id,
           task_id)`,
    );
    await queryRunner.query(
      `UPDATE escalations e JOIN reform_tasks t ON t.id = e.task_id SET e.task_open = FALSE
       WHERE t.state IN ${CLOSED}`,
    );
    await queryRunner.query(`CREATE TRIGGER reform_tasks_escalations_closed
      AFTER UPDATE ON reform_tasks FOR EACH ROW BEGIN
        IF NEW.state IN ${CLOSED} AND OLD.state NOT IN ${CLOSED} THEN
          UPDATE escalations SET task_open = FALSE WHERE task_id = NEW.id;
        END IF;
      END`);
    await queryRunner.query(
      `UPDATE reform_tasks t
       JOIN (SELECT instance_id, MAX(seq) AS seq FROM audit_events
             WHERE instance_type = 'reform-task' AND event_type IN ('RETURN', 'SUBMIT_REPORT')
             GROUP BY instance_id) last ON last.instance_id = t.id
       JOIN audit_events a ON a.instance_type = 'reform-task' AND a.instance_id = last.instance_id
         AND a.seq = last.seq
       SET t.return_reason = COALESCE(a.reason, '')
       WHERE a.event_type = 'RETURN'`,
    );
    await queryRunner.query(`CREATE TRIGGER audit_events_task_returned AFTER INSERT ON audit_events
      FOR EACH ROW BEGIN
        IF NEW.instance_type = 'reform-task' AND NEW.event_type IN ('RETURN', 'SUBMIT_REPORT') THEN
          UPDATE reform_tasks
          SET return_reason = IF(NEW.event_type = 'RETURN', COALESCE(NEW.reason, ''), NULL)
          WHERE id = NEW.instance_id;
        END IF;
      END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_events_task_returned');
    await queryRunner.query('DROP TRIGGER reform_tasks_escalations_closed');
    await queryRunner.query(
      `ALTER TABLE escalations DROP INDEX idx_escalations_ward_chairman, DROP COLUMN task_open,
         DROP COLUMN to_chairman`,
    );
    await queryRunner.query(
      `ALTER TABLE reform_tasks DROP INDEX idx_tasks_ward_awaiting,
         DROP INDEX idx_tasks_ward_unit_reporting, DROP COLUMN awaits_unit, DROP COLUMN reporting,
         DROP COLUMN return_reason`,
    );
  }
}
