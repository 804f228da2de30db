import { PlanImportError } from '../plan-import-error';

/*
 * What reading one uploaded file may cost. DOCX and XLSX are zip archives: a few hundred KB
 * can expand to gigabytes, so the archive is measured before any reader opens it, and every
 * read runs in a worker thread that is stopped when it takes too long or too much memory.
 */

/** Entries in a DOCX/XLSX archive; a plan has a few dozen. */
export const MAX_ZIP_ENTRIES = 1_000;
/** Total decompressed size of a DOCX/XLSX archive. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** Largest compression ratio of an entry over 1 MB (office XML compresses 10–30×). */
export const MAX_ENTRY_RATIO = 200;
export const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
/** Columns of a table grid after merged cells are expanded; a plan table has about ten. */
export const MAX_TABLE_COLUMNS = 200;
/** Cells covered by merged ranges in a workbook; a plan sheet has a few thousand. */
export const MAX_MERGED_CELLS = 100_000;
/** One file's read, in its worker thread. */
export const READ_TIME_LIMIT_MS = 20_000;
export const READ_MEMORY_LIMIT_MB = 512;
/** Files read at the same time; more wait their turn, so memory stays bounded. */
export const MAX_PARALLEL_READS = 2;

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A file refused for what reading it would cost (HTTP 413), not for what it says. */
export class UploadTooLargeError extends PlanImportError {
  constructor(message: string) {
    super([{ row: null, field: 'table', message }]);
    this.name = 'UploadTooLargeError';
  }
}

export const tooManyEntries = (entries: number) =>
  new UploadTooLargeError(
    `Tệp nén có ${entries} thành phần, vượt giới hạn ${MAX_ZIP_ENTRIES}; tệp không phải văn bản hay bảng tính thông thường.`,
  );

export const unzipsTooLarge = () =>
  new UploadTooLargeError(
    `Tệp khi giải nén vượt quá ${MB(MAX_UNZIPPED_BYTES)}; hãy bỏ bớt hình ảnh hoặc tách tệp.`,
  );

export const suspiciousRatio = (entry: string) =>
  new UploadTooLargeError(
    `Thành phần '${entry}' của tệp nén có tỷ lệ nén bất thường (trên ${MAX_ENTRY_RATIO} lần); tệp bị từ chối.`,
  );

export const readTooSlow = (limitMs: number) =>
  new UploadTooLargeError(
    `Đọc tệp quá ${limitMs / 1000} giây nên đã dừng; hãy kiểm tra tệp hoặc tách thành tệp nhỏ hơn.`,
  );

export const readTooBig = () =>
  new UploadTooLargeError(
    `Đọc tệp cần quá ${READ_MEMORY_LIMIT_MB} MB bộ nhớ nên đã dừng; hãy tách thành tệp nhỏ hơn.`,
  );

export const tableTooWide = () =>
  new PlanImportError([
    {
      row: null,
      field: 'table',
      message: `Bảng rộng hơn ${MAX_TABLE_COLUMNS} cột (kể cả ô gộp); tệp không đọc được như một bảng kế hoạch.`,
    },
  ]);

export const mergesTooLarge = (range: string) =>
  new PlanImportError([
    {
      row: null,
      field: 'table',
      message: `Bảng tính có vùng gộp ô quá lớn (${range}, tổng quá ${MAX_MERGED_CELLS} ô hoặc rộng hơn ${MAX_TABLE_COLUMNS} cột); tệp không đọc được như một bảng kế hoạch.`,
    },
  ]);
