// Public API of @cchc/apology-slip: the apology and new-appointment slip for a late TTHC dossier
// (Mẫu số 05, Thông tư 01/2018/TT-VPCP), rendered to DOCX and PDF. Pure code: no Nest, no DB, no clock.
export {
  APOLOGY_SLIP_TITLE,
  composeApologySlip,
  DRAFT_MARK,
  InvalidApologySlipError,
  validateApologySlip,
  type ApologySlipData,
  type ApologySlipText,
} from './apology-slip';
export { renderApologyDocx } from './render-docx';
export { renderApologyPdf } from './render-pdf';
