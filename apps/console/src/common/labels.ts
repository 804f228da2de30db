import type { Role } from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  chairman: 'Chủ tịch UBND',
  leader: 'Lãnh đạo phụ trách',
  coordinator: 'Công chức tham mưu CCHC',
  unit_head: 'Thủ trưởng đơn vị',
  officer: 'Cán bộ, công chức',
  one_stop_officer: 'Công chức Bộ phận một cửa',
  inspector: 'Đoàn kiểm tra',
};

/** The button of each task event a user may send (the contract the users and tests rely on). */
export const TASK_EVENT_BUTTONS: Record<string, string> = {
  START: 'Bắt đầu thực hiện',
  SUBMIT_REPORT: 'Gửi báo cáo',
  APPROVE: 'Nghiệm thu',
  RETURN: 'Trả lại',
  REQUEST_EXTENSION: 'Xin gia hạn',
  DECIDE_EXTENSION: 'Duyệt gia hạn',
  REASSIGN: 'Giao lại',
  AMEND: 'Điều chỉnh',
  CANCEL: 'Hủy nhiệm vụ',
};

export const TASK_STATE_OPTIONS = [
  { value: 'assigned', label: 'Giao' },
  { value: 'inProgress', label: 'Đang thực hiện' },
  { value: 'reported', label: 'Báo cáo' },
  { value: 'accepted', label: 'Nghiệm thu' },
  { value: 'overdue', label: 'Quá hạn' },
  { value: 'cancelled', label: 'Đã hủy' },
];

export function stateLabel(state: string | null): string {
  return TASK_STATE_OPTIONS.find((option) => option.value === state)?.label ?? state ?? '—';
}
