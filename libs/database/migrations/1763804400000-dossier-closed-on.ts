import { MigrationInterface, QueryRunner } from 'typeorm';
import { InHand } from './1763802510000-dossier-counts-as-of';
import { IN_HAND, recount } from './1763804000000-dossier-counts-in-hand';

/** In hand as IN_HAND says, and a rejected or withdrawn dossier until the day it closed. */
export const IN_HAND_UNTIL_CLOSED: InHand = { ...IN_HAND, closedOn: true };

/**
 * `tthc_dossiers.closed_on`: the day a dossier was rejected or withdrawn (the machine's
 * `closedOn`, mirrored). The counts kept such a dossier under its receipt day, so figures as of
 * a report's cut-off counted it neither returned nor pending even when it closed after the
 * cut-off, while it was in hand then. The dossiers already closed get the day of the audit event
 * that closed them (Vietnam time; the row's last update without one), written into their
 * snapshots too; then the counts are taken again with that day (the application stopped, as
 * migrations run). `down()` brings back the counts by receipt day and drops the column.
 */
export class DossierClosedOn1763804400000 implements MigrationInterface {
  name = 'DossierClosedOn1763804400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE tthc_dossiers ADD COLUMN closed_on DATE NULL');
    await queryRunner.query(
      `UPDATE tthc_dossiers d SET d.closed_on = COALESCE(
         (SELECT DATE(a.occurred_at + INTERVAL 7 HOUR) FROM audit_events a
          WHERE a.instance_id = d.id AND a.instance_type = 'tthc-dossier' AND a.to_state = d.state
          ORDER BY a.seq LIMIT 1),
         DATE(d.updated_at + INTERVAL 7 HOUR))
       WHERE d.state IN ('rejected', 'withdrawn')`,
    );
    await queryRunner.query(
      `UPDATE tthc_dossiers SET snapshot = JSON_SET(snapshot, '$.context.closedOn', closed_on)
       WHERE closed_on IS NOT NULL AND JSON_EXISTS(snapshot, '$.context')`,
    );
    await recount(queryRunner, IN_HAND_UNTIL_CLOSED);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await recount(queryRunner, IN_HAND);
    await queryRunner.query(
      `UPDATE tthc_dossiers SET snapshot = JSON_REMOVE(snapshot, '$.context.closedOn')
       WHERE JSON_EXISTS(snapshot, '$.context.closedOn')`,
    );
    await queryRunner.query('ALTER TABLE tthc_dossiers DROP COLUMN closed_on');
  }
}
