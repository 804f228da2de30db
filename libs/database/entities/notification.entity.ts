import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message for one user; `dedupeKey` makes every delivery exactly-once per recipient. */
@Entity('notifications')
@Index('uq_notifications_dedupe', ['userId', 'dedupeKey'], { unique: true })
@Index('idx_notifications_user', ['userId', 'createdAt'])
// A user's unread ones newest first (the bell's count, `?unread=true`), without their read rows.
@Index('idx_notifications_unread', ['userId', 'readAt', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('char', { name: 'user_id', length: 36 })
  userId: string;

  @Column('varchar', { name: 'dedupe_key', length: 191 })
  dedupeKey: string;

  @Column('varchar', { length: 64 })
  topic: string;

  @Column('varchar', { name: 'subject_type', length: 32 })
  subjectType: string;

  @Column('char', { name: 'subject_id', length: 36 })
  subjectId: string;

  @Column('varchar', { length: 500 })
  title: string;

  @Column('text')
  body: string;

  @Column('datetime', { name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column('datetime', { name: 'read_at', precision: 3, nullable: true })
  readAt: Date | null;
}
