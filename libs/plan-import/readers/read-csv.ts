import { CsvError, parse, type Options } from 'csv-parse/sync';
import { PlanImportError } from '../plan-import-error';
import type { SourceDocument, SourceRow } from '../types';
import { narrativeOf } from './narrative';

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/**
 * How every CSV of the project is read (RFC 4180 as spreadsheets write it): a quote is
 * literal inside an unquoted field, rows may differ in length, CRLF, LF and CR all end a
 * record, empty records are kept so records keep their numbers, a BOM is dropped.
 */
export function csvOptions(delimiter: string): Options {
  return {
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  };
}

/** Records of `text`; a quote left open is a 400 naming the record it opened in. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  try {
    return parse(text, csvOptions(delimiter)) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new PlanImportError([
      {
        row: typeof error.lines === 'number' ? error.lines : null,
        field: 'table',
        message: csvMessage(error),
      },
    ]);
  }
}

/** The parser's complaint in words a person can act on. */
export function csvMessage(error: Pick<CsvError, 'code'>): string {
  return error.code === 'CSV_QUOTE_NOT_CLOSED'
    ? 'Tệp CSV có dấu ngoặc kép (") mở mà không đóng.'
    : `Tệp CSV không đọc được (${error.code}).`;
}

/**
 * Excel in a Vietnamese locale writes ';' (the decimal separator is ','). The delimiter is the
 * one that splits the most records into table rows (3+ fields); narrative lines above the
 * table have commas and semicolons too, so counting characters would not do. A tie (a sheet of
 * two columns has no 3-field rows at all) goes to the one splitting more records in two.
 */
export function detectDelimiter(text: string): string {
  let best: string = CANDIDATE_DELIMITERS[0];
  let bestScore = [-1, -1];
  for (const candidate of CANDIDATE_DELIMITERS) {
    let score = [0, 0];
    try {
      const records = parseCsv(text, candidate);
      score = [3, 2].map((fields) => records.filter((record) => record.length >= fields).length);
    } catch {
      // Quotes that do not pair up: no table rows with this one (the error shows if it wins).
    }
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = candidate;
      bestScore = score;
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
