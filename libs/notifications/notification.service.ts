import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { Clock } from '@cchc/common';
import { NotificationEntity, ReadDatabase } from '@cchc/database';
import { DossierNotifyRecipient, NotifyRecipient } from '@cchc/domain';
import { markOutboxProcessed, OutboxJobData } from '@cchc/queue';
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
  /** Recipients named by the machine (a campaign: CampaignNotifyEffect). */
  userIds?: string[];
  unitIds?: string[];
}

interface SubjectRow {
  ward_id: string;
  title: string;
  lead_unit_id: string;
  leader_id: string | null;
}

/** Who is meant by each recipient kind, for a reform task. */
const RECIPIENT_SQL: Record<NotifyRecipient, string> = {
  leadUnit:
    "SELECT id FROM users WHERE unit_id = ? AND role IN ('unit_head', 'officer') AND active = 1",
  leadUnitHead: "SELECT id FROM users WHERE unit_id = ? AND role = 'unit_head' AND active = 1",
  leader: 'SELECT id FROM users WHERE id = ? AND active = 1',
  chairman: "SELECT id FROM users WHERE ward_id = ? AND role = 'chairman' AND active = 1",
  coordinator: "SELECT id FROM users WHERE ward_id = ? AND role = 'coordinator' AND active = 1",
};

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
   * Writes one notification per recipient and marks the outbox row done, in one transaction.
   * The dedupe key (instance, seq, topic) per user makes a repeated job a no-op.
   */
  async deliver(job: NotifyJobData): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const message = await this.message(manager, job);
      let written = 0;
      if (message) {
        const dedupeKey = `${job.instanceType}:${job.instanceId}:${job.seq}:${job.topic}`;
        for (const userId of message.userIds) {
          const result = await manager.query(
            // Only a repeated (user, dedupe key) is skipped; any other error fails the job.
            'INSERT INTO notifications (user_id, dedupe_key, topic, subject_type, subject_id, title, body, created_at) ' +
              'VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id',
            [
              userId,
              dedupeKey,
              job.topic,
              job.instanceType,
              job.instanceId,
              message.title,
              message.body,
              now,
            ],
          );
          written += (result as { affectedRows: number }).affectedRows;
        }
      }
      await markOutboxProcessed(manager, job.outboxId, now);
      return written;
    });
  }

  /** A reminder sent by hand (bulk "Nhắc việc") to the lead unit of a task; returns how many. */
  async remind(taskId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const subject = await this.subject(manager, taskId);
      if (!subject) throw new NotFoundException(`Không tìm thấy nhiệm vụ ${taskId}`);
      const userIds = await this.recipients(manager, subject, ['leadUnit']);
      const { title, body } = notificationText('task.reminder', subject.title);
      const dedupeKey = `reform-task:${taskId}:remind:${now.getTime()}`;
      for (const userId of userIds) {
        await manager.query(
          'INSERT INTO notifications (user_id, dedupe_key, topic, subject_type, subject_id, title, body, created_at) ' +
            "VALUES (?, ?, 'task.reminder', 'reform-task', ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id",
          [userId, dedupeKey, taskId, title, body, now],
        );
      }
      return userIds.length;
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
  private message(
    manager: EntityManager,
    job: NotifyJobData,
  ): Promise<{ userIds: string[]; title: string; body: string } | null> {
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
        return this.taskMessage(manager, job);
    }
  }

  private async taskMessage(
    manager: EntityManager,
    job: NotifyJobData,
  ): Promise<{ userIds: string[]; title: string; body: string } | null> {
    const subject = await this.subject(manager, job.instanceId);
    if (!subject) return null;
    const userIds = await this.recipients(manager, subject, (job.to ?? []) as NotifyRecipient[]);
    return { userIds, ...notificationText(job.topic, subject.title) };
  }

  private async subject(manager: EntityManager, id: string): Promise<SubjectRow | null> {
    const rows = (await manager.query(
      'SELECT ward_id, title, lead_unit_id, leader_id FROM reform_tasks WHERE id = ?',
      [id],
    )) as SubjectRow[];
    return rows[0] ?? null;
  }

  private async recipients(
    manager: EntityManager,
    subject: SubjectRow,
    kinds: NotifyRecipient[],
  ): Promise<string[]> {
    const ids = new Set<string>();
    for (const kind of kinds) {
      const key = {
        leadUnit: subject.lead_unit_id,
        leadUnitHead: subject.lead_unit_id,
        leader: subject.leader_id,
        chairman: subject.ward_id,
        coordinator: subject.ward_id,
      }[kind];
      if (!key) continue;
      const rows = (await manager.query(RECIPIENT_SQL[kind], [key])) as { id: string }[];
      rows.forEach((row) => ids.add(row.id));
    }
    return [...ids];
  }
}
