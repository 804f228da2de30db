import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `tthc_dossiers.late_on`: the day by whose end the dossier was first late (the machine's
 * `lateSince`, mirrored), so that figures as of a report's cut-off count a dossier late only
 * if it was late by then. The dossiers already late get a best estimate, written into their
 * snapshots too (the next transition mirrors the snapshot, so the two must agree):
 * - their first slip tells it: a delay report's draft day, or the appointment an overdue slip
 *   is about (missed at the end of that day);
 * - without a slip (a miss on a dossier that then ended, or a result handed over after its
 *   appointment): the current appointment — the one it missed or was returned after. A slip
 *   deleted since would have made it earlier; none is ever deleted by the application.
 * Never later than the return, which a late dossier cannot precede.
 */
export class DossierLateOn1763802500000 implements MigrationInterface {
  name = 'DossierLateOn1763802500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE tthc_dossiers ADD COLUMN late_on DATE NULL');
    await queryRunner.query(
      `UPDATE tthc_dossiers d SET d.late_on = LEAST(
         COALESCE(
           (SELECT IF(s.\`trigger\` = 'delay-reported', s.drafted_on, s.missed_appointment_date)
            FROM apology_slips s WHERE s.dossier_id = d.id ORDER BY s.round LIMIT 1),
           d.appointment_date),
         COALESCE(d.returned_on, '9999-12-31'))
       WHERE d.late = 1`,
    );
    // Every stored snapshot gets the field (null when never late), as the machine writes it now.
    await queryRunner.query(
      `UPDATE tthc_dossiers
       SET snapshot = JSON_SET(snapshot, '$.context.lateSince', late_on)
       WHERE JSON_EXISTS(snapshot, '$.context')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE tthc_dossiers SET snapshot = JSON_REMOVE(snapshot, '$.context.lateSince')
       WHERE JSON_EXISTS(snapshot, '$.context.lateSince')`,
    );
    await queryRunner.query('ALTER TABLE tthc_dossiers DROP COLUMN late_on');
  }
}
