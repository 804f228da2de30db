import type { SourceDocument } from '../types';
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
      return readPlanText(data.toString('utf8').normalize('NFC'));
    case 'csv':
      return readCsv(data.toString('utf8').normalize('NFC'));
    case 'xlsx':
      return composed(await readXlsx(data));
    case 'docx':
      return composed(await readDocx(data));
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
