import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ward's waiting contributions: an edit of the ward's escalation policy plans their timers
 * again (subjectsWithTimers: ward_id = ? AND state IN (…)). Without this index MariaDB read
 * every contribution of the province to find one ward's.
 */
export class ContributionWardIndex1763804500000 implements MigrationInterface {
  name = 'ContributionWardIndex1763804500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE report_contributions ADD INDEX idx_report_contributions_ward (ward_id, state)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE report_contributions DROP INDEX idx_report_contributions_ward`,
    );
  }
}
