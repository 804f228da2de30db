import { foldKey } from '../text/fold';
import type { PlanField } from '../types';

/**
 * Header meaning, checked in this order: the more specific words first, so that
 * "Thời gian thực hiện" is a deadline (not a unit "thực hiện") and
 * "Cơ quan thực hiện – Phối hợp" is the coordinating column.
 */
const HEADER_PHRASES: [PlanField, string[]][] = [
  ['deadline', ['thoi gian', 'thoi han', 'tien do', 'han hoan thanh']],
  ['coordinatingUnits', ['phoi hop']],
  ['leader', ['lanh dao']],
  ['leadUnit', ['chu tri', 'bo phan thuc hien', 'don vi thuc hien', 'co quan thuc hien']],
  ['product', ['san pham']],
  ['requirement', ['yeu cau', 'chi tieu']],
  ['content', ['noi dung', 'nhiem vu', 'cong viec', 'linh vuc', 'tieu chi']],
];

const ORDINAL_HEADERS = new Set(['tt', 'stt', 'so tt', 'so thu tu', 'thu tu']);

/** Header cells are short labels; a long cell is data even if it mentions "thời gian". */
const MAX_HEADER_WORDS = 10;

/** Vietnamese names of the columns, for messages (and the grid rebuilt from PDF text). */
export const FIELD_LABELS: Record<PlanField, string> = {
  ordinal: 'TT',
  content: 'Nội dung công việc',
  leadUnit: 'Cơ quan chủ trì',
  coordinatingUnits: 'Cơ quan phối hợp',
  leader: 'Lãnh đạo phụ trách',
  product: 'Sản phẩm',
  requirement: 'Yêu cầu',
  deadline: 'Thời gian thực hiện',
};

/** The column a header cell names, or null. */
export function fieldOfHeader(cell: string): PlanField | null {
  const key = foldKey(cell);
  if (key === '' || key.split(' ').length > MAX_HEADER_WORDS) return null;
  if (ORDINAL_HEADERS.has(key)) return 'ordinal';
  const padded = ` ${key} `;
  for (const [field, phrases] of HEADER_PHRASES) {
    if (phrases.some((phrase) => padded.includes(` ${phrase} `))) return field;
  }
  return null;
}

/** Maps header cells to fields; a field named twice keeps its first column. */
export function mapColumns(headerCells: string[]): (PlanField | null)[] {
  const seen = new Set<PlanField>();
  return headerCells.map((cell) => {
    const field = fieldOfHeader(cell);
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/** Words header cells are made of; a PDF header block is the run of lines using only these. */
export const HEADER_WORDS: ReadonlySet<string> = new Set([
  ...ORDINAL_HEADERS,
  ...HEADER_PHRASES.flatMap(([, phrases]) => phrases.join(' ').split(' ')),
  ...[
    'thuc',
    'hien',
    'hoan',
    'thanh',
    'phu',
    'trach',
    'va',
    'ghi',
    'chu',
    'ket',
    'qua',
    'don',
    'vi',
    'co',
    'quan',
  ],
]);

/** Columns named in a header flattened into text (PDF), in the order they appear. */
export function fieldsInHeaderText(text: string): PlanField[] {
  const padded = ` ${foldKey(text)} `;
  const found: [PlanField, number][] = [];
  const ordinalAt = /^ s?tt /.test(padded) ? 0 : -1;
  if (ordinalAt === 0) found.push(['ordinal', 0]);
  for (const [field, phrases] of HEADER_PHRASES) {
    const positions = phrases
      .map((phrase) => padded.indexOf(` ${phrase} `))
      .filter((at) => at >= 0);
    if (positions.length > 0) found.push([field, Math.min(...positions)]);
  }
  return found.sort((a, b) => a[1] - b[1]).map(([field]) => field);
}
