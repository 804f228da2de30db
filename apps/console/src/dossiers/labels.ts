/** Dossier states, events and apology filters as the users read them (labels of the API). */
export const DOSSIER_STATE_OPTIONS = [
  { value: 'received', label: 'Đã tiếp nhận' },
  { value: 'processing', label: 'Đang xử lý' },
  { value: 'supplementRequested', label: 'Chờ bổ sung' },
  { value: 'resultReady', label: 'Có kết quả' },
  { value: 'returned', label: 'Đã trả kết quả' },
  { value: 'rejected', label: 'Từ chối' },
  { value: 'withdrawn', label: 'Đã rút hồ sơ' },
];

export const APOLOGY_OPTIONS = [
  { value: 'none', label: 'Chưa có phiếu' },
  { value: 'pending', label: 'Phiếu chờ ký' },
  { value: 'signed', label: 'Đã ký phiếu' },
];

export const DOSSIER_EVENT_TITLES: Record<string, string> = {
  RECEIVED: 'Tiếp nhận hồ sơ',
  START_PROCESSING: 'Bắt đầu xử lý',
  REQUEST_SUPPLEMENT: 'Yêu cầu bổ sung hồ sơ',
  SUPPLEMENT_RECEIVED: 'Tiếp nhận hồ sơ bổ sung',
  RECORD_RESULT: 'Cập nhật kết quả giải quyết',
  RETURN_RESULT: 'Trả kết quả',
  REPORT_DELAY: 'Báo trước hồ sơ trễ hạn',
  APPROVE_APOLOGY: 'Ký phiếu xin lỗi và hẹn lại',
  APPOINTMENT_MISSED: 'Quá hạn hẹn trả',
  REJECT: 'Từ chối giải quyết',
  WITHDRAW: 'Rút hồ sơ',
};

export function dossierStateLabel(state: string | null): string {
  return DOSSIER_STATE_OPTIONS.find((option) => option.value === state)?.label ?? state ?? '—';
}

/** The apology column of the list: none, waiting for the head, or signed. */
export function apologyStatus(dossier: { apologyRound: number; apologyPending: unknown }): string {
  if (dossier.apologyPending) return 'Phiếu chờ ký';
  return dossier.apologyRound > 0 ? 'Đã ký phiếu' : 'Chưa có phiếu';
}
