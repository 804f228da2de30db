import { EntityManager } from 'typeorm';
import { NotifyRecipient } from '@cchc/domain';

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

/** Who is meant by each recipient kind; the parameter is the contributing unit, or the ward. */
const RECIPIENT_SQL: Record<NotifyRecipient, string> = {
  leadUnit:
    "SELECT id FROM users WHERE unit_id = ? AND role IN ('unit_head', 'officer') AND active = 1",
  leadUnitHead: "SELECT id FROM users WHERE unit_id = ? AND role = 'unit_head' AND active = 1",
  leader: "SELECT id FROM users WHERE ward_id = ? AND role = 'leader' AND active = 1",
  chairman: "SELECT id FROM users WHERE ward_id = ? AND role = 'chairman' AND active = 1",
  coordinator: "SELECT id FROM users WHERE ward_id = ? AND role = 'coordinator' AND active = 1",
};

/** The users to tell about a report or a contribution and what to tell them; null when gone. */
export async function reportMessage(
  manager: EntityManager,
  instanceType: string,
  instanceId: string,
  topic: string,
  kinds: NotifyRecipient[],
): Promise<{ userIds: string[]; title: string; body: string } | null> {
  const [subject] = (await manager.query(
    instanceType === CONTRIBUTION_SUBJECT_TYPE
      ? `SELECT r.ward_id, r.period_label, c.unit_id, u.name AS unit_name
         FROM report_contributions c JOIN periodic_reports r ON r.id = c.report_id
         JOIN org_units u ON u.id = c.unit_id WHERE c.id = ?`
      : 'SELECT ward_id, period_label, NULL AS unit_id, NULL AS unit_name FROM periodic_reports WHERE id = ?',
    [instanceId],
  )) as {
    ward_id: string;
    period_label: string;
    unit_id: string | null;
    unit_name: string | null;
  }[];
  if (!subject) return null;
  const userIds = new Set<string>();
  for (const kind of kinds) {
    const unitScoped = kind === 'leadUnit' || kind === 'leadUnitHead';
    const key = unitScoped ? subject.unit_id : subject.ward_id;
    if (!key) continue;
    const rows = (await manager.query(RECIPIENT_SQL[kind], [key])) as { id: string }[];
    rows.forEach((row) => userIds.add(row.id));
  }
  const heading = TITLES[topic] ?? 'Thông báo về báo cáo định kỳ';
  const about = `Báo cáo CCHC ${subject.period_label}`;
  return {
    userIds: [...userIds],
    title: `${heading}: ${about}`.slice(0, 500),
    body: [
      `${heading}.`,
      about,
      ...(subject.unit_name ? [`Đơn vị: ${subject.unit_name}`] : []),
    ].join('\n'),
  };
}
