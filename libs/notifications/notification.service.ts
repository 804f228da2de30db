import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import {
  cappedCountSql,
  Clock,
  COUNT_CAP,
  encodeCursor,
  KeysetPage,
  keysetPage,
} from '@cchc/common';
import { NotificationEntity, ReadDatabase } from '@cchc/database';
import { runBatch } from '@cchc/engine';
import { outboxProcessedStatement, OutboxJobData } from '@cchc/queue';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { Notice } from './notice';
import { notificationStatement } from './notification-statement';
import { TASK_SUBJECT_TYPE } from './task-notifications';

/**
 * The data of a `notify` job, as the engine wrote it to the outbox before notifications were
 * written in the transition's own transaction: such rows may still wait at an upgrade.
 */
export type NotifyJobData = OutboxJobData & Notice;

/** The unique key GET /notifications and the bell's latest are ordered by, walked descending. */
const NOTIFICATION_KEY = ['n.createdAt', 'n.id'];

/** A notification's values of NOTIFICATION_KEY. */
const notificationKey = (notification: NotificationEntity) => [
  notification.createdAt,
  notification.id,
];

/** How many of the latest notifications the summary (the console's bell) carries. */
export const SUMMARY_LATEST = 30;

/** What the bell polls for: the unread count (capped like the lists' totals) and the latest. */
export interface NotificationSummary {
  /** Unread notifications, counted up to COUNT_CAP; `unreadCapped`: more than that. */
  unread: number;
  unreadCapped: boolean;
  latest: NotificationEntity[];
  /** `cursor` of GET /notifications for those older than `latest`; null when `latest` is all. */
  olderCursor: string | null;
}

@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(NotificationEntity)
    private readonly notifications: Repository<NotificationEntity>,
    private readonly clock: Clock,
    private readonly reads: ReadDatabase,
  ) {}

  /**
   * Delivers a `notify` job written before this version, as a transition now writes its notice,
   * and marks the outbox row done, in one transaction (one round trip). Repeated, it writes
   * nothing more (the dedupe key).
   */
  async deliver(job: NotifyJobData): Promise<number> {
    const now = this.clock.now();
    const insert = notificationStatement(job, now);
    const results = await runBatch(this.dataSource, [
      ...(insert ? [insert] : []),
      outboxProcessedStatement(job.outboxId, now),
    ]);
    return insert ? (results[0] as { affectedRows: number }).affectedRows : 0;
  }

  /** A reminder sent by hand (bulk "Nhắc việc") to the lead unit of a task the caller has found. */
  async remind(taskId: string): Promise<void> {
    const now = this.clock.now();
    const notice: Notice = {
      instanceType: TASK_SUBJECT_TYPE,
      instanceId: taskId,
      seq: 0,
      topic: 'task.reminder',
      to: ['leadUnit'],
    };
    const insert = notificationStatement(
      notice,
      now,
      `${TASK_SUBJECT_TYPE}:${taskId}:remind:${now.getTime()}`,
    );
    if (insert) await this.dataSource.query(insert.sql, insert.params);
  }

  /**
   * A page of the user's notifications, newest first, from the read replica (it may be a moment
   * behind): idx_notifications_user, or idx_notifications_unread for the unread ones, walked
   * backwards from the cursor.
   */
  listFor(userId: string, query: ListNotificationsQuery): Promise<KeysetPage<NotificationEntity>> {
    return this.reads.run(async (manager) => {
      const builder = manager
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .where('n.userId = :userId', { userId });
      if (query.unread === true) builder.andWhere('n.readAt IS NULL');
      const { rows, ...page } = await keysetPage(
        manager,
        builder,
        query,
        NOTIFICATION_KEY,
        notificationKey,
        { descending: true },
      );
      return { ...page, items: rows };
    });
  }

  /**
   * The unread count and the latest SUMMARY_LATEST notifications, in one statement on the read
   * replica: the count is an uncorrelated subquery MariaDB runs once, read from
   * idx_notifications_unread (never the user's read rows), and it comes with every row. No row
   * means the user has no notification at all, so none unread either.
   */
  async summaryFor(userId: string): Promise<NotificationSummary> {
    const { entities, raw } = await this.reads.run((manager) =>
      manager
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .addSelect(
          cappedCountSql(
            'SELECT 1 FROM notifications u WHERE u.user_id = :userId AND u.read_at IS NULL',
          ),
          'unread_count',
        )
        .where('n.user_id = :userId', { userId })
        .orderBy(Object.fromEntries(NOTIFICATION_KEY.map((column) => [column, 'DESC' as const])))
        // One more than shown: whether older ones exist.
        .limit(SUMMARY_LATEST + 1)
        .getRawAndEntities<{ unread_count: string | number }>(),
    );
    const unread = raw.length > 0 ? Number(raw[0].unread_count) : 0;
    const latest = entities.slice(0, SUMMARY_LATEST);
    return {
      unread: Math.min(unread, COUNT_CAP),
      unreadCapped: unread > COUNT_CAP,
      latest,
      olderCursor:
        entities.length > SUMMARY_LATEST ? encodeCursor(notificationKey(latest.at(-1)!)) : null,
    };
  }

  async markRead(userId: string, id: string): Promise<NotificationEntity> {
    const notification = await this.notifications.findOne({ where: { id, userId } });
    if (!notification) throw new NotFoundException(`Không tìm thấy thông báo ${id}`);
    if (!notification.readAt) {
      notification.readAt = this.clock.now();
      await this.notifications.save(notification);
    }
    return notification;
  }
}
