import type { SourceDocument } from '../types';

/** A document with one table whose rows are numbered from 1, and narrative lines. */
export function gridDocument(
  rows: string[][],
  narrative: string[] = ['KẾ HOẠCH cải cách hành chính năm 2026'],
  ...moreTables: string[][][]
): SourceDocument {
  const table = (grid: string[][]) => ({
    rows: grid.map((cells, index) => ({ sourceRow: index + 1, cells })),
  });
  return {
    format: 'tsv',
    tables: [table(rows), ...moreTables.map(table)],
    text: narrative.map((text, index) => ({ sourceRow: index + 1, text })),
    warnings: [],
  };
}
