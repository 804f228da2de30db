import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provisioning of real staff: contact details, and the flag that keeps a user with a one-time
 * password (new account or admin reset) away from everything but changing it.
 */
export class Provisioning1763801300000 implements MigrationInterface {
  name = 'Provisioning1763801300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users
      ADD COLUMN email VARCHAR(255) NULL,
      ADD COLUMN phone VARCHAR(32) NULL,
      ADD COLUMN must_change_password TINYINT(1) NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users
      DROP COLUMN must_change_password, DROP COLUMN phone, DROP COLUMN email`);
  }
}
