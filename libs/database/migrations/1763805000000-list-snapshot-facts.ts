import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a list row shows from the snapshot, as virtual columns: a list reads them and leaves the
 * snapshot in the table (the machine's whole context as JSON, which the API would fetch and parse
 * for one to three facts a row). MariaDB computes them when the row is read; added in place,
 * without a copy of the table. The JSON ones are LONGTEXT (the entity parses them): a column
 * typed JSON gets MariaDB's CHECK (JSON_VALID), computed on every write. JSON_VALUE gives SQL NULL for a JSON null (MySQL 8.0.21+, MariaDB
 * since MDEV-27151, 10.6.6).
 * - tasks: the extension request awaiting a decision;
 * - dossiers: when the clock stopped for a supplement and the working days then left, and the
 *   apology slip waiting for the head's signature.
 */
export class ListSnapshotFacts1763805000000 implements MigrationInterface {
  name = 'ListSnapshotFacts1763805000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reform_tasks
         ADD COLUMN extension_request LONGTEXT
           AS (JSON_EXTRACT(snapshot, '$.context.extensionRequest')) VIRTUAL`,
    );
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers
         ADD COLUMN paused_on DATE AS (JSON_VALUE(snapshot, '$.context.pausedOn')) VIRTUAL,
         ADD COLUMN remaining_working_days INT
           AS (JSON_VALUE(snapshot, '$.context.remainingWorkingDays')) VIRTUAL,
         ADD COLUMN apology_pending LONGTEXT
           AS (JSON_EXTRACT(snapshot, '$.context.apologyPending')) VIRTUAL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tthc_dossiers DROP COLUMN apology_pending, DROP COLUMN remaining_working_days,
         DROP COLUMN paused_on`,
    );
    await queryRunner.query(`ALTER TABLE reform_tasks DROP COLUMN extension_request`);
  }
}
