import { PlanImportError } from '../plan-import-error';
import type { PlanProblem, SourceDocument } from '../types';
import { readCsv } from './read-csv';
import { looksTabSeparated, readDelimitedText } from './read-delimited-text';
import { readDocx } from './read-docx';
import { readPdfText } from './pdf-text/read-pdf-text';
import { readXlsx } from './read-xlsx';

/** The readers an upload can go to; 'text' is pasted or PDF-extracted text. */
export type UploadFormat = 'docx' | 'xlsx' | 'csv' | 'text';

/** Text files are pasted tables (tabs) or text extracted from a PDF (no delimiters). */
export function readPlanText(text: string): SourceDocument {
  return looksTabSeparated(text) ? readDelimitedText(text) : readPdfText(text);
}

/**
 * Reads a file on the calling thread; uploads go through readUpload instead. Its text comes out
 * composed (NFC), however it was typed: the API stores and searches composed text.
 */
export async function readSource(format: UploadFormat, data: Buffer): Promise<SourceDocument> {
  switch (format) {
    case 'text':
      return readPlanText(utf8Text(format, data).normalize('NFC'));
    case 'csv':
      return readCsv(utf8Text(format, data).normalize('NFC'));
    case 'xlsx':
      return composed(await readXlsx(data));
    case 'docx':
      return composed(await readDocx(data));
  }
}

/**
 * Why a text file in another encoding is refused (Excel in Vietnamese often saves CSV as cp1258);
 * `line` is its first bad line when known.
 */
export function notUtf8Problem(format: 'csv' | 'text', line: number | null): PlanProblem {
  const saveAs = format === 'csv' ? 'CSV UTF-8' : 'văn bản (.txt) UTF-8';
  return {
    row: line,
    field: 'table',
    message: `Tệp không phải UTF-8: hãy lưu lại dưới dạng ${saveAs}.`,
  };
}

// Strict, so no byte turns into U+FFFD; the BOM is kept, as Buffer#toString keeps it.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a CSV or text upload; readUpload has already named the first line that is not UTF-8. */
function utf8Text(format: 'csv' | 'text', data: Buffer): string {
  try {
    return UTF8.decode(data);
  } catch {
    throw new PlanImportError([notUtf8Problem(format, null)]);
  }
}

function composed(document: SourceDocument): SourceDocument {
  return {
    ...document,
    tables: document.tables.map((table) => ({
      rows: table.rows.map((row) => ({
        ...row,
        cells: row.cells.map((cell) => cell.normalize('NFC')),
      })),
    })),
    text: document.text.map((line) => ({ ...line, text: line.text.normalize('NFC') })),
  };
}
