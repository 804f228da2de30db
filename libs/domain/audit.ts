import { CAMPAIGN_EVENT_LABELS, CAMPAIGN_STATE_LABELS } from './inspection';
import { PAR_SCORE_STATUS_LABELS } from './par-index';
import {
  CONTRIBUTION_EVENT_LABELS,
  CONTRIBUTION_STATE_LABELS,
  REPORT_EVENT_LABELS,
  REPORT_STATE_LABELS,
} from './periodic-report';
import { TASK_EVENT_LABELS, TASK_STATE_LABELS } from './reform-task';
import { DOSSIER_EVENT_LABELS, DOSSIER_STATE_LABELS } from './tthc-dossier';

/** What an audit history belongs to (`audit_events.instance_type`), in Vietnamese. */
export const AUDIT_SUBJECT_LABELS = {
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
} as const satisfies Record<string, string>;
export type AuditSubject = keyof typeof AUDIT_SUBJECT_LABELS;

/** The label of an audit subject type; an unknown type is shown as its code. */
export function auditSubjectLabel(instanceType: string): string {
  return (AUDIT_SUBJECT_LABELS as Record<string, string>)[instanceType] ?? instanceType;
}

/**
 * The events the services append themselves (AuditLog.append, and the engine's first event of an
 * instance), by subject; a machine's transitions are its own event types, labelled beside it.
 */
export const RECORDED_AUDIT_EVENT_LABELS = {
  'reform-task': { CREATED: 'Giao nhiệm vụ' },
  'tthc-dossier': { RECEIVED: 'Tiếp nhận hồ sơ' },
  'apology-slip': {
    DRAFTED: 'Lập dự thảo phiếu xin lỗi',
    ISSUED: 'Ký phát hành phiếu xin lỗi',
  },
  plan: { IMPORTED: 'Nhập kế hoạch', AMENDED: 'Điều chỉnh kế hoạch' },
  'plan-targets': {
    TARGET_CREATED: 'Thêm chỉ tiêu',
    TARGET_CHANGED: 'Sửa chỉ tiêu',
    TARGET_CONFIRMED: 'Xác nhận chỉ tiêu đề xuất',
    TARGET_DROPPED: 'Bỏ chỉ tiêu đề xuất',
    TARGET_DELETED: 'Xóa chỉ tiêu',
    TARGETS_SUGGESTED: 'Đề xuất chỉ tiêu',
    TARGETS_IMPORTED: 'Nhập chỉ tiêu từ tệp',
    TARGET_VALUE_ENTERED: 'Nhập kết quả chỉ tiêu',
  },
  'periodic-report': { OPENED: 'Mở kỳ báo cáo' },
  'report-contribution': { REQUESTED: 'Yêu cầu đơn vị báo cáo' },
  'report-calendar': {
    CALENDAR_REPLACED: 'Cập nhật lịch báo cáo',
    CALENDAR_RESET: 'Trở lại lịch báo cáo theo hướng dẫn của Bộ Nội vụ',
  },
  'inspection-campaign': { CREATED: 'Lập đợt kiểm tra' },
  'inspection-checklist': {
    CHECKLIST_REPLACED: 'Cập nhật danh mục kiểm tra',
    CHECKLIST_RESET: 'Khôi phục danh mục mặc định',
  },
  'par-criteria': { CRITERIA_LOADED: 'Nạp bộ tiêu chí' },
  'par-score': {
    SCORE_ENTERED: 'Tự chấm điểm',
    SCORE_ACCEPTED: 'Duyệt điểm tự chấm',
    SCORE_RETURNED: 'Trả lại điểm tự chấm',
    SURVEY_ENTERED: 'Nhập kết quả điều tra xã hội học',
  },
  user: {
    LOGIN: 'Đăng nhập',
    LOGIN_FAILED: 'Đăng nhập không thành công',
    PASSWORD_CHANGED: 'Đổi mật khẩu',
    PASSWORD_RESET: 'Cấp lại mật khẩu',
    USER_CREATED: 'Tạo tài khoản',
    USER_UPDATED: 'Sửa tài khoản',
    USER_DEACTIVATED: 'Khóa tài khoản',
    USER_REACTIVATED: 'Mở khóa tài khoản',
  },
  evidence: { EVIDENCE_ADDED: 'Thêm tệp minh chứng' },
  'unit-aliases': { ALIASES_REPLACED: 'Cập nhật tên gọi đơn vị' },
  'unit-groups': { UNIT_GROUPS_REPLACED: 'Cập nhật nhóm đơn vị' },
  'leader-assignments': { LEADER_ASSIGNMENTS_REPLACED: 'Cập nhật phân công lãnh đạo' },
  'calendar-year': { SCHEDULE_REPLACED: 'Cập nhật lịch làm việc' },
  ward: { WARD_CREATED: 'Tạo phường' },
  'org-unit': { UNIT_CREATED: 'Thêm đơn vị', UNIT_RENAMED: 'Đổi tên đơn vị' },
} as const satisfies Record<AuditSubject, Record<string, string>>;

