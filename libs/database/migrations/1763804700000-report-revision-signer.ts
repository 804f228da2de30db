import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who signed each revision of a periodic report, and his name as it was then: a signed report
 * keeps its signer under "CHỦ TỊCH" after the ward's chairman changes (or is renamed). Revisions
 * signed before this take the actor of the last SIGN event between their compiling and the next
 * revision's, named as he is named now (the nearest the history has).
 */
export class ReportRevisionSigner1763804700000 implements MigrationInterface {
  name = 'ReportRevisionSigner1763804700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_revisions
      ADD COLUMN signed_by CHAR(36) NULL,
      ADD COLUMN signer_name VARCHAR(255) NULL`);
    // The signers are worked out in a derived table (materialized: it has a subquery in its
    // select list), since MySQL refuses an UPDATE whose subquery reads the updated table (1093).
    await queryRunner.query(`UPDATE report_revisions v
      JOIN (SELECT r.report_id, r.revision, (
              SELECT a.actor_id FROM audit_events a
               WHERE a.instance_type = 'periodic-report' AND a.instance_id = r.report_id
                 AND a.event_type = 'SIGN' AND a.occurred_at >= r.compiled_at
                 AND NOT EXISTS (SELECT 1 FROM report_revisions n
                                  WHERE n.report_id = r.report_id AND n.revision > r.revision
                                    AND n.compiled_at <= a.occurred_at)
               ORDER BY a.seq DESC LIMIT 1) AS signer
              FROM report_revisions r WHERE r.signed_on IS NOT NULL) s
        ON s.report_id = v.report_id AND s.revision = v.revision
      SET v.signed_by = s.signer`);
    await queryRunner.query(`UPDATE report_revisions v JOIN users u ON u.id = v.signed_by
      SET v.signer_name = u.full_name`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_revisions
      DROP COLUMN signer_name,
      DROP COLUMN signed_by`);
  }
}
