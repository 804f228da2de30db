import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import type { SourceDocument, SourceRow, SourceTable } from '../types';
import { PlanImportError } from '../plan-import-error';
import { narrativeOf } from './narrative';
import { assertSafeZip, zipEntryTexts } from './safe-zip';
import { MAX_MERGED_CELLS, MAX_TABLE_COLUMNS, mergesTooLarge, tableTooWide } from './upload-limits';

const UNREADABLE = 'Không đọc được tệp Excel (.xlsx); tệp bị hỏng hoặc sai định dạng.';

const pad = (n: number) => String(n).padStart(2, '0');

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;

const columnNumber = (letters: string) =>
  [...letters].reduce((number, letter) => number * 26 + letter.charCodeAt(0) - 64, 0);

/**
 * ExcelJS fills every cell of a merged range as it loads, so one range over a whole sheet
 * would hold the reader for minutes: merged ranges are measured in the sheet XML first.
 */
export function assertMergesWithinLimits(sheetXml: string[]): void {
  let merged = 0;
  for (const xml of sheetXml) {
    for (const [range, fromColumn, fromRow, toColumn, toRow] of xml.matchAll(MERGE)) {
      const columns = Math.abs(columnNumber(toColumn) - columnNumber(fromColumn)) + 1;
      const rows = Math.abs(Number(toRow) - Number(fromRow)) + 1;
      merged += columns * rows;
      if (columns > MAX_TABLE_COLUMNS || merged > MAX_MERGED_CELLS) {
        throw mergesTooLarge(range.slice(range.indexOf('ref="') + 5, -1));
      }
    }
  }
}

/** The parts of a date a number format shows; null when it shows a time or is no date format. */
function shownDateParts(numFmt: string): { day: boolean; month: boolean; year: boolean } | null {
  // Quoted text, [colours/locales] and escaped characters are not format codes.
  const codes = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  if (/[hs]/.test(codes)) return null;
  const parts = { day: codes.includes('d'), month: codes.includes('m'), year: codes.includes('y') };
  return parts.day || parts.month || parts.year ? parts : null;
}

/**
 * A date as the sheet shows it, the way plans write it (15/01/2026). Excel turns a typed
 * "11/2026" into 1 November shown as `mm/yyyy`: it is a month, not the 1st, so only the parts
 * the format shows are written ("11/2026"), and the deadline reader sees a month.
 */
function dateText(value: Date, numFmt: string | undefined): string {
  // ExcelJS gives dates at UTC midnight.
  const day = pad(value.getUTCDate());
  const month = pad(value.getUTCMonth() + 1);
  const year = String(value.getUTCFullYear());
  const shown = numFmt ? shownDateParts(numFmt) : null;
  if (!shown) return `${day}/${month}/${year}`;
  return [shown.day ? day : '', shown.month ? month : '', shown.year ? year : '']
    .filter((part) => part !== '')
    .join('/');
}

/** A number as the sheet shows it when its format fixes the decimals ("1.10" under `0.00`). */
function numberText(value: number, numFmt: string | undefined): string {
  const decimals = numFmt ? /^0\.(0{1,6})$/.exec(numFmt)?.[1].length : undefined;
  return decimals === undefined ? String(value) : value.toFixed(decimals);
}

/**
 * Text of an ExcelJS cell value, whatever its type (rich text, formula, hyperlink, date), as
 * the cell's number format shows it where that matters (dates without a day, fixed decimals).
 */
export function cellValueText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellValueText(value.result as CellValue, numFmt);
  if ('hyperlink' in value) return cellValueText(value.text as CellValue);
  return ''; // an error value (#N/A …) says nothing about the task
}

function sheetTable(sheet: Worksheet): SourceTable {
  const rows: SourceRow[] = [];
  const width = sheet.columnCount;
  if (width > MAX_TABLE_COLUMNS) throw tableTooWide();
  // A merged cell reads as its master's value in every cell it covers, so a group header
  // ("Cơ quan thực hiện" over "Chủ trì | Phối hợp") reaches both columns below it.
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) {
      const cell = row.getCell(column);
      cells.push(cellValueText(cell.value, cell.numFmt));
    }
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ sourceRow: rowNumber, cells });
  });
  return { rows };
}

/**
 * Every worksheet is a candidate table; the task table is picked later by its header. The
 * archive is measured first (assertSafeZip).
 */
export async function readXlsx(data: Buffer): Promise<SourceDocument> {
  await assertSafeZip(data, UNREADABLE);
  assertMergesWithinLimits(await zipEntryTexts(data, /^xl\/worksheets\/[^/]+\.xml$/));
  const workbook = new Workbook();
  try {
    // ExcelJS declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new PlanImportError([{ row: null, field: 'table', message: UNREADABLE }]);
  }
  const tables = workbook.worksheets.map(sheetTable);
  return {
    format: 'xlsx',
    tables,
    text: tables.flatMap((table) => narrativeOf(table.rows)),
    warnings: [],
  };
}
