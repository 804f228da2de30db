import { PlanImportError } from '../plan-import-error';
import type { SourceDocument } from '../types';
import { readCsv } from './read-csv';
import { looksTabSeparated, readDelimitedText } from './read-delimited-text';
import { readDocx } from './read-docx';
import { readXlsx } from './read-xlsx';
import { readPdfText } from './pdf-text/read-pdf-text';

export interface PlanFile {
  fileName: string;
  data: Buffer;
}

const extensionOf = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1].toLowerCase() ?? '';

/** Text files are pasted tables (tabs) or text extracted from a PDF (no delimiters). */
export function readPlanText(text: string): SourceDocument {
  return looksTabSeparated(text) ? readDelimitedText(text) : readPdfText(text);
}

/** Reads an uploaded plan by its extension. Throws PlanImportError for a format it cannot read. */
export async function readPlanFile(file: PlanFile): Promise<SourceDocument> {
  const extension = extensionOf(file.fileName);
  switch (extension) {
    case 'txt':
    case 'tsv':
      return readPlanText(file.data.toString('utf8'));
    case 'csv':
      return readCsv(file.data.toString('utf8'));
    case 'xlsx':
      return readXlsx(file.data);
    case 'docx':
      return readDocx(file.data);
    default:
      throw new PlanImportError([
        {
          row: null,
          field: 'table',
          message: `Chưa hỗ trợ tệp '.${extension}'; hãy dùng .docx, .xlsx, .csv hoặc .txt (văn bản dán từ Word/Excel hoặc trích từ PDF).`,
        },
      ]);
  }
}
