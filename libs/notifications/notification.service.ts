import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { cappedCountSql, Clock, COUNT_CAP } from '@cchc/common';
import { NotificationEntity, ReadDatabase } from '@cchc/database';
import { DossierNotifyRecipient, NotifyRecipient } from '@cchc/domain';
import { runBatch, SqlStatement } from '@cchc/engine';
import { outboxProcessedStatement, OutboxJobData } from '@cchc/queue';
import { CAMPAIGN_SUBJECT_TYPE, campaignMessage } from './campaign-notifications';
import { DOSSIER_SUBJECT_TYPE, dossierMessage } from './dossier-notifications';
import { notificationText } from './notification-texts';
import {
  CONTRIBUTION_SUBJECT_TYPE,
  REPORT_SUBJECT_TYPE,
  reportMessage,
} from './report-notifications';

/** The data of a `notify` job, as the engine writes it to the outbox. */
export interface NotifyJobData extends OutboxJobData {
  instanceType: string;
  instanceId: string;
  seq: number;
  topic: string;
  /** Recipient kinds, resolved against the subject (tasks, dossiers, reports). */
  to?: NotifyRecipient[] | DossierNotifyRecipient[];
  /** A task's reminder or escalation level (NotifyEffect.level). */
  level?: number;
  /** Recipients named by the machine (a campaign: CampaignNotifyEffect). */
  userIds?: string[];
  unitIds?: string[];
}

/** How many of the latest notifications the summary (the console's bell) carries. */
export const SUMMARY_LATEST = 30;

/** What the bell polls for: the unread count (capped like the lists' totals) and the latest. */
export interface NotificationSummary {
  /** Unread notifications, counted up to COUNT_CAP; `unreadCapped`: more than that. */
  unread: number;
  unreadCapped: boolean;
  latest: NotificationEntity[];
}

/** Who is meant by each recipient kind, for a reform task `t`: a condition on the user `u`. */
const RECIPIENT_JOIN: Record<NotifyRecipient, string> = {
  leadUnit: "u.unit_id = t.lead_unit_id AND u.role IN ('unit_head', 'officer')",
  leadUnitHead: "u.unit_id = t.lead_unit_id AND u.role = 'unit_head'",
  leader: 'u.id = t.leader_id',
  chairman: "u.ward_id = t.ward_id AND u.role = 'chairman'",
  coordinator: "u.ward_id = t.ward_id AND u.role = 'coordinator'",
};

/** What a notification says and to whom. */
interface Message {
  userIds: string[];
  title: string;
  body: string;
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
   * Writes one notification per recipient and marks the outbox row done, in one transaction sent
   * as one round trip (runBatch) after the message is read. The dedupe key (instance, seq, topic)
   * per user makes a repeated job a no-op.
   */
  async deliver(job: NotifyJobData): Promise<number> {
    const message = await this.message(this.dataSource.manager, job);
    const now = this.clock.now();
    const insert = message
      ? notificationsInsert(message, {
          dedupeKey: `${job.instanceType}:${job.instanceId}:${job.seq}:${job.topic}`,
          topic: job.topic,
          subjectType: job.instanceType,
          subjectId: job.instanceId,
          at: now,
        })
      : null;
    const results = await runBatch(this.dataSource, [
      ...(insert ? [insert] : []),
      outboxProcessedStatement(job.outboxId, now),
    ]);
    return insert ? (results[0] as { affectedRows: number }).affectedRows : 0;
  }

