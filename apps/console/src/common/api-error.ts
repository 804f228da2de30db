import { ApiError } from '../api/http';

/**
 * The Vietnamese labels of the fields the API names in its refusals (the body's property
 * names), for the fields the console's forms send. A field not listed loses its name instead.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  newAppointmentDate: 'Ngày hẹn trả mới',
  proposedDate: 'Ngày hẹn trả đề xuất',
  proposedAppointmentDate: 'Ngày hẹn trả đề nghị',
  appointmentDate: 'Ngày hẹn trả',
  reason: 'Lý do',
  file: 'Tệp',
  report: 'Nội dung báo cáo',
  product: 'Sản phẩm',
  comment: 'Ý kiến',
  proposedDueDate: 'Thời hạn đề nghị',
  newDueDate: 'Thời hạn mới',
  dueDate: 'Thời hạn',
  leadUnitId: 'Cơ quan chủ trì',
  evidenceIds: 'Tệp đính kèm',
  score: 'Điểm',
  note: 'Ghi chú',
  title: 'Tiêu đề',
  name: 'Tên',
  code: 'Mã',
  year: 'Năm',
  target: 'Chỉ tiêu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
};

/** What a screen says when the API could not be reached at all. */
export const UNREACHABLE = 'Không kết nối được máy chủ; vui lòng thử lại';

/**
 * A field name as the API writes it: a JS property path (`dueDate`, `topics.2.code`), never
 * Vietnamese, so it cannot be mistaken for the start of a Vietnamese sentence.
 */
const FIELD = String.raw`[a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*`;
/** A field name opening the message, a validation summary's list or one of its items. */
const NAMED = new RegExp(String.raw`(^|Dữ liệu không hợp lệ: |; )(${FIELD}): (\S+ )?`, 'g');

/**
 * The API's refusal as a person reads it: each raw field name that opens a message
 * ("newAppointmentDate: ngày 05/12/2026 …") becomes its Vietnamese label ("Ngày hẹn trả mới:
 * ngày 05/12/2026 …") or, when unknown, is dropped; class-validator's repetition of the name
 * ("dueDate: dueDate phải là …") goes too.
 */
export function readableMessage(
  message: string,
  labels: Readonly<Record<string, string>> = FIELD_LABELS,
): string {
  const text = message.replace(NAMED, (_, before: string, field: string, next?: string) => {
    const last = field.split('.').at(-1) ?? field;
    const repeated = next !== undefined && (next.trim() === field || next.trim() === last);
    const label = labels[field] ?? labels[last];
    return `${before}${label ? `${label}: ` : ''}${repeated ? '' : (next ?? '')}`;
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The one message a form shows for a failed call: the API's own (made readable), or `fallback`
 * when the server failed or could not be reached (a network error says nothing useful).
 */
export function apiErrorMessage(
  error: unknown,
  fallback: string = UNREACHABLE,
  labels?: Readonly<Record<string, string>>,
): string {
  if (!(error instanceof ApiError) || !error.body.message) return fallback;
  return readableMessage(error.message, labels);
}

/**
 * An upload's refusal naming the file rather than the form field: "file: nội dung tệp không
 * phải PDF" becomes "Tệp bao-cao.pdf: nội dung tệp không phải PDF".
 */
export function fileErrorMessage(fileName: string, error: unknown): string {
  if (!(error instanceof ApiError) || !error.body.message)
    return `Tệp ${fileName}: ${UNREACHABLE.charAt(0).toLowerCase()}${UNREACHABLE.slice(1)}`;
  const why = readableMessage(error.message, {});
  return `Tệp ${fileName}: ${why.charAt(0).toLowerCase()}${why.slice(1)}`;
}
