import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A visit's minutes (biên bản) get a number when the visit is done, from the campaign's own
 * sequence (document_sequences, the campaign as issuer); the unique key holds a number to one
 * visit. Visits done before keep no number: their minutes show "…/BB-ĐKT" as they always did.
 */
export class VisitMinutesNumbers1763802700000 implements MigrationInterface {
  name = 'VisitMinutesNumbers1763802700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inspection_visits
      ADD COLUMN minutes_number SMALLINT NULL AFTER done_on,
      ADD UNIQUE KEY uq_inspection_visits_minutes (campaign_id, minutes_number)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inspection_visits
      DROP KEY uq_inspection_visits_minutes, DROP COLUMN minutes_number`);
  }
}
