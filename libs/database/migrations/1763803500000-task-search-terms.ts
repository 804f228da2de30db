import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchCollation } from '../search-collation';
import { TABLE_OPTIONS } from './schema';

const TERM_LENGTH = 64;

/**
 * A task's terms as rows: its title and content lowercased and cut at every run of characters
 * other than letters, marks and digits, as the elements of a JSON array (MariaDB has no split
 * function; the separators, quotes and backslashes included, are gone, so the array is valid).
 * The task list cuts `?text=` the same way (libs/tasks/task-search-text.ts): change both.
 */
const termsOf = (row: string) =>
  `JSON_TABLE(CONCAT('["', REGEXP_REPLACE(LOWER(CONCAT(${row}.title, ' ', ${row}.content)),
     '[^\\\\p{L}\\\\p{M}\\\\p{N}]+', '","'), '"]'),
     '$[*]' COLUMNS (word LONGTEXT CHARACTER SET utf8mb4 PATH '$')) words`;

/** Adds the terms of the tasks `row` (each term once a task, at most 64 characters). */
const addTerms = (row: string, from: string) =>
  `INSERT INTO task_search_terms (task_id, term, ward_id, due_sort, created_at)
   SELECT ${row}.id, LEFT(words.word, ${TERM_LENGTH}), ${row}.ward_id,
          COALESCE(${row}.due_date, '9999-12-31'), ${row}.created_at
   FROM ${from}${termsOf(row)}
   WHERE words.word <> ''
   ON DUPLICATE KEY UPDATE task_id = task_id`;

export const TASK_TERM_TRIGGERS = [
  'reform_tasks_terms_insert',
  'reform_tasks_terms_update',
  'reform_tasks_terms_delete',
];

/** The triggers that keep the terms (the migration's, and again after a bulk load: bulk-load.ts). */
export async function createTaskTermTriggers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`CREATE TRIGGER reform_tasks_terms_insert AFTER INSERT ON reform_tasks
    FOR EACH ROW ${addTerms('NEW', '')}`);
  await queryRunner.query(`CREATE TRIGGER reform_tasks_terms_update AFTER UPDATE ON reform_tasks
    FOR EACH ROW BEGIN
      IF NOT (BINARY OLD.title <=> BINARY NEW.title)
         OR NOT (BINARY OLD.content <=> BINARY NEW.content) THEN
        DELETE FROM task_search_terms WHERE task_id = NEW.id;
        ${addTerms('NEW', '')};
      ELSEIF NOT (OLD.due_date <=> NEW.due_date) THEN
        UPDATE task_search_terms SET due_sort = COALESCE(NEW.due_date, '9999-12-31')
         WHERE task_id = NEW.id;
      END IF;
    END`);
  await queryRunner.query(`CREATE TRIGGER reform_tasks_terms_delete AFTER DELETE ON reform_tasks
    FOR EACH ROW DELETE FROM task_search_terms WHERE task_id = OLD.id`);
}

/** Every task's terms, in one statement. */
export async function fillTaskTerms(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(addTerms('t', 'reform_tasks t, '));
}

/**
 * `?text=` of the task list through a table of terms instead of InnoDB FULLTEXT, which leaves
 * out words shorter than `innodb_ft_min_token_size` (most Vietnamese syllables: "hộ", "xã") and
 * gives its matches in no order, so every match was read and sorted. `task_search_terms` holds
 * each distinct term of a task's title and content with the list's sort key (ward, due_sort,
 * created_at, task id); the list walks one term of the phrase in that order and confirms the
 * phrase on the task row. Triggers keep it in the writing transaction whatever writes the task
 * (the engine, a plan import's amendment, a bulk seed), as they keep `task_counts`: the terms
 * when the title or content changes (compared as bytes: a changed diacritic is a change), the
 * copied due date when it changes (a task's ward and creation time never do). Existing tasks
 * are indexed here, in one statement (a statement per term took minutes for 20,000 tasks while
 * holding the migration lock); the FULLTEXT index goes.
 */
export class TaskSearchTerms1763803500000 implements MigrationInterface {
  name = 'TaskSearchTerms1763803500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Case-insensitive, accent-sensitive ("hộ" ≠ "hồ", "Hộ" = "hộ"), as the list's phrase match.
    const collation = await searchCollation(queryRunner);
    await queryRunner.query(`CREATE TABLE task_search_terms (
      task_id CHAR(36) NOT NULL,
      term VARCHAR(${TERM_LENGTH}) COLLATE ${collation} NOT NULL,
      ward_id CHAR(36) NOT NULL,
      due_sort DATE NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (task_id, term),
      INDEX idx_task_search_terms_list (ward_id, term, due_sort, created_at, task_id)
    ) ${TABLE_OPTIONS}`);
    await createTaskTermTriggers(queryRunner);
    await fillTaskTerms(queryRunner);
    await queryRunner.query('ALTER TABLE reform_tasks DROP INDEX ft_tasks_text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE reform_tasks ADD FULLTEXT INDEX ft_tasks_text (title, content)',
    );
    for (const trigger of TASK_TERM_TRIGGERS) await queryRunner.query(`DROP TRIGGER ${trigger}`);
    await queryRunner.query('DROP TABLE task_search_terms');
  }
}
