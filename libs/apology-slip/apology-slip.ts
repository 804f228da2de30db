import type { IsoDate } from '@cchc/domain';
import { isIsoDate } from '@cchc/calendar';
import { longDate, NATIONAL_MOTTO, NATIONAL_SLOGAN, shortDate } from '@cchc/documents';

// "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (Mẫu số 05, Thông tư 01/2018/TT-VPCP), laid out
// as Nghị định 30/2020/NĐ-CP lays out an administrative document. The wording lives here once;
// the DOCX and PDF renderers only place it on the page.

export const APOLOGY_SLIP_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';
export const DRAFT_MARK = 'DỰ THẢO';
const DRAFT_NUMBER = 'Số: .../PXL-...';

export interface ApologySlipData {
  agency: {
    /** Cơ quan chủ quản, e.g. "UBND phường Lê Thanh Nghị" (printed upper case). */
    superior: string;
    /** The issuing unit, e.g. "Phòng Văn hóa - Xã hội" (upper case, bold, underlined on top). */
    name: string;
    /** Place name of the date line, e.g. "Hải Dương". */
    place: string;
  };
  /** "12/PXL-VHXH"; null exactly while the slip is a draft. */
  number: string | null;
  issuedOn: IsoDate;
  applicant: { name: string; address?: string; phone?: string; email?: string };
  dossierCode: string;
  procedureName: string;
  /** National procedure code, e.g. "1.001193". */
  procedureCode?: string;
  receivedOn: IsoDate;
  /** The date on the receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). */
  originalAppointment: IsoDate;
  /**
   * The appointment this slip replaces: the receipt's, or a later one it was moved to (by a
   * supplement request, or by an earlier slip that was missed too).
   */
  missedAppointment: IsoDate;
  reason: string;
  newAppointment: IsoDate;
  /** Head of the agency: position (e.g. "Trưởng phòng", printed upper case) and full name. */
  signer: { position: string; name: string };
  draft: boolean;
}

/** Every line of the slip, in reading order per block. */
export interface ApologySlipText {
  draftMark: string | null;
  superior: string;
  issuer: string;
  number: string;
  motto: string;
  slogan: string;
  placeAndDate: string;
  title: string;
  salutation: string;
  contact: string[];
  body: string[];
  recipients: string[];
  signerPosition: string;
  signerName: string;
}

export class InvalidApologySlipError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid apology slip: ${problems.join('; ')}`);
    this.name = 'InvalidApologySlipError';
  }
}

export function validateApologySlip(data: ApologySlipData): string[] {
  const problems: string[] = [];
  const required: Record<string, string> = {
    'agency.superior': data.agency.superior,
    'agency.name': data.agency.name,
    'agency.place': data.agency.place,
    'applicant.name': data.applicant.name,
    dossierCode: data.dossierCode,
    procedureName: data.procedureName,
    reason: data.reason,
    'signer.position': data.signer.position,
    'signer.name': data.signer.name,
  };
  for (const [field, value] of Object.entries(required)) {
    if (!value.trim()) problems.push(`${field} is empty`);
  }
  if (data.draft && data.number !== null) problems.push('a draft carries no number');
  if (!data.draft && !data.number?.trim()) problems.push('an issued slip needs its number');
  const dates = [
    'issuedOn',
    'receivedOn',
    'originalAppointment',
    'missedAppointment',
    'newAppointment',
  ] as const;
  const invalid = dates.filter((field) => !isIsoDate(data[field]));
  problems.push(...invalid.map((field) => `${field} is not a date written YYYY-MM-DD`));
  if (invalid.length === 0) {
    if (data.originalAppointment < data.receivedOn) {
      problems.push('originalAppointment precedes receivedOn');
    }
    if (data.newAppointment <= data.missedAppointment) {
      problems.push('newAppointment is not after missedAppointment');
    }
    if (data.issuedOn < data.receivedOn) problems.push('issuedOn precedes receivedOn');
  }
  return problems;
}

/** Words the slip; throws InvalidApologySlipError on inconsistent data. */
export function composeApologySlip(data: ApologySlipData): ApologySlipText {
  const problems = validateApologySlip(data);
  if (problems.length > 0) throw new InvalidApologySlipError(problems);
  const { agency, applicant } = data;
  const addressee = `Ông/Bà/Tổ chức ${applicant.name}`;
  const procedure = data.procedureCode
    ? `${data.procedureName} (mã thủ tục: ${data.procedureCode})`
    : data.procedureName;
  const reachableAt = [
    applicant.phone && `Điện thoại: ${applicant.phone}`,
    applicant.email && `Thư điện tử: ${applicant.email}`,
  ].filter(Boolean);
  return {
    draftMark: data.draft ? DRAFT_MARK : null,
    superior: upper(agency.superior),
    issuer: upper(agency.name),
    number: data.number === null ? DRAFT_NUMBER : `Số: ${data.number}`,
    motto: NATIONAL_MOTTO,
    slogan: NATIONAL_SLOGAN,
    placeAndDate: `${agency.place}, ${longDate(data.issuedOn)}`,
    title: APOLOGY_SLIP_TITLE,
    salutation: `Kính gửi: ${addressee}`,
    contact: [
      ...(applicant.address ? [`Địa chỉ: ${applicant.address}`] : []),
      ...(reachableAt.length > 0 ? [reachableAt.join('; ')] : []),
    ],
    body: [
      `Ngày ${shortDate(data.receivedOn)}, ${agency.name} tiếp nhận hồ sơ đề nghị giải quyết ` +
        `thủ tục hành chính: ${procedure} của ${addressee}.`,
      `Mã hồ sơ: ${data.dossierCode}.`,
      'Thời hạn trả kết quả giải quyết hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ' +
        `ngày ${shortDate(data.originalAppointment)}.` +
        (data.missedAppointment === data.originalAppointment
          ? ''
          : ` Thời hạn này đã được hẹn lại là ngày ${shortDate(data.missedAppointment)}.`),
      `Tuy nhiên, ${agency.name} không thể trả kết quả giải quyết hồ sơ đúng thời hạn nêu trên.`,
      `Lý do: ${sentence(data.reason)}`,
      `Sự chậm trễ này đã gây phiền hà cho Ông/Bà/Tổ chức. ${agency.name} trân trọng xin lỗi ` +
        'Ông/Bà/Tổ chức và hẹn lại ngày trả kết quả giải quyết hồ sơ là ngày ' +
        `${shortDate(data.newAppointment)}.`,
      'Rất mong nhận được sự thông cảm của Ông/Bà/Tổ chức. Xin trân trọng cảm ơn./.',
    ],
    recipients: ['- Như trên;', '- Lưu: VT.'],
    signerPosition: upper(data.signer.position),
    signerName: data.signer.name,
  };
}

function upper(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
