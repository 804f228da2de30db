import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { foldKey, locateColumns, RowProblem, SheetRow } from '@cchc/procedures';
import { TargetDto } from './dto/target.dto';

type Field =
  'code' | 'name' | 'unit' | 'comparator' | 'value' | 'qualitative' | 'source' | 'metric';

/** Header keys (folded: no diacritics, lower case) per field, English or Vietnamese. */
const HEADERS: Record<Field, string[]> = {
  code: ['code', 'ma', 'machitieu'],
  name: ['name', 'ten', 'tenchitieu', 'chitieu', 'noidung'],
  unit: ['unit', 'donvitinh', 'dvt'],
  comparator: ['comparator', 'sosanh', 'dieukien'],
  value: ['value', 'giatri', 'muctieu', 'chitieudat'],
  qualitative: ['qualitative', 'dinhtinh', 'chitieudinhtinh'],
  source: ['source', 'nguon', 'nguonsolieu'],
  metric: ['metric', 'chiso', 'solieutinhtoan'],
};
const REQUIRED: Field[] = ['code', 'name', 'source'];

/** Words a sheet may use for the enumerations, folded, mapped to the API's values. */
const WORDS: Record<string, Record<string, string>> = {
  unit: { percent: 'percent', '': '', phantram: 'percent', count: 'count', so: 'count' },
  comparator: { gte: 'gte', eq: 'eq', lte: 'lte', toithieu: 'gte', toida: 'lte', bang: 'eq' },
  source: { computed: 'computed', tinhtoan: 'computed', entered: 'entered', nhap: 'entered' },
};
const SIGNS: Record<string, string> = {
  '%': 'percent',
  '≥': 'gte',
  '>=': 'gte',
  '=': 'eq',
  '≤': 'lte',
  '<=': 'lte',
};

/**
 * A targets sheet (CSV or XLSX: code, name, unit, comparator, value, qualitative, source, metric)
 * → the targets, each row checked with the API's own rules; every problem names its row and field,
 * and the caller writes nothing unless there is none.
 */
export function readTargetRows(rows: SheetRow[]): { targets: TargetDto[]; problems: RowProblem[] } {
  const [header, ...body] = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (!header) return { targets: [], problems: [fileProblem('Tệp không có dữ liệu.')] };
  const columns = locateColumns(header.cells, HEADERS);
  const missing = REQUIRED.filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    const problems = missing.map((field) => ({
      row: header.sourceRow,
      field,
      message: `Thiếu cột ${field} (${HEADERS[field].slice(0, 3).join(' / ')}) ở dòng tiêu đề.`,
    }));
    return { targets: [], problems };
  }
  if (body.length === 0)
    return { targets: [], problems: [fileProblem('Tệp không có chỉ tiêu nào.')] };
  const targets: TargetDto[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { sourceRow, cells } of body) {
    const cell = (field: Field) => {
      const index = columns[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const target = plainToInstance(TargetDto, toPlain(cell));
    const rowProblems = validateSync(target, { whitelist: true }).map((error) => ({
      row: sourceRow,
      field: error.property,
      message: messageOf(error),
    }));
    if (seen.has(target.code))
      rowProblems.push({
        row: sourceRow,
        field: 'code',
        message: `Mã chỉ tiêu ${target.code} trùng với dòng ${seen.get(target.code)}.`,
      });
    else seen.set(target.code, sourceRow);
    problems.push(...rowProblems);
    if (rowProblems.length === 0) targets.push(target);
  }
  return { targets, problems };
}

function toPlain(cell: (field: Field) => string): Record<string, unknown> {
  const word = (field: Field) => {
    const text = cell(field);
    return SIGNS[text] ?? WORDS[field][foldKey(text)] ?? text;
  };
  const qualitative = cell('qualitative');
  const valueText = cell('value').replace('%', '').replace(',', '.').trim();
  const figure = qualitative === '';
  const plain: Record<string, unknown> = {
    code: cell('code'),
    name: cell('name'),
    source: word('source'),
    qualitative: figure ? null : qualitative,
    unit: figure ? word('unit') || (cell('value').includes('%') ? 'percent' : '') : null,
    comparator: figure ? word('comparator') : null,
    value: figure
      ? valueText === '' || Number.isNaN(Number(valueText))
        ? valueText
        : Number(valueText)
      : null,
  };
  if (cell('metric') !== '') plain.metric = cell('metric');
  return plain;
}

function messageOf(error: ValidationError): string {
  return Object.values(error.constraints ?? {}).join('; ');
}

function fileProblem(message: string): RowProblem {
  return { row: null, field: 'file', message };
}
