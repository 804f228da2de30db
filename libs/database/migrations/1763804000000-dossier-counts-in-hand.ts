import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CLOCK_RUNS,
  createDossierCountTriggers,
  DOSSIER_COUNT_TRIGGERS,
  fillDossierCounts,
  InHand,
} from './1763802510000-dossier-counts-as-of';
import { APPOINTMENT_MONTH } from './1763803650000-dossier-counts-due-month';

/**
 * Every dossier received and neither returned, rejected nor withdrawn is đang giải quyết: one
 * with its result waiting to be handed over is judged by its appointment as one in processing
 * (handed over after it, it is returned late); one waiting for a supplement is in time unless
 * its appointment was missed before the pause (the time the citizen takes does not count).
 */
export const IN_HAND: InHand = {
  open: ['received', 'processing', 'resultReady'],
  paused: ['supplementRequested'],
};

/**
 * The dossier counts kept dossiers waiting for a supplement or with a result not yet handed
 * over under 'other' with rejected and withdrawn ones, so the figures counted them neither
 * returned nor pending. Their outcomes are now 'open' and 'paused' (IN_HAND): the triggers are
 * replaced by the same ones classifying so, and both tables are counted again from the dossiers
 * and their slips, set-based (the application stopped, as migrations run). `down()` brings back
 * the previous classification the same way.
 */
export class DossierCountsInHand1763804000000 implements MigrationInterface {
  name = 'DossierCountsInHand1763804000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await recount(queryRunner, IN_HAND);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await recount(queryRunner, CLOCK_RUNS);
  }
}

/** The counts' triggers replaced by those classifying as `inHand` says, and both tables counted again. */
export async function recount(queryRunner: QueryRunner, inHand: InHand): Promise<void> {
  for (const trigger of DOSSIER_COUNT_TRIGGERS) await queryRunner.query(`DROP TRIGGER ${trigger}`);
  await queryRunner.query('DELETE FROM dossier_daily_counts');
  await queryRunner.query('DELETE FROM dossier_monthly_counts');
  await fillDossierCounts(queryRunner, APPOINTMENT_MONTH, inHand);
  await createDossierCountTriggers(queryRunner, APPOINTMENT_MONTH, inHand);
}
