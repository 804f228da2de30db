/** What spreadsheet programs read as the start of a formula (tab and CR too, as OWASP lists). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell for an XLSX or CSV export: text that a spreadsheet would run as a formula gets a
 * leading apostrophe, so it shows as typed and runs nothing. Every export writes cells through
 * this; the database keeps the text as typed.
 */
export function neutralizeFormula<T>(cell: T): T | string {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
