import { SqlStatement } from '@cchc/engine';

/**
 * What a notification is about and who is told: a machine's `notify` effect with the instance and
 * step that emitted it (as the engine hands it over, and as older `notify` jobs carry it).
 */
export interface Notice {
  instanceType: string;
  instanceId: string;
  seq: number;
  topic: string;
  /** Recipient kinds, resolved against the subject (tasks, dossiers, reports). */
  to?: string[];
  /** A task's reminder or escalation level (NotifyEffect.level). */
  level?: number;
  /** Recipients named by the machine (a campaign: CampaignNotifyEffect). */
  userIds?: string[];
  unitIds?: string[];
}

/** A subject's part of a notification, as SQL read in the writing transaction. */
export interface NoticeSql {
  /**
   * One row (none when the subject is gone) with `title_tail` and `body_tail`: the title reads
   * `${heading}: ${title_tail}`, the body `${heading}.\n${body_tail}`.
   */
  subject: SqlStatement;
  /** SELECTs of `user_id`, one per recipient kind, every one an active user. */
  recipients: SqlStatement[];
  heading: string;
}

/** Where a notification comes from, for its dedupe key and its link. */
export interface NoticeOrigin {
  /** Unique per user: a repeated (user, dedupe key) is skipped. */
  dedupeKey: string;
  topic: string;
  subjectType: string;
  subjectId: string;
  at: Date;
}

/**
 * One notification per recipient, as ONE statement that reads the subject and the recipients
 * where it writes (in a transition's own transaction, nothing is read before); null when no kind
 * of recipient is asked for. A subject that is gone, or no active recipient, inserts nothing.
 */
export function notificationsInsert(about: NoticeSql, origin: NoticeOrigin): SqlStatement | null {
  if (about.recipients.length === 0) return null;
  return {
    sql:
      'INSERT INTO notifications (user_id, dedupe_key, topic, subject_type, subject_id, title, body, created_at) ' +
      'SELECT r.user_id, ?, ?, ?, ?, LEFT(CONCAT(?, s.title_tail), 500), CONCAT(?, s.body_tail), ? ' +
      `FROM (${about.subject.sql}) s ` +
      `JOIN (${about.recipients.map((recipient) => recipient.sql).join(' UNION ')}) r ON TRUE ` +
      // `ON TRUE`: without a join condition the parser reads ON DUPLICATE KEY as one.
      'ON DUPLICATE KEY UPDATE id = notifications.id',
    params: [
      origin.dedupeKey,
      origin.topic,
      origin.subjectType,
      origin.subjectId,
      `${about.heading}: `,
      `${about.heading}.\n`,
      origin.at,
      ...about.subject.params,
      ...about.recipients.flatMap((recipient) => recipient.params),
    ],
  };
}
