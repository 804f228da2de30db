/** Vietnamese wording of each notification topic; `{title}` is the task's title. */
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
 * A topic's title and body; a reminder's or escalation's `level` is said ("lần 2"), as two
 * levels that fire together (a plan imported late) would otherwise read as one sent twice.
 */
export function notificationText(
  topic: string,
  subjectTitle: string,
  level?: number,
): { title: string; body: string } {
  const heading = (TITLES[topic] ?? 'Thông báo về nhiệm vụ').replace(
    '{level}',
    level ? ` lần ${level}` : '',
  );
  return {
    title: `${heading}: ${subjectTitle}`.slice(0, 500),
    body: `${heading}.\nNhiệm vụ: ${subjectTitle}`,
  };
}
