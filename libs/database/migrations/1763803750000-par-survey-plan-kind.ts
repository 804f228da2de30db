import { MigrationInterface, QueryRunner } from 'typeorm';
import { suggestPlanKind } from '@cchc/domain';

/**
 * - `plans.kind`: `par_index` for a ward's PAR-Index plan (its ordinals are the criteria codes),
 *   `reform` for every other plan. The self-assessment links a criterion only to the tasks of a
 *   PAR-Index plan of its year; before, the ward's yearly plan, numbered 1.1, 3.2.1 too, linked
 *   its tasks as well and let the wrong unit score. Plans imported before are marked from their
 *   title ("… Chỉ số cải cách hành chính …", "… Chỉ số CCHC …"), the only trace they left, by the
 *   rule the import preview suggests a kind with (suggestPlanKind).
 * - `par_scores.survey_rate` and `survey_source`: a survey criterion's result (e.g. the SIPAS
 *   satisfaction rate, in percent) and where it comes from, entered by the coordinator; its score
 *   is the criterion's maximum × the rate.
 */
export class ParSurveyPlanKind1763803750000 implements MigrationInterface {
  name = 'ParSurveyPlanKind1763803750000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE plans ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'reform'",
    );
    const plans: { id: string; title: string }[] = await queryRunner.query(
      'SELECT id, title FROM plans WHERE title IS NOT NULL',
    );
    const parIndex = plans.filter((plan) => suggestPlanKind(plan.title).kind === 'par_index');
    if (parIndex.length > 0)
      await queryRunner.query(
        `UPDATE plans SET kind = 'par_index' WHERE id IN (${parIndex.map(() => '?').join(', ')})`,
        parIndex.map((plan) => plan.id),
      );
    await queryRunner.query(
      'ALTER TABLE par_scores ADD COLUMN survey_rate DECIMAL(5,2) NULL, ADD COLUMN survey_source VARCHAR(500) NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE par_scores DROP COLUMN survey_source, DROP COLUMN survey_rate',
    );
    await queryRunner.query('ALTER TABLE plans DROP COLUMN kind');
  }
}
