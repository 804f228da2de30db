import { NotifyRecipient } from '@cchc/domain';
import { NoticeSql } from './notice';

/** Audit/outbox instance types of a periodic report and of a unit's contribution to it. */
export const REPORT_SUBJECT_TYPE = 'periodic-report';
export const CONTRIBUTION_SUBJECT_TYPE = 'report-contribution';

const TITLES: Record<string, string> = {
  'contribution.requested': 'Đề nghị gửi báo cáo định kỳ',
  'contribution.submitted': 'Đơn vị đã gửi báo cáo đóng góp',
  'contribution.accepted': 'Báo cáo đóng góp đã được tiếp nhận',
  'contribution.returned': 'Báo cáo đóng góp bị trả lại, cần bổ sung',
  'contribution.overdue': 'Quá hạn gửi báo cáo định kỳ',
  'contribution.reminder': 'Nhắc hạn gửi báo cáo định kỳ',
  'contribution.escalated': 'Chuyển cấp trên xử lý: đơn vị chưa gửi báo cáo định kỳ',
  'report.submitted': 'Báo cáo định kỳ chờ duyệt',
  'report.approved': 'Báo cáo định kỳ đã được duyệt, chờ ký',
  'report.signed': 'Báo cáo định kỳ đã được ký',
  'report.returned': 'Báo cáo định kỳ bị trả lại',
  'report.correcting': 'Báo cáo định kỳ đã gửi đang được đính chính',
};

/**
 * Who is meant by each recipient kind: a condition on the user `u`, against the contribution `c`
 * (the unit's kinds; a report has no unit, so they name no one there) or the report `r`.
 */
const UNIT_JOIN: Partial<Record<NotifyRecipient, string>> = {
  leadUnit: "u.unit_id = c.unit_id AND u.role IN ('unit_head', 'officer')",
  leadUnitHead: "u.unit_id = c.unit_id AND u.role = 'unit_head'",
};
const WARD_JOIN: Partial<Record<NotifyRecipient, string>> = {
  leader: "u.ward_id = r.ward_id AND u.role = 'leader'",
  chairman: "u.ward_id = r.ward_id AND u.role = 'chairman'",
  coordinator: "u.ward_id = r.ward_id AND u.role = 'coordinator'",
};

const ABOUT = 'Báo cáo CCHC ';

/** A notification about a report or a contribution: its period (and unit), and its users. */
export function reportNotice(
  instanceType: string,
  instanceId: string,
  topic: string,
  kinds: NotifyRecipient[],
): NoticeSql {
  const contribution = instanceType === CONTRIBUTION_SUBJECT_TYPE;
  // The subject's rows as `c` (a contribution only) and `r`.
  const from = contribution
    ? 'report_contributions c JOIN periodic_reports r ON r.id = c.report_id'
    : 'periodic_reports r';
  const where = contribution ? 'c.id = ?' : 'r.id = ?';
  const joins = [...new Set(kinds)].flatMap((kind) => {
    const join = WARD_JOIN[kind] ?? (contribution ? UNIT_JOIN[kind] : undefined);
    return join ? [join] : [];
  });
  return {
    heading: TITLES[topic] ?? 'Thông báo về báo cáo định kỳ',
    subject: contribution
      ? {
          sql:
            'SELECT CONCAT(?, r.period_label) AS title_tail, CONCAT(?, r.period_label, ?, o.name) AS body_tail ' +
            `FROM ${from} JOIN org_units o ON o.id = c.unit_id WHERE ${where}`,
          params: [ABOUT, ABOUT, '\nĐơn vị: ', instanceId],
        }
      : {
          sql: `SELECT CONCAT(?, r.period_label) AS title_tail, CONCAT(?, r.period_label) AS body_tail FROM ${from} WHERE ${where}`,
          params: [ABOUT, ABOUT, instanceId],
        },
    recipients: joins.map((join) => ({
      sql: `SELECT u.id AS user_id FROM ${from} JOIN users u ON ${join} AND u.active = 1 WHERE ${where}`,
      params: [instanceId],
    })),
  };
}
