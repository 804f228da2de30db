import { NotifyRecipient } from '@cchc/domain';
import { NoticeSql } from './notice';

/** The audit/outbox instance type of a reform task. */
export const TASK_SUBJECT_TYPE = 'reform-task';

/** Vietnamese wording of each notification topic about a task. */
const TITLES: Record<string, string> = {
  'task.assigned': 'Nhiệm vụ mới được giao',
  'task.started': 'Đơn vị đã bắt đầu thực hiện nhiệm vụ',
  'task.reported': 'Có báo cáo chờ nghiệm thu',
  'task.accepted': 'Nhiệm vụ đã được nghiệm thu',
  'task.returned': 'Báo cáo bị trả lại, cần bổ sung',
  'task.overdue': 'Nhiệm vụ đã quá hạn',
  'task.extension.requested': 'Có đề nghị gia hạn chờ quyết định',
  'task.extension.approved': 'Đề nghị gia hạn đã được chấp thuận',
  'task.extension.rejected': 'Đề nghị gia hạn không được chấp thuận',
  'task.reassigned': 'Nhiệm vụ được giao lại',
  'task.cancelled': 'Nhiệm vụ đã bị hủy',
  'task.amended': 'Nhiệm vụ được điều chỉnh theo kế hoạch',
  'task.reminder': 'Nhắc hạn{level}: nhiệm vụ sắp đến hạn',
  'task.escalated': 'Chuyển cấp trên xử lý{level}: nhiệm vụ quá hạn chưa hoàn thành',
};

/**
 * A topic's heading; a reminder's or escalation's `level` is said ("lần 2"), as two levels that
 * fire together (a plan imported late) would otherwise read as one sent twice.
 */
export function taskHeading(topic: string, level?: number): string {
  return (TITLES[topic] ?? 'Thông báo về nhiệm vụ').replace(
    '{level}',
    level ? ` lần ${level}` : '',
  );
}

/** Who is meant by each recipient kind, for a reform task `t`: a condition on the user `u`. */
const RECIPIENT_JOIN: Record<NotifyRecipient, string> = {
  leadUnit: "u.unit_id = t.lead_unit_id AND u.role IN ('unit_head', 'officer')",
  leadUnitHead: "u.unit_id = t.lead_unit_id AND u.role = 'unit_head'",
  leader: 'u.id = t.leader_id',
  chairman: "u.ward_id = t.ward_id AND u.role = 'chairman'",
  coordinator: "u.ward_id = t.ward_id AND u.role = 'coordinator'",
};

/** A notification about a task: its title, and the active users of each recipient kind. */
export function taskNotice(
  taskId: string,
  topic: string,
  kinds: NotifyRecipient[],
  level?: number,
): NoticeSql {
  // A kind this version does not know (an old job's) tells no one, as before.
  const unique = [...new Set(kinds)].filter((kind) => kind in RECIPIENT_JOIN);
  return {
    heading: taskHeading(topic, level),
    subject: {
      sql: 'SELECT t.title AS title_tail, CONCAT(?, t.title) AS body_tail FROM reform_tasks t WHERE t.id = ?',
      params: ['Nhiệm vụ: ', taskId],
    },
    recipients: unique.map((kind) => ({
      sql: `SELECT u.id AS user_id FROM reform_tasks t JOIN users u ON ${RECIPIENT_JOIN[kind]} AND u.active = 1 WHERE t.id = ?`,
      params: [taskId],
    })),
  };
}
