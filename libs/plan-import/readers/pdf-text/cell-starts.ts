import type { PlanField } from '../../types';

/*
 * How a wrapped cell of a PDF table begins or goes on, per column. Text extracted from a PDF
 * has no cell boundaries: a row's cells come one after another, each wrapped over several
 * lines. These patterns are written for what plans put in these columns and are
 * case-sensitive: continuation lines of a content cell usually start in lower case.
 */

/** `^(alternatives)` ending at a word end; `\b` would ignore Vietnamese letters. */
const startingWith = (...alternatives: string[]) =>
  new RegExp(`^(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');

const LEADER_START = startingWith(
  String.raw`Phó\s+Chủ`,
  String.raw`Chủ\s+tịch`,
  String.raw`Phó\s+CT`,
  'PCT',
);
const LEADER_CONTINUATION = startingWith(
  String.raw`(?:tịch(?:\s+(?:UBND|HĐND))?|UBND|HĐND)(?:\s+(?:phường|xã))?`,
);
const UNIT_START = startingWith(
  'CC',
  String.raw`Cán\s+bộ`,
  String.raw`Công\s+chức`,
  String.raw`Công\s+an`,
  'Phòng',
  String.raw`Văn\s+phòng`,
  'VP',
  String.raw`Trung\s+tâm`,
  'TTPVHCC',
  String.raw`Bộ\s+phận`,
  String.raw`Các\s+(?:phòng|đơn\s+vị|cơ\s+quan|bộ\s+phận)`,
);
/** Deadline phrases that may start a cell even right after the content. */
const DEADLINE_START = startingWith(
  'Trước',
  'Tháng',
  'Quý',
  'Qúy',
  String.raw`Quy\s+[IV]+`,
  String.raw`Cả\s+năm`,
  String.raw`Trong\s+năm`,
  'Ngày',
  String.raw`Thường\s+xuyên`,
  'Hằng',
  String.raw`Hàng\s+(?:tháng|quý|năm)`,
  String.raw`Định\s+kỳ`,
  String.raw`Năm\s+\d{4}`,
  String.raw`\d\s+tháng`,
  String.raw`Khi\s+có`,
  String.raw`Theo\s+(?:yêu\s+cầu|chỉ\s+đạo|kế\s+hoạch)`,
  String.raw`Giao\s+ban`,
);
/** Phrases that are a deadline only once the content is behind (they also open sentences). */
const DEADLINE_START_AFTER_CONTENT = startingWith(
  String.raw`\d{1,2}/\d{1,2}/\d{4}`,
  String.raw`\d{1,2}/\d{4}`,
  String.raw`Tổ\s+chức\s+thực`,
  String.raw`Thực\s+hiện\s+cả\s+năm`,
  String.raw`Từ\s+(?:ngày|tháng)`,
);
/** The rest of a deadline cell after a page break: "hiện cả năm", "2023". */
const DEADLINE_CONTINUATION = startingWith(
  String.raw`thực\s+hiện`,
  'hiện',
  String.raw`cả\s+năm`,
  String.raw`năm\s+\d{4}`,
  String.raw`\d{4}`,
  String.raw`\d{1,2}/\d{4}`,
);

/** Columns whose beginning can be recognised; the others (content, product, …) are free text. */
export const RECOGNISABLE: ReadonlySet<PlanField> = new Set([
  'leader',
  'leadUnit',
  'coordinatingUnits',
  'deadline',
]);

export function startsCell(field: PlanField, text: string, contentBehind: boolean): boolean {
  switch (field) {
    case 'leader':
      return LEADER_START.test(text);
    case 'leadUnit':
    case 'coordinatingUnits':
      return UNIT_START.test(text);
    case 'deadline':
      return (
        DEADLINE_START.test(text) || (contentBehind && DEADLINE_START_AFTER_CONTENT.test(text))
      );
    default:
      return false;
  }
}

/** A unit cell ending in a separator expects another name: "CC VP-TK, TP-HT,". */
export const unitCellOpen = (cell: string) => /(?:[,;&\-–]|\svà)$/u.test(cell.trim());

/** A leader cell cut before "UBND": "Chủ tịch", "Phó Chủ". */
export const leaderCellOpen = (cell: string) => cell !== '' && !/(?:UBND|HĐND)/u.test(cell);

/** Whether `next` goes on with a recognisable cell that so far reads `cell`. */
export function continuesCell(field: PlanField, cell: string, next: string): boolean {
  switch (field) {
    case 'leader':
      return LEADER_CONTINUATION.test(next);
    case 'leadUnit':
    case 'coordinatingUnits':
      return unitCellOpen(cell) || /^\p{Ll}/u.test(next);
    case 'deadline':
      return DEADLINE_CONTINUATION.test(next) || unitCellOpen(cell);
    default:
      return false;
  }
}

/** Length of a leader continuation at the start of `text` ("tịch UBND"), or 0. */
export const leaderContinuationLength = (text: string) =>
  LEADER_CONTINUATION.exec(text)?.[0].length ?? 0;

export const isDeadlineContinuation = (text: string) => DEADLINE_CONTINUATION.test(text);
