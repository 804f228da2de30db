/**
 * Folds Vietnamese text to one plain form: combining marks removed (NFD, so "Qúy", "Quý" and
 * "Quy" all read "quy"), đ→d, lowercase, zero-width characters dropped, every run of
 * whitespace (line breaks included) collapsed to one space.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u200b-\u200d\ufeff]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The form every deadline grammar rule is written against. After `foldVietnamese`:
 * - spaces around "/" go, and before ",", ";", ":" ("Tháng 11 /2026" → "thang 11/2026");
 * - a leading bullet and trailing punctuation go.
 * Nothing is repaired here: OCR damage is read, with a confidence, by ocr-repair.ts.
 */
export function normalizeDeadlineText(raw: string): string {
  return foldVietnamese(raw)
    .replace(/ ?\/ ?/g, '/')
    .replace(/ ([,;:])/g, '$1')
    .replace(/^[-+*•–] ?/, '')
    .replace(/[ .,;:]+$/, '');
}
