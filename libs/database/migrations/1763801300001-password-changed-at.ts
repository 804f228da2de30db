import { MigrationInterface, QueryRunner } from 'typeorm';

/** When the password last changed: tokens from sign-ins before it stop working. */
export class PasswordChangedAt1763801300001 implements MigrationInterface {
  name = 'PasswordChangedAt1763801300001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD COLUMN password_changed_at DATETIME(3) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users DROP COLUMN password_changed_at');
  }
}
