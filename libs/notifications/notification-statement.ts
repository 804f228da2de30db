import { DossierNotifyRecipient, NotifyRecipient } from '@cchc/domain';
import { InstanceEffect, SqlStatement } from '@cchc/engine';
import { CAMPAIGN_SUBJECT_TYPE, campaignNotice } from './campaign-notifications';
import { DOSSIER_SUBJECT_TYPE, dossierNotice } from './dossier-notifications';
import { Notice, NoticeSql, notificationsInsert } from './notice';
import {
  CONTRIBUTION_SUBJECT_TYPE,
  REPORT_SUBJECT_TYPE,
  reportNotice,
} from './report-notifications';
import { taskNotice } from './task-notifications';

/**
 * The statement that writes a notice's notifications, one per recipient; null when it names no
 * kind of recipient. The dedupe key (instance, step, topic) makes it write once however often it
 * runs; a notice that is not a step's (a reminder sent by hand) brings its own.
 */
export function notificationStatement(
  notice: Notice,
  at: Date,
  dedupeKey = `${notice.instanceType}:${notice.instanceId}:${notice.seq}:${notice.topic}`,
): SqlStatement | null {
  return notificationsInsert(noticeSql(notice), {
    dedupeKey,
    topic: notice.topic,
    subjectType: notice.instanceType,
    subjectId: notice.instanceId,
    at,
  });
}

/**
 * A machine's `notify` effect written in its step's own transaction (PersistedWorkflow.writes):
 * the notifications are there when the transition is, and no job carries them.
 */
export const notifyInTransaction = {
  notify: (effect: InstanceEffect): SqlStatement | null =>
    notificationStatement(
      {
        ...(effect.params as Omit<Notice, 'instanceType' | 'instanceId' | 'seq'>),
        instanceType: effect.instanceType,
        instanceId: effect.instanceId,
        seq: effect.seq,
      },
      effect.at,
    ),
};

/** Who is told and what, by the kind of subject. */
function noticeSql(notice: Notice): NoticeSql {
  switch (notice.instanceType) {
    case DOSSIER_SUBJECT_TYPE:
      return dossierNotice(
        notice.instanceId,
        notice.topic,
        (notice.to ?? []) as DossierNotifyRecipient[],
      );
    case REPORT_SUBJECT_TYPE:
    case CONTRIBUTION_SUBJECT_TYPE:
      return reportNotice(
        notice.instanceType,
        notice.instanceId,
        notice.topic,
        (notice.to ?? []) as NotifyRecipient[],
      );
    case CAMPAIGN_SUBJECT_TYPE:
      return campaignNotice(
        notice.instanceId,
        notice.topic,
        notice.userIds ?? [],
        notice.unitIds ?? [],
      );
    default:
      return taskNotice(
        notice.instanceId,
        notice.topic,
        (notice.to ?? []) as NotifyRecipient[],
        notice.level,
      );
  }
}
