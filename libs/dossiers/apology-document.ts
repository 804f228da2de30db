import { ApologySlipData, renderApologyDocx, renderApologyPdf } from '@cchc/apology-slip';
import { documentNumber, placeName, shortDate } from '@cchc/documents';
import { IsoDate } from '@cchc/domain';

/** What a slip prints about its dossier, read in one query (see ApologyService). */
export interface SlipSource {
  dossier_id: string;
  code: string;
  ward_id: string;
  received_on: IsoDate;
  original_appointment_date: IsoDate;
  applicant_name: string;
  applicant_address: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  procedure_code: string;
  procedure_name: string;
  processing_days: number;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  ward_name: string;
  province: string | null;
}

/** What differs between a draft and the issued slip. */
export interface SlipFields {
  number: string | null;
  issuedOn: IsoDate;
  /** The appointment the slip replaces (the one missed, or about to be). */
  missedAppointment: IsoDate;
  newAppointment: IsoDate;
  /** Null on an overdue draft: the head writes it when signing; the draft shows a blank. */
  reason: string | null;
  signer: { position: string; name: string };
}

/** Printed where the head still has to write the reason. */
const REASON_BLANK = '……………………………………………………';

/** How the head of a unit signs: "Trưởng phòng" for a phòng, "Giám đốc" for a centre. */
export function signerPosition(unitName: string): string {
  if (/^phòng\b/i.test(unitName)) return 'Trưởng phòng';
  if (/^trung tâm\b/i.test(unitName)) return 'Giám đốc';
  return 'Thủ trưởng đơn vị';
}

/** The kind of document an apology slip is in its unit's yearly sequence of numbers. */
export const SLIP_NUMBER_KIND = 'PXL';

/** The slip's number as printed: "03/PXL-VHXH". */
export function slipNumber(number: number, unitCode: string): string {
  return documentNumber(number, `${SLIP_NUMBER_KIND}-${unitCode}`);
}

export function slipData(source: SlipSource, fields: SlipFields): ApologySlipData {
  const place = placeName(source.province, source.ward_name);
  return {
    agency: { superior: `UBND ${source.ward_name}`, name: source.unit_name, place },
    number: fields.number,
    issuedOn: fields.issuedOn,
    applicant: {
      name: source.applicant_name,
      address: source.applicant_address ?? undefined,
      phone: source.applicant_phone ?? undefined,
      email: source.applicant_email ?? undefined,
    },
    dossierCode: source.code,
    procedureName: source.procedure_name,
    procedureCode: source.procedure_code,
    receivedOn: source.received_on,
    originalAppointment: source.original_appointment_date,
    missedAppointment: fields.missedAppointment,
    reason: fields.reason ?? REASON_BLANK,
    newAppointment: fields.newAppointment,
    signer: fields.signer,
    draft: fields.number === null,
  };
}

export async function renderSlip(data: ApologySlipData): Promise<{ docx: Buffer; pdf: Buffer }> {
  const [docx, pdf] = await Promise.all([renderApologyDocx(data), renderApologyPdf(data)]);
  return { docx, pdf };
}

export type SlipFormat = 'docx' | 'pdf';

export const SLIP_CONTENT_TYPES: Record<SlipFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** "Phiếu xin lỗi 3-PXL-VHXH hồ sơ H31-0001.pdf" (or "Dự thảo phiếu xin lỗi …"). */
export function slipFileName(
  slip: { numberText: string | null; draftedOn: IsoDate },
  dossierCode: string,
  format: SlipFormat,
): string {
  const label = slip.numberText
    ? `Phiếu xin lỗi ${slip.numberText}`
    : `Dự thảo phiếu xin lỗi ${shortDate(slip.draftedOn)}`;
  return `${label} hồ sơ ${dossierCode}.${format}`.replace(/[/\\:*?"<>|]/g, '-');
}

/** Content-Disposition with an ASCII fallback and the Vietnamese name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (char) => (char === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