  /** A reminder sent by hand (bulk "Nhắc việc") to the lead unit of a task; returns how many. */
  async remind(taskId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const message = await this.taskMessage(manager, taskId, 'task.reminder', ['leadUnit']);
      if (!message) throw new NotFoundException(`Không tìm thấy nhiệm vụ ${taskId}`);
      const insert = notificationsInsert(message, {
        dedupeKey: `reform-task:${taskId}:remind:${now.getTime()}`,
        topic: 'task.reminder',
        subjectType: 'reform-task',
        subjectId: taskId,
        at: now,
      });
      if (insert) await manager.query(insert.sql, insert.params);
      return message.userIds.length;
    });
  }

  /** The user's latest notifications, from the read replica (it may be a moment behind). */
  listFor(userId: string, unreadOnly = false): Promise<NotificationEntity[]> {
    return this.reads.run((manager) =>
      manager.getRepository(NotificationEntity).find({
        where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: 200,
      }),
    );
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
        .orderBy('n.created_at', 'DESC')
        .addOrderBy('n.id', 'DESC')
        .limit(SUMMARY_LATEST)
        .getRawAndEntities<{ unread_count: string | number }>(),
    );
    const unread = raw.length > 0 ? Number(raw[0].unread_count) : 0;
    return {
      unread: Math.min(unread, COUNT_CAP),
      unreadCapped: unread > COUNT_CAP,
      latest: entities,
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

  /** Who is told and what, by the kind of subject; null when the subject is gone. */
  private message(manager: EntityManager, job: NotifyJobData): Promise<Message | null> {
    switch (job.instanceType) {
      case DOSSIER_SUBJECT_TYPE:
        return dossierMessage(
          manager,
          job.instanceId,
          job.topic,
          (job.to ?? []) as DossierNotifyRecipient[],
        );
      case REPORT_SUBJECT_TYPE:
      case CONTRIBUTION_SUBJECT_TYPE:
        return reportMessage(
          manager,
          job.instanceType,
          job.instanceId,
          job.topic,
          (job.to ?? []) as NotifyRecipient[],
        );
      case CAMPAIGN_SUBJECT_TYPE:
        return campaignMessage(
          manager,
          job.instanceId,
          job.topic,
          job.userIds ?? [],
          job.unitIds ?? [],
        );
      default:
        return this.taskMessage(
          manager,
          job.instanceId,
          job.topic,
          (job.to ?? []) as NotifyRecipient[],
          job.level,
        );
    }
  }

  /**
   * A task's title and the active users of each recipient kind, in one statement: a row with the
   * title (none when the task is gone) and a row per user of each kind.
   */
  private async taskMessage(
    manager: EntityManager,
    taskId: string,
    topic: string,
    kinds: NotifyRecipient[],
    level?: number,
  ): Promise<Message | null> {
    // A kind this version does not know (an old job's) tells no one, as before.
    const unique = [...new Set(kinds)].filter((kind) => kind in RECIPIENT_JOIN);
    const rows = (await manager.query(
      [
        'SELECT t.title, NULL AS user_id FROM reform_tasks t WHERE t.id = ?',
        ...unique.map(
          (kind) =>
            `SELECT NULL, u.id FROM reform_tasks t JOIN users u ON ${RECIPIENT_JOIN[kind]} AND u.active = 1 WHERE t.id = ?`,
        ),
      ].join(' UNION ALL '),
      [taskId, ...unique.map(() => taskId)],
    )) as { title: string | null; user_id: string | null }[];
    const title = rows.find((row) => row.title !== null)?.title;
    if (title === undefined || title === null) return null;
    const userIds = new Set(rows.flatMap((row) => (row.user_id ? [row.user_id] : [])));
    return { userIds: [...userIds], ...notificationText(topic, title, level) };
  }
}

/**
 * One notification per recipient, as one statement (null when there is none); a repeated
 * (user, dedupe key) is skipped, any other error fails the job.
 */
function notificationsInsert(
  message: Message,
  about: { dedupeKey: string; topic: string; subjectType: string; subjectId: string; at: Date },
): SqlStatement | null {
  if (message.userIds.length === 0) return null;
  return {
    sql:
      'INSERT INTO notifications (user_id, dedupe_key, topic, subject_type, subject_id, title, body, created_at) VALUES ' +
      message.userIds.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ') +
      ' ON DUPLICATE KEY UPDATE id = id',
    params: message.userIds.flatMap((userId) => [
      userId,
      about.dedupeKey,
      about.topic,
      about.subjectType,
      about.subjectId,
      message.title,
      message.body,
      about.at,
    ]),
  };
}
