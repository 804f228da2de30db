import { MigrationInterface, QueryRunner } from 'typeorm';

/** A COMPILE of the report before the RETURN `a`, by the revision it made (compared after). */
const COMPILED_BEFORE_RETURN = `SELECT 1 FROM audit_events c
  WHERE c.instance_type = 'periodic-report' AND c.instance_id = a.instance_id
    AND c.event_type = 'COMPILE' AND c.seq < a.seq
    AND CAST(JSON_UNQUOTE(JSON_EXTRACT(c.payload, '$.revision')) AS SIGNED)`;

/**
 * A periodic report's revision whose signature the chairman withdrew (RETURN from `signed`,
 * before it was sent) is no longer a signed document: the day it was withdrawn and why. Its
 * number, signing day and signer stay on the row, as a document register (sổ văn bản đi) keeps a
 * withdrawn number on its line, spent; a later SIGN of the same revision clears the withdrawal.
 * Revisions withdrawn before this take the last RETURN from `signed` in their history between
 * the COMPILE that made them and the next revision's (by the audit's order, not its clock; a
 * revision signed again since is `signed` or `sent`, and so not one).
 */
export class ReportSignatureWithdrawal1763804910000 implements MigrationInterface {
  name = 'ReportSignatureWithdrawal1763804910000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_revisions
      ADD COLUMN signature_withdrawn_on DATE NULL,
      ADD COLUMN withdrawal_reason TEXT NULL`);
    // In a derived table, as MySQL refuses an UPDATE whose subquery reads the updated table (1093).
    await queryRunner.query(`UPDATE report_revisions v
      JOIN (SELECT w.report_id, w.revision, (
              SELECT a.seq FROM audit_events a
               WHERE a.instance_type = 'periodic-report' AND a.instance_id = w.report_id
                 AND a.event_type = 'RETURN' AND a.from_state = 'signed'
                 AND EXISTS (${COMPILED_BEFORE_RETURN} = w.revision)
                 AND NOT EXISTS (${COMPILED_BEFORE_RETURN} > w.revision)
               ORDER BY a.seq DESC LIMIT 1) AS seq
              FROM report_revisions w JOIN periodic_reports r ON r.id = w.report_id
             WHERE w.signed_on IS NOT NULL AND w.sent_on IS NULL
               AND NOT (r.state = 'signed' AND r.revision = w.revision)) s
        ON s.report_id = v.report_id AND s.revision = v.revision
      JOIN audit_events a ON a.instance_type = 'periodic-report' AND a.instance_id = s.report_id
                         AND a.seq = s.seq
      SET v.signature_withdrawn_on = DATE(a.occurred_at + INTERVAL 7 HOUR),
        v.withdrawal_reason = TRIM(a.reason)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_revisions
      DROP COLUMN withdrawal_reason,
      DROP COLUMN signature_withdrawn_on`);
  }
}
