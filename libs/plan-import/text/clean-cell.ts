import { decodeHTML } from 'entities';

/**
 * Cell text as a person would read it. Pasted plans carry HTML remnants of the converter
 * ("<ul style=…> - a; - b", "<p>…</p>") and markdown bold markers; those are dropped.
 * Line breaks inside a cell are kept, other whitespace collapsed.
 */
export function cleanCellText(raw: string): string {
  const withoutMarkup = raw
    .replace(/<\/?(?:p|ul|ol|li|div|span|br|b|strong|i|em|u)\b[^>]*>/gi, ' ')
    .replace(/\*\*/g, ' ');
  return decodeHTML(withoutMarkup)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
