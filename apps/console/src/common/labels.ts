import { TASK_STATE_LABELS, TASK_STATES } from '@cchc/domain';

export { ROLE_LABELS } from '@cchc/domain';

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

export const TASK_STATE_OPTIONS = TASK_STATES.map((value) => ({
  value,
  label: TASK_STATE_LABELS[value],
}));

export function stateLabel(state: string | null): string {
  return TASK_STATE_OPTIONS.find((option) => option.value === state)?.label ?? state ?? '—';
}
