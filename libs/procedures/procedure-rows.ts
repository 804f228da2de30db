/*
 * A procedure catalog sheet (CSV or XLSX, already read into rows) → validated procedures.
 * Columns are found by their header, in English or Vietnamese, with or without diacritics.
 */

export interface CatalogRow {
  /** 1-based row number as the spreadsheet shows it. */
  sourceRow: number;
  cells: string[];
}

export interface RowProblem {
  /** Spreadsheet row; null when the problem is the whole file (e.g. a missing column). */
  row: number | null;
  field: string;
  message: string;
}

export interface CatalogUnit {
  id: string;
  code: string;
  name: string;
}

export interface CatalogProcedure {
  sourceRow: number;
  code: string;
  name: string;
  processingDays: number;
  handlingUnitId: string;
}

const FIELDS = ['code', 'name', 'processingDays', 'handlingUnit'] as const;
type Field = (typeof FIELDS)[number];

/** Header keys (folded: no diacritics, lower case, letters and digits only) per field. */
const HEADERS: Record<Field, string[]> = {
  code: ['code', 'procedurecode', 'ma', 'mathutuc', 'mattc', 'mathutuchanhchinh'],
  name: ['name', 'procedurename', 'ten', 'tenthutuc', 'tenthutuchanhchinh', 'thutuc'],
  processingDays: [
    'processingdays',
    'days',
    'songay',
    'songaylamviec',
    'thoihan',
    'thoihangiaiquyet',
    'thoihangiaiquyetngaylamviec',
  ],
  handlingUnit: [
    'handlingunit',
    'handlingunitcode',
    'unit',
    'unitcode',
    'donvi',
    'donvixuly',
    'donvigiaiquyet',
    'madonvi',
  ],
};

const MAX_PROCESSING_DAYS = 365;

/** "Thời hạn giải quyết (ngày làm việc)" → "thoihangiaiquyetngaylamviec". */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Reads the catalog: the first non-empty row is the header. Every problem is reported with its
 * row and field; the caller writes nothing unless `problems` is empty.
 */
export function readCatalogRows(
  rows: CatalogRow[],
  units: CatalogUnit[],
): { procedures: CatalogProcedure[]; problems: RowProblem[] } {
  const [header, ...body] = rows;
  if (!header) {
    return {
      procedures: [],
      problems: [{ row: null, field: 'file', message: 'Tệp không có dữ liệu.' }],
    };
  }
  const columns = locateColumns(header.cells, HEADERS);
  const missing = FIELDS.filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    return {
      procedures: [],
      problems: missing.map((field) => ({
        row: header.sourceRow,
        field,
        message: `Thiếu cột ${field} (${HEADERS[field].slice(0, 2).join(' / ')}) ở dòng tiêu đề.`,
      })),
    };
  }
  const unitOf = unitResolver(units);
  const problems: RowProblem[] = [];
  const procedures: CatalogProcedure[] = [];
  const seen = new Map<string, number>();
  for (const { sourceRow, cells } of body) {
    const cell = (field: Field) => (cells[columns[field] as number] ?? '').trim();
    const rowProblems: RowProblem[] = [];
    const problem = (field: Field, message: string) =>
      rowProblems.push({ row: sourceRow, field, message });

    const code = cell('code');
    if (!code) problem('code', 'Mã thủ tục không được để trống.');
    else if (code.length > 64) problem('code', 'Mã thủ tục dài quá 64 ký tự.');
    else if (seen.has(code))
      problem('code', `Mã thủ tục ${code} trùng với dòng ${seen.get(code)}.`);
    else seen.set(code, sourceRow);

    const name = cell('name');
    if (!name) problem('name', 'Tên thủ tục không được để trống.');
    else if (name.length > 500) problem('name', 'Tên thủ tục dài quá 500 ký tự.');

    const daysText = cell('processingDays');
    const processingDays = Number(daysText);
    if (!/^\d+$/.test(daysText) || processingDays < 1 || processingDays > MAX_PROCESSING_DAYS) {
      problem(
        'processingDays',
        `Thời hạn giải quyết "${daysText}" phải là số ngày làm việc (số nguyên từ 1 đến ${MAX_PROCESSING_DAYS}).`,
      );
    }

    const unitText = cell('handlingUnit');
    const unit = unitOf(unitText);
    if (!unit)
      problem(
        'handlingUnit',
        `Không có đơn vị "${unitText}" trong phường (ghi mã hoặc tên đơn vị).`,
      );

    problems.push(...rowProblems);
    if (rowProblems.length === 0 && unit) {
      procedures.push({ sourceRow, code, name, processingDays, handlingUnitId: unit.id });
    }
  }
  if (body.length === 0) {
    problems.push({
      row: null,
      field: 'file',
      message: 'Tệp chỉ có dòng tiêu đề, không có thủ tục nào.',
    });
  }
  return { procedures, problems };
}

/** Where each field's column is in a header row, by the folded header names each field takes. */
export function locateColumns<F extends string>(
  cells: string[],
  headers: Record<F, string[]>,
): Partial<Record<F, number>> {
  const fields = Object.keys(headers) as F[];
  const columns: Partial<Record<F, number>> = {};
  cells.forEach((cell, index) => {
    const key = foldKey(cell);
    const field = fields.find((candidate) => headers[candidate].includes(key));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

/** A unit named by its code (VHXH) or its full name, ignoring case and diacritics. */
export function unitResolver(units: CatalogUnit[]): (text: string) => CatalogUnit | undefined {
  const byKey = new Map<string, CatalogUnit>();
  for (const unit of units) {
    byKey.set(foldKey(unit.code), unit);
    byKey.set(foldKey(unit.name), unit);
  }
  return (text) => (text.trim() ? byKey.get(foldKey(text)) : undefined);
}
