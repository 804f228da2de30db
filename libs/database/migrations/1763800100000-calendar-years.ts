import { MigrationInterface, QueryRunner } from 'typeorm';
import { TABLE_OPTIONS } from './schema';

/** Holiday schedules edited through PUT /calendar/years/:year. */
export class CalendarYears1763800100000 implements MigrationInterface {
  name = 'CalendarYears1763800100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE calendar_years (
      year INT NOT NULL PRIMARY KEY,
      schedule JSON NOT NULL,
      updated_by CHAR(36) NULL,
      updated_at DATETIME(3) NOT NULL
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE calendar_years');
  }
}
