import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { PlanImportError, readUpload, UploadTooLargeError } from '@cchc/plan-import';
import type { CatalogRow } from './procedure-rows';

/** Largest sheet upload (multer's limit on the request). */
export const SHEET_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The rows of an uploaded sheet (a procedure catalog, units, staff), CSV or XLSX (told by its
 * zip signature), read off the event loop with the upload limits: 413 for a file too costly to
 * read, 400 for one that cannot be read, both naming the field.
 */
export async function readSheetFile(file: {
  fileName: string;
  data: Buffer;
}): Promise<CatalogRow[]> {
  const isXlsx = file.data.subarray(0, 2).toString('latin1') === 'PK';
  if (!isXlsx && !/\.(csv|txt)$/i.test(file.fileName)) {
    throw new BadRequestException(`file: ${file.fileName} không phải tệp CSV hoặc Excel (.xlsx)`);
  }
  try {
    const document = await readUpload(isXlsx ? 'xlsx' : 'csv', file.data);
    return document.tables[0]?.rows ?? [];
  } catch (error) {
    if (error instanceof UploadTooLargeError) {
      throw new PayloadTooLargeException(`file: ${error.message}`);
    }
    if (error instanceof PlanImportError) throw new BadRequestException(`file: ${error.message}`);
    throw error;
  }
}
