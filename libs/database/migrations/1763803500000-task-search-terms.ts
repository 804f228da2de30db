import { MigrationInterface, QueryRunner } from 'typeorm';
import { TABLE_OPTIONS } from './schema';

/**
 * A search term: a run of letters, marks and digits, lowercased. The task list splits `?text=`
 * the same way (libs/tasks/task-search-text.ts); change both together.
 */
const TERM = "'[\\\\p{L}\\\\p{M}\\\\p{N}]+'";
const TERM_LENGTH = 64;
/** Case-insensitive, accent-sensitive ("hộ" ≠ "hồ", "Hộ" = "hộ"), as the list's phrase match. */
const SEARCH_COLLATION = 'utf8mb4_uca1400_vietnamese_as_ci';

/** Sort key columns a task's terms copy, so that a term's tasks are read in the list's order. */
const sortKey = (row: string) =>
  `${row}.ward_id, COALESCE(${row}.due_date, '9999-12-31'), ${row}.created_at`;

/**
 * `?text=` of the task list through a table of terms instead of InnoDB FULLTEXT, which leaves
 * out words shorter than `innodb_ft_min_token_size` (most Vietnamese syllables: "hộ", "xã") and
 * gives its matches in no order, so every match was read and sorted. `task_search_terms` holds
 * each distinct term of a task's title and content with the list's sort key (ward, due_sort,
 * created_at, task id); the list walks one term of the phrase in that order and confirms the
 * phrase on the task row. Triggers keep it in the writing transaction whatever writes the task
 * (the engine, a plan import's amendment, a bulk seed), as they keep `task_counts`: the terms
 * when the title or content changes (compared as bytes: a changed diacritic is a change), the
 * copied due date when it changes (a task's ward and creation time never do). Existing tasks are indexed here; the FULLTEXT index goes.
 */
export class TaskSearchTerms1763803500000 implements MigrationInterface {
  name = 'TaskSearchTerms1763803500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE task_search_terms (
      task_id CHAR(36) NOT NULL,
      term VARCHAR(${TERM_LENGTH}) COLLATE ${SEARCH_COLLATION} NOT NULL,
      ward_id CHAR(36) NOT NULL,
      due_sort DATE NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (task_id, term),
      INDEX idx_task_search_terms_list (ward_id, term, due_sort, created_at, task_id)
    ) ${TABLE_OPTIONS}`);
    // One statement per distinct term: a task's title and content hold some dozens.
    await queryRunner.query(`CREATE PROCEDURE task_search_terms_add(
        task CHAR(36), ward CHAR(36), due DATE, created DATETIME(3),
        body LONGTEXT CHARACTER SET utf8mb4)
      BEGIN
        DECLARE rest LONGTEXT CHARACTER SET utf8mb4 DEFAULT LOWER(body);
        DECLARE word LONGTEXT CHARACTER SET utf8mb4;
        DECLARE at INT;
        WHILE CHAR_LENGTH(rest) > 0 DO
          SET at = REGEXP_INSTR(rest, ${TERM});
          IF at = 0 THEN
            SET rest = '';
          ELSE
            SET word = REGEXP_SUBSTR(rest, ${TERM});
            INSERT INTO task_search_terms (task_id, term, ward_id, due_sort, created_at)
              VALUES (task, LEFT(word, ${TERM_LENGTH}), ward, due, created)
              ON DUPLICATE KEY UPDATE task_id = task_id;
            SET rest = SUBSTRING(rest, at + CHAR_LENGTH(word));
          END IF;
        END WHILE;
      END`);
    const body = (row: string) => `CONCAT(${row}.title, ' ', ${row}.content)`;
    await queryRunner.query(`CREATE TRIGGER reform_tasks_terms_insert AFTER INSERT ON reform_tasks
      FOR EACH ROW CALL task_search_terms_add(NEW.id, ${sortKey('NEW')}, ${body('NEW')})`);
    await queryRunner.query(`CREATE TRIGGER reform_tasks_terms_update AFTER UPDATE ON reform_tasks
      FOR EACH ROW BEGIN
        IF NOT (BINARY OLD.title <=> BINARY NEW.title)
           OR NOT (BINARY OLD.content <=> BINARY NEW.content) THEN
          DELETE FROM task_search_terms WHERE task_id = NEW.id;
          CALL task_search_terms_add(NEW.id, ${sortKey('NEW')}, ${body('NEW')});
        ELSEIF NOT (OLD.due_date <=> NEW.due_date) THEN
          UPDATE task_search_terms SET due_sort = COALESCE(NEW.due_date, '9999-12-31')
           WHERE task_id = NEW.id;
        END IF;
      END`);
    await queryRunner.query(`CREATE TRIGGER reform_tasks_terms_delete AFTER DELETE ON reform_tasks
      FOR EACH ROW DELETE FROM task_search_terms WHERE task_id = OLD.id`);
    await queryRunner.query(`CREATE PROCEDURE task_search_terms_backfill()
      BEGIN
        DECLARE done BOOL DEFAULT FALSE;
        DECLARE task, ward CHAR(36);
        DECLARE due DATE;
        DECLARE created DATETIME(3);
        DECLARE body LONGTEXT CHARACTER SET utf8mb4;
        DECLARE tasks CURSOR FOR SELECT t.id, ${sortKey('t')}, ${body('t')} FROM reform_tasks t;
        DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
        OPEN tasks;
        read_task: LOOP
          FETCH tasks INTO task, ward, due, created, body;
          IF done THEN LEAVE read_task; END IF;
          CALL task_search_terms_add(task, ward, due, created, body);
        END LOOP;
        CLOSE tasks;
      END`);
    await queryRunner.query('CALL task_search_terms_backfill()');
    await queryRunner.query('DROP PROCEDURE task_search_terms_backfill');
    await queryRunner.query('ALTER TABLE reform_tasks DROP INDEX ft_tasks_text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE reform_tasks ADD FULLTEXT INDEX ft_tasks_text (title, content)',
    );
    for (const trigger of [
      'reform_tasks_terms_insert',
      'reform_tasks_terms_update',
      'reform_tasks_terms_delete',
    ])
      await queryRunner.query(`DROP TRIGGER ${trigger}`);
    await queryRunner.query('DROP PROCEDURE task_search_terms_add');
    await queryRunner.query('DROP TABLE task_search_terms');
  }
}
