import type { SourceDocument, SourceLine, SourceRow } from '../types';

/** Splits text into lines, keeping 1-based line numbers and dropping a UTF-8 BOM. */
export function numberedLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ sourceRow: index + 1, text: line }));
}

/** True when the text holds a tab-separated table (pasted from Word or Excel). */
export function looksTabSeparated(text: string): boolean {
  const tabbedLines = numberedLines(text).filter(
    (line) => (line.text.match(/\t/g) ?? []).length >= 2,
  );
  return tabbedLines.length >= 3;
}

/**
 * Pasted text: every non-blank line is a row split on tabs, so a table embedded in narrative
 * (seed 002) keeps its position; lines without tabs are also the narrative searched for metadata.
 * A tab-less line inside the table region (a section title pasted without its empty cells)
 * stays a one-cell row for the table logic.
 */
export function readDelimitedText(text: string): SourceDocument {
  const rows: SourceRow[] = [];
  const narrative: SourceLine[] = [];
  for (const line of numberedLines(text)) {
    if (line.text.trim() === '') continue;
    rows.push({ sourceRow: line.sourceRow, cells: line.text.split('\t') });
    if (!line.text.includes('\t'))
      narrative.push({ sourceRow: line.sourceRow, text: line.text.trim() });
  }
  return { format: 'tsv', tables: [{ rows }], text: narrative, warnings: [] };
}
