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
 * - OCR digits: in a token made of digits and "o" with at least one digit, "o" is 0 ("2O26");
 * - OCR Roman numerals, only in the quarter list right after "quy": "1" and "l" read as "i"
 *   ("1V" → iv, "I11" → iii, "Il" → ii; an Arabic "Quý 1" reads the same);
 * - a leading bullet and trailing punctuation go.
 * Nothing else is repaired: text that still does not parse is flagged, never guessed.
 */
export function normalizeDeadlineText(raw: string): string {
  return foldVietnamese(raw)
    .replace(/ ?\/ ?/g, '/')
    .replace(/ ([,;:])/g, '$1')
    .replace(/\b[\do]*\d[\do]*\b/g, (token) => token.replace(/o/g, '0'))
    .replace(
      /\bquy ([ivl1]+(?:(?:, ?| va )[ivl1]+)*)\b/g,
      (_m, list: string) =>
        `quy ${list.replace(/[ivl1]+/g, (numeral) => numeral.replace(/[l1]/g, 'i'))}`,
    )
    .replace(/^[-+*•–] ?/, '')
    .replace(/[ .,;:]+$/, '');
}
