import { MigrationInterface, QueryRunner } from 'typeorm';

/** Holiday schedules edited through PUT /calendar/years/:year. */
export class CalendarYears1763800100000 implements MigrationInterface {
  name = 'CalendarYears1763800100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE calendar_years (
      year INT NOT NULL PRIMARY KEY,
      schedule JSON NOT NULL,
      updated_by CHAR(36) NULL,
      updated_at DATETIME(3) NOT NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE calendar_years');
  }
}
