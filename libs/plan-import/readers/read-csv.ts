import type { SourceDocument, SourceRow } from '../types';
import { narrativeOf } from './narrative';

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/**
 * RFC 4180 records: fields separated by `delimiter`, optionally quoted; inside quotes a
 * doubled quote is a quote and line breaks belong to the field. CRLF, LF and CR end records.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) endField();
    else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else field += char;
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/**
 * Excel in a Vietnamese locale writes ';' (the decimal separator is ','). The delimiter is the
 * one that splits the most records into table rows (3+ fields); narrative lines above the
 * table have commas and semicolons too, so counting characters would not do.
 */
export function detectDelimiter(text: string): string {
  let best: string = CANDIDATE_DELIMITERS[0];
  let bestRows = -1;
  for (const candidate of CANDIDATE_DELIMITERS) {
    const rows = parseCsv(text, candidate).filter((record) => record.length >= 3).length;
    if (rows > bestRows) {
      best = candidate;
      bestRows = rows;
    }
  }
  return best;
}

/** A CSV export of the plan; `sourceRow` is the record number, as a spreadsheet shows it. */
export function readCsv(text: string): SourceDocument {
  const body = text.replace(/^\uFEFF/, '');
  const rows: SourceRow[] = parseCsv(body, detectDelimiter(body))
    .map((cells, index) => ({ sourceRow: index + 1, cells }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  return { format: 'csv', tables: [{ rows }], text: narrativeOf(rows), warnings: [] };
}
