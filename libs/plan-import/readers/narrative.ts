import type { SourceLine, SourceRow } from '../types';

/**
 * Rows of a grid that carry one text only (titles above a table, often merged across columns)
 * are the document's narrative, where the plan number, title and dates are written.
 */
export function narrativeOf(rows: SourceRow[]): SourceLine[] {
  return rows.flatMap((row) => {
    const texts = new Set(row.cells.map((cell) => cell.trim()).filter((cell) => cell !== ''));
    return texts.size === 1 ? [{ sourceRow: row.sourceRow, text: [...texts][0] }] : [];
  });
}
