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

/**
 * A start column ("Thời gian bắt đầu", "Từ ngày", or "Bắt đầu" under "Thời gian thực hiện") is
 * not the deadline: only the end of the work is tracked, so it is read as no field. A header
 * naming both ends ("Thời gian bắt đầu - kết thúc") is the one deadline column.
 */
const START_PHRASES = ['bat dau', 'tu ngay', 'tu thang'];
/** An end alone is the deadline ("Hoàn thành" under a merged "Thời gian thực hiện"), checked
 * after every other field, as "Sản phẩm hoàn thành" is a product. */
const END_PHRASES = ['hoan thanh', 'ket thuc', 'den ngay', 'den thang'];

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

type HeaderMeaning = PlanField | 'start';

function headerMeaning(cell: string): HeaderMeaning | null {
  const key = foldKey(cell);
  if (key === '' || key.split(' ').length > MAX_HEADER_WORDS) return null;
  if (ORDINAL_HEADERS.has(key)) return 'ordinal';
  const padded = ` ${key} `;
  const has = (phrases: string[]) => phrases.some((phrase) => padded.includes(` ${phrase} `));
  if (has(START_PHRASES) && !has(END_PHRASES)) return 'start';
  for (const [field, phrases] of HEADER_PHRASES) {
    if (has(phrases)) return field;
  }
  return has(END_PHRASES) ? 'deadline' : null;
}

/** The column a header cell names, or null (a start-date column names none). */
export function fieldOfHeader(cell: string): PlanField | null {
  const meaning = headerMeaning(cell);
  return meaning === 'start' ? null : meaning;
}

/** Whether a cell is a column label, a start-date column's included ("Bắt đầu"). */
export function isHeaderLabel(cell: string): boolean {
  return headerMeaning(cell) !== null;
}

/** Maps header cells to fields; a field named twice keeps its first column (see duplicateColumns). */
export function mapColumns(headerCells: string[]): (PlanField | null)[] {
  const seen = new Set<PlanField>();
  return headerCells.map((cell) => {
    const field = fieldOfHeader(cell);
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/** A column left unread because an earlier column already names its field. */
export interface DuplicateColumn {
  field: PlanField;
  /** Header text of the column that is read, and of the one left unread. */
  kept: string;
  ignored: string;
}

export function duplicateColumns(headerCells: string[]): DuplicateColumn[] {
  const first = new Map<PlanField, string>();
  const duplicates: DuplicateColumn[] = [];
  for (const cell of headerCells) {
    const field = fieldOfHeader(cell);
    if (field === null) continue;
    const kept = first.get(field);
    if (kept === undefined) first.set(field, cell);
    else duplicates.push({ field, kept, ignored: cell });
  }
  return duplicates;
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
    'bat',
    'dau',
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