/** An event type a service appends itself: the only ones AuditLog.append takes. */
export type RecordedAuditEvent = {
  [S in AuditSubject]: keyof (typeof RECORDED_AUDIT_EVENT_LABELS)[S];
}[AuditSubject];

/** Every event of a subject's history: the recorded ones, then its machine's transitions. */
const EVENT_LABELS: Record<AuditSubject, Record<string, string>> = {
  ...RECORDED_AUDIT_EVENT_LABELS,
  'reform-task': { ...RECORDED_AUDIT_EVENT_LABELS['reform-task'], ...TASK_EVENT_LABELS },
  'tthc-dossier': { ...RECORDED_AUDIT_EVENT_LABELS['tthc-dossier'], ...DOSSIER_EVENT_LABELS },
  'periodic-report': { ...RECORDED_AUDIT_EVENT_LABELS['periodic-report'], ...REPORT_EVENT_LABELS },
  'report-contribution': {
    ...RECORDED_AUDIT_EVENT_LABELS['report-contribution'],
    ...CONTRIBUTION_EVENT_LABELS,
  },
  'inspection-campaign': {
    ...RECORDED_AUDIT_EVENT_LABELS['inspection-campaign'],
    ...CAMPAIGN_EVENT_LABELS,
  },
};

/** A settings page saved as a whole: its one state. */
const EDITED = { edited: 'Đã cập nhật' };
const ACTIVE = { active: 'Đang hoạt động' };

/** The states (`from_state`, `to_state`) of every subject's history. */
const STATE_LABELS: Record<AuditSubject, Record<string, string>> = {
  'reform-task': TASK_STATE_LABELS,
  'tthc-dossier': DOSSIER_STATE_LABELS,
  'apology-slip': { draft: 'Chờ ký', issued: 'Đã ký phát hành' },
  plan: { active: 'Đang thực hiện' },
  // A target change has no state of its own: its history records the change itself.
  'plan-targets': RECORDED_AUDIT_EVENT_LABELS['plan-targets'],
  'periodic-report': REPORT_STATE_LABELS,
  'report-contribution': CONTRIBUTION_STATE_LABELS,
  'report-calendar': EDITED,
  'inspection-campaign': CAMPAIGN_STATE_LABELS,
  'inspection-checklist': { ...EDITED, default: 'Danh mục mặc định' },
  'par-criteria': { loaded: 'Đã nạp' },
  'par-score': PAR_SCORE_STATUS_LABELS,
  user: {
    'signed-in': 'Đã đăng nhập',
    refused: 'Bị từ chối',
    ...ACTIVE,
    inactive: 'Đã khóa',
  },
  evidence: { stored: 'Đã lưu' },
  'unit-aliases': EDITED,
  'unit-groups': EDITED,
  'leader-assignments': EDITED,
  'calendar-year': EDITED,
  ward: ACTIVE,
  'org-unit': ACTIVE,
};

function labelIn(
  labels: Record<AuditSubject, Record<string, string>>,
  instanceType: string,
  code: string,
): string {
  return labels[instanceType as AuditSubject]?.[code] ?? code;
}

/** The label of an event of a subject's history; an unknown event is shown as its code. */
export function auditEventLabel(instanceType: string, eventType: string): string {
  return labelIn(EVENT_LABELS, instanceType, eventType);
}

/** The label of a state of a subject's history; an unknown state is shown as its code. */
export function auditStateLabel(instanceType: string, state: string): string {
  return labelIn(STATE_LABELS, instanceType, state);
}

/**
 * The events to filter a history by, each code once: a subject's own, or every subject's, where a
 * code several subjects share (APPROVE, RETURN…) names each meaning once ("Nghiệm thu / Duyệt…").
 */
export function auditEventChoices(instanceType?: string): { code: string; label: string }[] {
  const subjects = Object.keys(EVENT_LABELS).filter(
    (subject) => instanceType === undefined || subject === instanceType,
  ) as AuditSubject[];
  const labels = new Map<string, Set<string>>();
  for (const subject of subjects)
    for (const [code, label] of Object.entries(EVENT_LABELS[subject]))
      labels.set(code, (labels.get(code) ?? new Set()).add(label));
  return [...labels].map(([code, meanings]) => ({ code, label: [...meanings].join(' / ') }));
}
