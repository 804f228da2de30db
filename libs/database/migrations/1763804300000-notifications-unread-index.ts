import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's unread notifications newest first: the console's bell counts them on every poll
 * (GET /notifications/summary) and `GET /notifications?unread=true` lists them. Through
 * idx_notifications_user (user_id, created_at) MariaDB read every notification row of the user
 * to test read_at; in this one the unread ones are the range (user_id, NULL), in list order.
 */
export class NotificationsUnreadIndex1763804300000 implements MigrationInterface {
  name = 'NotificationsUnreadIndex1763804300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE notifications ADD INDEX idx_notifications_unread (user_id, read_at, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications DROP INDEX idx_notifications_unread`);
  }
}
