/** What an audit history belongs to (`audit_events.instance_type`), in Vietnamese. */
export const AUDIT_SUBJECT_LABELS: Record<string, string> = {
  'reform-task': 'Nhiệm vụ',
  'tthc-dossier': 'Hồ sơ TTHC',
  'apology-slip': 'Phiếu xin lỗi',
  plan: 'Kế hoạch',
  'plan-targets': 'Chỉ tiêu kế hoạch',
  'periodic-report': 'Báo cáo định kỳ',
  'report-contribution': 'Báo cáo đơn vị',
  'report-calendar': 'Lịch báo cáo',
  'inspection-campaign': 'Đợt kiểm tra',
  'inspection-checklist': 'Danh mục kiểm tra',
  'par-criteria': 'Tiêu chí chỉ số CCHC',
  'par-score': 'Điểm chỉ số CCHC',
  user: 'Tài khoản (đăng nhập)',
  evidence: 'Tệp minh chứng',
  'unit-aliases': 'Tên gọi đơn vị',
  'unit-groups': 'Nhóm đơn vị',
  'leader-assignments': 'Phân công lãnh đạo',
  'calendar-year': 'Lịch làm việc',
  ward: 'Phường',
  'org-unit': 'Đơn vị',
};

/** The label of an audit subject type; an unknown type is shown as its code. */
export function auditSubjectLabel(instanceType: string): string {
  return AUDIT_SUBJECT_LABELS[instanceType] ?? instanceType;
}
