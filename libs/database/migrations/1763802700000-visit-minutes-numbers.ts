import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A visit's minutes (biên bản) get a number within their campaign when the visit is done (the
 * machine counts the done visits; the row mirrors it). The unique key holds it to one visit;
 * visits done before this migration are numbered in the order they were done.
 */
export class VisitMinutesNumbers1763802700000 implements MigrationInterface {
  name = 'VisitMinutesNumbers1763802700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inspection_visits
      ADD COLUMN minutes_number SMALLINT NULL AFTER done_on,
      ADD UNIQUE KEY uq_inspection_visits_minutes (campaign_id, minutes_number)`);
    await queryRunner.query(`UPDATE inspection_visits v
      JOIN (SELECT campaign_id, unit_id,
                   ROW_NUMBER() OVER (PARTITION BY campaign_id ORDER BY done_on, unit_id) AS n
              FROM inspection_visits WHERE state = 'done') d
        ON d.campaign_id = v.campaign_id AND d.unit_id = v.unit_id
       SET v.minutes_number = d.n`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inspection_visits
      DROP KEY uq_inspection_visits_minutes, DROP COLUMN minutes_number`);
  }
}
