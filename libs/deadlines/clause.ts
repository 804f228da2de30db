import { Recurrence } from '@cchc/domain';
import { Span, daySpan, halfSpan, monthSpan, quarterSpan, yearSpan } from './calendar';

export interface DatedPiece {
  type: 'dated';
  spans: Span[];
}
export interface RangePiece {
  type: 'range';
  from: Span;
  to: Span;
}
/** What one clause of a deadline cell says; a cell may hold several (see parse-deadline.ts). */
export type Piece =
  DatedPiece | RangePiece | { type: 'recurring'; recurrence: Recurrence } | { type: 'event' };

/** An explicit year further than this from the context year is taken as a misreading. */
const MAX_YEAR_DISTANCE = 10;

// All patterns are written against normalizeDeadlineText's output (no accents, lowercase).
const BY = '(?:(?:cham nhat|truoc|den|han chot|han|trong) )*';
const YEAR = '(\\d{4})';
const QUARTER = '(?:iv|i{1,3}|[1-4])';
const QUARTER_NUMBERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const yearOr = (text: string | undefined, year: number) => (text ? Number(text) : year);

const DATED: [RegExp, (m: RegExpExecArray, year: number) => (Span | null)[]][] = [
  // "Trước ngày 15/01/2026", "Ngày 21/12/2022", "trước 30/6": one separator throughout
  [
    new RegExp(`^${BY}(?:ngay )?(\\d{1,2})([/.-])(\\d{1,2})(?:\\2${YEAR})?$`),
    (m, y) => [daySpan(yearOr(m[4], y), Number(m[3]), Number(m[1]))],
  ],
  // "Ngày 15 tháng 01 năm 2026"
  [
    new RegExp(`^${BY}ngay (\\d{1,2}) thang (\\d{1,2})(?: nam ${YEAR})?$`),
    (m, y) => [daySpan(yearOr(m[3], y), Number(m[2]), Number(m[1]))],
  ],
  // "Tháng 11 /2026", "trong tháng 01 năm 2023", "cuối tháng 6"
  [
    new RegExp(`^(?:(?:trong|cuoi) )?thang (\\d{1,2})(?:(?:[/.-]| nam )${YEAR})?$`),
    (m, y) => [monthSpan(yearOr(m[2], y), Number(m[1]))],
  ],
  // "11/2026"
  [new RegExp(`^(\\d{1,2})[/.-]${YEAR}$`), (m) => [monthSpan(Number(m[2]), Number(m[1]))]],
  // "Quý I/2026", "Quý III,IV/2026", "Quý I năm 2026", "quý II"
  [
    new RegExp(
      `^(?:(?:trong|cuoi) )?quy (${QUARTER}(?:(?:, ?| va )(?:quy )?${QUARTER})*)(?:(?:/| nam )${YEAR})?$`,
    ),
    (m, y) =>
      (m[1].match(/iv|i{1,3}|[1-4]/g) ?? []).map((q) =>
        quarterSpan(yearOr(m[2], y), QUARTER_NUMBERS[q] ?? Number(q)),
      ),
  ],
  // "6 tháng đầu năm", "6 tháng cuối năm 2026"
  [
    new RegExp(`^(?:trong )?6 thang (dau|cuoi) nam(?: ${YEAR})?$`),
    (m, y) => [halfSpan(yearOr(m[2], y), m[1] === 'dau' ? 1 : 2)],
  ],
  // "Cả năm 2026", "Trong năm 2025", "Năm 2026", "Cả năm"
  [
    new RegExp(`^(?:(?:ca|trong|cuoi) nam(?: ${YEAR})?|nam ${YEAR})$`),
    (m, y) => [yearSpan(yearOr(m[1] ?? m[2], y))],
  ],
];

const RHYTHMS: Record<string, Recurrence> = {
  thang: 'monthly',
  quy: 'quarterly',
  '6 thang': 'half-yearly',
  nam: 'yearly',
};
const UNSTATED_RHYTHM = /^(?:thuong xuyen|lien tuc|dinh ky)$/;
const STATED_RHYTHM = /^(?:dinh ky (?:theo |hang |moi )?|hang |moi )(thang|quy|6 thang|nam)$/;
const HALF_YEARLY = /^(?:dinh ky )?6 thang(?:\/| mot )lan$/;

/** Waits for an outside instruction; digits would mean a date hides in it, so none allowed. */
const EVENT =
  /^(?:theo|khi co|khi) (?:yeu cau|chi dao|huong dan|van ban|ke hoach|thong bao|de nghi)\b\D*$/;
/** "Giao ban quý III: tháng 9/2025": a known kind of label, then the date it is due by. */
const LABEL = /^(?:giao ban|bao cao|so ket|tong ket|hop|hoi nghi|dot|lan|quy)\b[^:;]*: ?(.+)$/;
/** "Tổ chức thực hiện cả năm 2023", "Hoàn thành trước ngày ...": the verb adds no date. */
const VERB = /^(?:(?:tiep tuc |to chuc )?(?:thuc hien|trien khai)|hoan thanh) /;
/** "Tháng 01/2026 đến tháng 5/2026", "Từ tháng 01 đến tháng 5/2026". */
const RANGE = /^(?:tu )?(.+?) (?:den|toi) (?:het )?(.+)$/;

function parseDated(text: string, year: number): Span[] | null {
  for (const [pattern, read] of DATED) {
    const match = pattern.exec(text);
    if (!match) continue;
    const spans = read(match, year);
    const plausible = (span: Span | null): span is Span =>
      span !== null && Math.abs(yearOf(span) - year) <= MAX_YEAR_DISTANCE;
    return spans.length > 0 && spans.every(plausible) ? spans : null;
  }
  return null;
}

const yearOf = (span: Span) => Number(span.end.slice(0, 4));
const hasYear = (text: string) => /\b\d{4}\b/.test(text);

function single(text: string, year: number): Span | null {
  const spans = parseDated(text, year);
  return spans?.length === 1 ? spans[0] : null;
}

/** A side without a year takes the other side's year ("Từ tháng 01 đến tháng 5/2026"). */
function parseRange(text: string, year: number): RangePiece | null {
  const match = RANGE.exec(text);
  if (!match) return null;
  const [, left, right] = match;
  const asWritten = [single(left, year), single(right, year)];
  if (!asWritten[0] || !asWritten[1]) return null;
  const from = hasYear(left) || !hasYear(right) ? asWritten[0] : single(left, yearOf(asWritten[1]));
  const to = hasYear(right) || !hasYear(left) ? asWritten[1] : single(right, yearOf(asWritten[0]));
  if (!from || !to || from.end >= to.end) return null;
  return { type: 'range', from, to };
}

/** The rhythm of a recurring phrase (null when unstated), or undefined when it is none. */
function readRecurrence(text: string): Recurrence | undefined {
  if (UNSTATED_RHYTHM.test(text)) return null;
  if (HALF_YEARLY.test(text)) return 'half-yearly';
  const match = STATED_RHYTHM.exec(text);
  return match ? RHYTHMS[match[1]] : undefined;
}

/** One clause, whole, or null when it is not fully understood. */
export function parseClause(text: string, year: number): Piece | null {
  const clause = (LABEL.exec(text)?.[1] ?? text).replace(VERB, '');
  if (EVENT.test(clause)) return { type: 'event' };
  const recurrence = readRecurrence(clause);
  if (recurrence !== undefined) return { type: 'recurring', recurrence };
  const spans = parseDated(clause, year);
  return spans ? { type: 'dated', spans } : parseRange(clause, year);
}
