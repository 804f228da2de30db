import { measuredZip } from '@cchc/plan-import';

/** The kinds of file a report may carry (the plan's "Sản phẩm"), as media types. */
export const EVIDENCE_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

export type EvidenceKind = keyof typeof EVIDENCE_MEDIA_TYPES;

/** For messages: what the API accepts. */
export const ACCEPTED_EVIDENCE_KINDS = 'PDF, DOCX, XLSX, PNG, JPEG';

const SIGNATURES: [EvidenceKind, Buffer][] = [
  ['pdf', Buffer.from('%PDF-', 'latin1')],
  ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['jpeg', Buffer.from([0xff, 0xd8, 0xff])],
];
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The part that makes an Office Open XML archive a document or a workbook (Word for the web
 * sometimes names it `word/document2.xml`).
 */
const OFFICE_MAIN_PARTS: [EvidenceKind, RegExp][] = [
  ['docx', /^word\/document\d*\.xml$/],
  ['xlsx', /^xl\/workbook\d*\.xml$/],
];

/**
 * What the bytes are, whatever the file is called; null for anything not accepted. An archive
 * is judged by its central directory only (nothing is inflated), under the limits of the plan
 * import: one that would unzip into far more than it weighs is refused (UploadTooLargeError).
 */
export async function sniffEvidenceKind(data: Buffer): Promise<EvidenceKind | null> {
  for (const [kind, signature] of SIGNATURES) {
    if (data.subarray(0, signature.length).equals(signature)) return kind;
  }
  if (!data.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) return null;
  const names = await zipEntryNames(data);
  return OFFICE_MAIN_PARTS.find(([, part]) => names.some((name) => part.test(name)))?.[0] ?? null;
}

/** The entry names of a measured archive; none when it is not a readable zip. */
async function zipEntryNames(data: Buffer): Promise<string[]> {
  const measured = await measuredZip(data);
  if (!measured) return [];
  measured.zip.close();
  return measured.entries.map((entry) => entry.fileName);
}
