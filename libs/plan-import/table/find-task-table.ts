import { foldKey } from '../text/fold';
import type { PlanField, SourceRow, SourceTable } from '../types';
import {
  duplicateColumns,
  fieldOfHeader,
  isHeaderLabel,
  mapColumns,
  type DuplicateColumn,
} from './columns';

export const REQUIRED_FIELDS: PlanField[] = ['ordinal', 'content', 'leadUnit'];

export interface TaskTable {
  /** The header row(s), first row's number for messages. */
  headerRow: number;
  columns: (PlanField | null)[];
  /** Columns left unread because an earlier one names the same field; said in a warning. */
  duplicates: DuplicateColumn[];
  /** Normalised header texts; a data-less row repeating them is a header after a page break. */
  headerKeys: string[];
  /** Rows after the header, in order (several source tables joined). */
  body: SourceRow[];
}

const distinctFields = (cells: string[]) =>
  new Set(cells.map(fieldOfHeader).filter((field) => field !== null));

/** A header names the content and at least two other columns. */
function isHeaderCandidate(cells: string[]): boolean {
  const fields = distinctFields(cells);
  return fields.has('content') && fields.size >= 3;
}

/**
 * The row below a header is its second line when every cell that differs from the cell above
 * (merged cells repeat their text) is itself a header word: "Chủ trì | Phối hợp" under
 * "Cơ quan thực hiện", "Bắt đầu | Hoàn thành" under "Thời gian thực hiện".
 */
function isSubHeader(header: string[], below: string[] | undefined): boolean {
  if (!below) return false;
  const differing = below
    .map((cell, column) => ({ cell: cell.trim(), above: (header[column] ?? '').trim() }))
    .filter(({ cell, above }) => cell !== '' && cell !== above);
  return differing.length > 0 && differing.every(({ cell }) => isHeaderLabel(cell));
}

function combineHeader(first: string[], second: string[]): string[] {
  const width = Math.max(first.length, second.length);
  return Array.from({ length: width }, (_, column) => {
    const parts = [first[column] ?? '', second[column] ?? ''].map((part) => part.trim());
    return parts[0] === parts[1] ? parts[0] : parts.filter((part) => part !== '').join(' ');
  });
}

interface LocatedHeader {
  tableIndex: number;
  rowIndex: number;
  headerRows: number;
  cells: string[];
  columns: (PlanField | null)[];
}

function locateHeader(table: SourceTable, tableIndex: number): LocatedHeader | null {
  const rowIndex = table.rows.findIndex((row) => isHeaderCandidate(row.cells));
  if (rowIndex < 0) return null;
  const first = table.rows[rowIndex].cells;
  const second = table.rows[rowIndex + 1]?.cells;
  const twoRows = isSubHeader(first, second);
  const cells = twoRows ? combineHeader(first, second) : first;
  return { tableIndex, rowIndex, headerRows: twoRows ? 2 : 1, cells, columns: mapColumns(cells) };
}

const requiredCount = (columns: (PlanField | null)[]) =>
  REQUIRED_FIELDS.filter((field) => columns.includes(field)).length;

const sameColumns = (a: (PlanField | null)[], b: (PlanField | null)[]) =>
  a.length === b.length && a.every((field, column) => field === b[column]);

/**
 * The task table: the first table whose header names the most required columns. A Word
 * document may cut it into several tables; following tables with the same header, or with no
 * header and the same width, are appended.
 */
export function findTaskTable(tables: SourceTable[]): TaskTable | null {
  const headers = tables.map(locateHeader);
  let best: LocatedHeader | null = null;
  for (const header of headers) {
    if (header && (!best || requiredCount(header.columns) > requiredCount(best.columns)))
      best = header;
  }
  if (!best) return null;
  const start = tables[best.tableIndex].rows;
  const body = start.slice(best.rowIndex + best.headerRows);
  for (let index = best.tableIndex + 1; index < tables.length; index += 1) {
    const header = headers[index];
    const continues = header
      ? sameColumns(header.columns, best.columns)
      : tables[index].rows.every((row) => row.cells.length === best.columns.length);
    if (!continues) break;
    body.push(...tables[index].rows);
  }
  const headerKeys = start
    .slice(best.rowIndex, best.rowIndex + best.headerRows)
    .map((row) => headerKey(row.cells));
  return {
    headerRow: start[best.rowIndex].sourceRow,
    columns: best.columns,
    duplicates: duplicateColumns(best.cells),
    headerKeys,
    body,
  };
}

/** A row's text as compared with the header: non-empty cells, folded. */
export function headerKey(cells: string[]): string {
  return cells
    .map(foldKey)
    .filter((key) => key !== '')
    .join('|');
}
