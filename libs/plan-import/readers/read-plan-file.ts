import { PlanImportError } from '../plan-import-error';
import type { SourceDocument } from '../types';
import type { UploadFormat } from './read-source';
import { readUpload } from './read-upload';

export { readPlanText } from './read-source';

export interface PlanFile {
  fileName: string;
  data: Buffer;
}

const FORMAT_BY_EXTENSION: Record<string, UploadFormat> = {
  txt: 'text',
  tsv: 'text',
  csv: 'csv',
  xlsx: 'xlsx',
  docx: 'docx',
};

/**
 * Reads an uploaded plan by its extension, off the event loop. Throws PlanImportError for a
 * format it cannot read, UploadTooLargeError for a file too costly to read.
 */
export function readPlanFile(file: PlanFile): Promise<SourceDocument> {
  const extension = /\.([a-z0-9]+)$/i.exec(file.fileName)?.[1].toLowerCase() ?? '';
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) {
    return Promise.reject(
      new PlanImportError([
        {
          row: null,
          field: 'table',
          message: `Chưa hỗ trợ tệp '.${extension}'; hãy dùng .docx, .xlsx, .csv hoặc .txt (văn bản dán từ Word/Excel hoặc trích từ PDF).`,
        },
      ]),
    );
  }
  return readUpload(format, file.data);
}
