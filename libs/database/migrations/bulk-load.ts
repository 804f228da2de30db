import { QueryRunner } from 'typeorm';
import {
  createDossierCountTriggers,
  DOSSIER_COUNT_TRIGGERS,
  fillDossierCounts,
} from './1763802510000-dossier-counts-as-of';
import {
  createTaskCountTriggers,
  fillTaskCounts,
  TASK_COUNT_TRIGGERS,
} from './1763803100000-task-counts';
import {
  createTaskTermTriggers,
  fillTaskTerms,
  TASK_TERM_TRIGGERS,
} from './1763803500000-task-search-terms';
import { APPOINTMENT_MONTH } from './1763803650000-dossier-counts-due-month';
import { IN_HAND_UNTIL_CLOSED } from './1763804400000-dossier-closed-on';

/*
 * Loading rows in bulk (a benchmark's province) without the triggers that maintain the counts
 * and the task search terms, which would write them once per row: drop them, load, then fill
 * the tables from every row once with the migrations' own set-based statements and create the
 * same triggers again. Nothing else may write to the database meanwhile (as while migrations run).
 */

export async function dropMaintainingTriggers(queryRunner: QueryRunner): Promise<void> {
  for (const trigger of [...DOSSIER_COUNT_TRIGGERS, ...TASK_COUNT_TRIGGERS, ...TASK_TERM_TRIGGERS])
    await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
}

/**
 * The counts, the tasks' `accepted_on` and their search terms computed again from the rows,
 * then the triggers back.
 */
export async function refillMaintainedTables(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DELETE FROM dossier_daily_counts');
  await queryRunner.query('DELETE FROM dossier_monthly_counts');
  await fillDossierCounts(queryRunner, APPOINTMENT_MONTH, IN_HAND_UNTIL_CLOSED);
  await queryRunner.query('DELETE FROM task_counts');
  await fillTaskCounts(queryRunner);
  await queryRunner.query('DELETE FROM task_search_terms');
  await fillTaskTerms(queryRunner);
  await createDossierCountTriggers(queryRunner, APPOINTMENT_MONTH, IN_HAND_UNTIL_CLOSED);
  await createTaskCountTriggers(queryRunner);
  await createTaskTermTriggers(queryRunner);
}
