import { DataSource, EntityManager } from 'typeorm';
import { IsoDate, ReportCorrection } from '@cchc/domain';

/**
 * The frozen revisions of a report (`report_revisions`). Each keeps its own figures, hash,
 * number and signing and sending days, so a sent report corrected later (a báo cáo đính chính,
 * a new revision under a new number) still downloads as it was signed and sent; a correction's
 * revisions name the sent revision they replace and why.
 *
 * A signature the chairman withdrew before sending (RETURN from `signed`) leaves the revision
 * unsigned: it is read with no number nor signing day, and downloads as a draft saying what was
 * withdrawn. The row keeps the withdrawn number, day and signer, with the day and reason of the
 * withdrawal, as the document register keeps a spent number on its line; signing the revision
 * again gives it the next number and clears the withdrawal (the audit history keeps both).
 */

type Db = DataSource | EntityManager;

export interface RevisionView {
  revision: number;
  contentHash: string;
  compiledAt: Date;
  /** `…/BC-UBND` once this revision was signed. */
  number: string | null;
  signedOn: IsoDate | null;
  sentOn: IsoDate | null;
  /** On a correction: the sent revision it replaces, and why it was corrected. */
  correctsRevision: number | null;
  correctionReason: string | null;
  /** The signature withdrawn before sending (then `number` and `signedOn` are null). */
  signatureWithdrawn: SignatureWithdrawal | null;
}

/** A revision's signature taken back by the chairman before it was sent: not an issued document. */
export interface SignatureWithdrawal {
  /** The number it was signed under: spent, never given again. */
  number: string;
  signedOn: IsoDate;
  withdrawnOn: IsoDate;
  reason: string;
}

export interface StoredRevision extends RevisionView {
  content: string;
  /**
   * Who signed it, named as he was then (null until signed, signed before this was kept, or its
   * signature withdrawn).
   */
  signerName: string | null;
}

const COLUMNS = `revision, content_hash, compiled_at, number,
  DATE_FORMAT(signed_on, '%Y-%m-%d') AS signed_on, DATE_FORMAT(sent_on, '%Y-%m-%d') AS sent_on,
  corrects_revision, correction_reason,
  DATE_FORMAT(signature_withdrawn_on, '%Y-%m-%d') AS signature_withdrawn_on, withdrawal_reason`;

interface RevisionRow {
  revision: number;
  content_hash: string;
  compiled_at: Date;
  number: string | null;
  signed_on: IsoDate | null;
  sent_on: IsoDate | null;
  corrects_revision: number | null;
  correction_reason: string | null;
  signature_withdrawn_on: IsoDate | null;
  withdrawal_reason: string | null;
  content?: string;
  signer_name?: string | null;
}

/** The withdrawn signature of a row, or null when it is signed, or was never. */
function withdrawalOf(row: RevisionRow): SignatureWithdrawal | null {
  if (row.signature_withdrawn_on === null || row.number === null || row.signed_on === null)
    return null;
  return {
    number: row.number,
    signedOn: row.signed_on,
    withdrawnOn: row.signature_withdrawn_on,
    reason: row.withdrawal_reason ?? '',
  };
}

function revisionView(row: RevisionRow): RevisionView {
  const withdrawn = withdrawalOf(row);
  return {
    revision: row.revision,
    contentHash: row.content_hash,
    compiledAt: row.compiled_at,
    number: withdrawn ? null : row.number,
    signedOn: withdrawn ? null : row.signed_on,
    sentOn: row.sent_on,
    correctsRevision: row.corrects_revision,
    correctionReason: row.correction_reason,
    signatureWithdrawn: withdrawn,
  };
}

/** Every revision of the report, oldest first, without their contents. */
export async function reportRevisions(db: Db, reportId: string): Promise<RevisionView[]> {
  const rows = (await db.query(
    `SELECT ${COLUMNS} FROM report_revisions WHERE report_id = ? ORDER BY revision`,
    [reportId],
  )) as RevisionRow[];
  return rows.map(revisionView);
}

/** One revision with its frozen contents, or null. */
export async function storedRevision(
  db: Db,
  reportId: string,
  revision: number,
): Promise<StoredRevision | null> {
  const [row] = (await db.query(
    `SELECT ${COLUMNS}, content, signer_name FROM report_revisions
      WHERE report_id = ? AND revision = ?`,
    [reportId, revision],
  )) as RevisionRow[];
  if (!row) return null;
  const view = revisionView(row);
  return {
    ...view,
    content: row.content as string,
    signerName: view.signatureWithdrawn ? null : (row.signer_name ?? null),
  };
}

/** Stores newly frozen figures; a correction's revision names the sent one it replaces. */
export async function insertRevision(
  manager: EntityManager,
  revision: {
    reportId: string;
    revision: number;
    content: string;
    contentHash: string;
    compiledBy: string;
    compiledAt: Date;
    corrects: ReportCorrection | null;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO report_revisions (report_id, revision, content, content_hash, compiled_by,
       compiled_at, corrects_revision, correction_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      revision.reportId,
      revision.revision,
      revision.content,
      revision.contentHash,
      revision.compiledBy,
      revision.compiledAt,
      revision.corrects?.revision ?? null,
      revision.corrects?.reason ?? null,
    ],
  );
}

/**
 * The revision the chairman signed: its number and day, and who signed it, as he is named now;
 * signed again after a withdrawal, it is signed (the withdrawn number stays in the history).
 */
export async function recordSignature(
  manager: EntityManager,
  reportId: string,
  revision: number,
  signature: { number: string | null; signedOn: IsoDate | null; signedBy: string },
): Promise<void> {
  await manager.query(
    `UPDATE report_revisions v LEFT JOIN users u ON u.id = ?
        SET v.number = ?, v.signed_on = ?, v.signed_by = ?, v.signer_name = u.full_name,
            v.signature_withdrawn_on = NULL, v.withdrawal_reason = NULL
      WHERE v.report_id = ? AND v.revision = ?`,
    [
      signature.signedBy,
      signature.number,
      signature.signedOn,
      signature.signedBy,
      reportId,
      revision,
    ],
  );
}

/** The revision the coordinator sent, on `sentOn` (a correction is sent on its own day). */
export async function recordSending(
  manager: EntityManager,
  reportId: string,
  revision: number,
  sentOn: IsoDate,
): Promise<void> {
  await manager.query(
    'UPDATE report_revisions SET sent_on = ? WHERE report_id = ? AND revision = ?',
    [sentOn, reportId, revision],
  );
}

/**
 * The chairman withdrew the signature of the revision before it was sent (RETURN from `signed`):
 * it is a draft again. Its number stays on the row, spent (see above).
 */
export async function recordWithdrawal(
  manager: EntityManager,
  reportId: string,
  revision: number,
  withdrawal: { withdrawnOn: IsoDate; reason: string },
): Promise<void> {
  await manager.query(
    `UPDATE report_revisions SET signature_withdrawn_on = ?, withdrawal_reason = ?
      WHERE report_id = ? AND revision = ? AND signed_on IS NOT NULL AND sent_on IS NULL`,
    [withdrawal.withdrawnOn, withdrawal.reason, reportId, revision],
  );
}
