import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every revision of a periodic report keeps its own signature and sending, since a sent report
 * can be corrected: the correction is a new revision signed under a new number, and the one it
 * replaces must still download with its number and date. `corrects_revision` and
 * `correction_reason` name, on a correction's revisions, the sent revision it replaces and why.
 * Reports signed or sent before this give their latest revision the number, signing day and
 * sending day they hold.
 */
export class ReportRevisionSignatures1763803700000 implements MigrationInterface {
  name = 'ReportRevisionSignatures1763803700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_revisions
      ADD COLUMN number VARCHAR(64) NULL,
      ADD COLUMN signed_on DATE NULL,
      ADD COLUMN sent_on DATE NULL,
      ADD COLUMN corrects_revision INT NULL,
      ADD COLUMN correction_reason TEXT NULL`);
    await queryRunner.query(`UPDATE report_revisions v
      JOIN periodic_reports r ON r.id = v.report_id AND r.revision = v.revision
      SET v.number = r.number,
        v.signed_on = JSON_UNQUOTE(JSON_EXTRACT(r.snapshot, '$.context.signedOn')),
        v.sent_on = IF(r.state = 'sent', r.sent_on, NULL)
      WHERE r.state IN ('signed', 'sent') AND r.number IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_revisions
      DROP COLUMN correction_reason,
      DROP COLUMN corrects_revision,
      DROP COLUMN sent_on,
      DROP COLUMN signed_on,
      DROP COLUMN number`);
  }
}
