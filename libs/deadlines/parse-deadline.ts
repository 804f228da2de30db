import { DeadlineContext, ParsedDeadline, unrecognizedDeadline } from '@cchc/domain';
import { DatedPiece, Piece, RangePiece, parseClause } from './clause';
import { normalizeDeadlineText } from './normalize';
import { ANY_EDIT, CONFUSIONS_ONLY } from './ocr-distance';
import {
  Repair,
  readLookalikeDigits,
  repairKeywords,
  repairQuarterNumerals,
  separateRunOnDeadlines,
} from './ocr-repair';

type Reading = Omit<ParsedDeadline, 'raw'>;
type DateReading = Omit<Reading, 'recurrence'>;

/**
 * How a cell was read: as written (`exact`), after the expected OCR repairs (`tolerant`), only
 * by a guess a person must confirm (`doubtful`: the cell stays unrecognized), or not at all.
 */
export type DeadlineConfidence = 'exact' | 'tolerant' | 'doubtful' | 'none';

/** A ParsedDeadline, as callers store it, with how it was read. */
export interface DeadlineReading extends ParsedDeadline {
  confidence: DeadlineConfidence;
  /** The text the grammar understood, after any repairs; null when nothing was understood. */
  readAs: string | null;
  /** What a doubtful cell would read as, for a person to confirm; null otherwise. */
  suggestion: Reading | null;
}

/** Clause separators, strongest first; a part is split only when it does not parse whole. */
const SEPARATORS = [/;/, /,/, / va /];

const YEAR_WRITTEN = /\b\d{4}\b/;

/** The most repairs (about three expected misreadings) a reading stays `tolerant` with. */
const TOLERANT_MAX_COST = 1;

/**
 * Real cells are under 50 characters; a longer one is a paragraph, not a deadline, and reading
 * it through the OCR repairs would cost seconds (they grow faster than its length).
 */
export const MAX_DEADLINE_LENGTH = 200;

/** "Quỹ" (a fund) folds to "quy" like "Quý" (a quarter): a cell naming it is never sure. */
const FUND = /(?<!\p{L})quỹ(?!\p{L})/u;

/**
 * Reads a plan's "Thời gian thực hiện/hoàn thành" cell; what is not fully understood comes back
 * `unrecognized` with the raw text, for a person. Readings are listed in README.md.
 */
export function parseDeadline(raw: string, ctx: DeadlineContext): DeadlineReading {
  const notUnderstood = (): DeadlineReading => ({
    ...unrecognizedDeadline(raw),
    confidence: 'none',
    readAs: null,
    suggestion: null,
  });
  if (raw.replace(/\s+/g, ' ').trim().length > MAX_DEADLINE_LENGTH) return notUnderstood();
  const unsure = FUND.test(raw.normalize('NFC').toLowerCase());
  for (const { text, confidence } of attempts(normalizeDeadlineText(raw))) {
    const pieces = splitPieces(text, ctx.year);
    const reading = pieces && read(pieces);
    if (!reading) continue;
    if (confidence === 'doubtful' || unsure) {
      return {
        ...unrecognizedDeadline(raw),
        confidence: 'doubtful',
        readAs: text,
        suggestion: reading,
      };
    }
    return { ...reading, raw, confidence, readAs: text, suggestion: null };
  }
  return notUnderstood();
}

/** The text as written, then with ever bolder repairs; the first the grammar reads wins. */
function* attempts(plain: string): Generator<{ text: string; confidence: DeadlineConfidence }> {
  yield { text: plain, confidence: 'exact' };
  const expected = repairOcr(plain, CONFUSIONS_ONLY);
  const sure = expected.cost <= TOLERANT_MAX_COST;
  yield { text: expected.text, confidence: sure ? 'tolerant' : 'doubtful' };
  const loose = repairOcr(plain, ANY_EDIT);
  yield { text: loose.text, confidence: 'doubtful' };
  yield { text: readLookalikeDigits(loose.text), confidence: 'doubtful' };
}

function repairOcr(text: string, generic: number): Repair {
  const steps = [
    (t: string) => repairKeywords(t, generic),
    repairQuarterNumerals,
    separateRunOnDeadlines,
  ];
  return steps.reduce(
    (done, step) => {
      const next = step(done.text);
      return { text: next.text, cost: done.cost + next.cost };
    },
    { text, cost: 0 },
  );
}

/** A clause of the cell as written, and what it says read with the plan's year. */
interface Leaf {
  text: string;
  piece: Piece;
}

function splitClauses(text: string, year: number, level: number): Leaf[] | null {
  if (text === '') return null;
  const whole = parseClause(text, year);
  if (whole) return [{ text, piece: whole }];
  if (level === SEPARATORS.length) return null;
  const leaves: Leaf[] = [];
  for (const part of text.split(SEPARATORS[level])) {
    const sub = splitClauses(part.trim(), year, level + 1);
    if (!sub) return null;
    leaves.push(...sub);
  }
  return leaves;
}

const startYear = (piece: Piece): number | null => {
  if (piece.type === 'dated') return Number(piece.spans[0].start.slice(0, 4));
  if (piece.type === 'range') return Number(piece.from.start.slice(0, 4));
  return null;
};

/**
 * The cell's clauses, a clause without a year taking the year of the next clause that has one
 * ("Tháng 6 và tháng 12/2026", "Quý I; thực hiện cả năm 2026"), as a range's sides do. A clause
 * without a year after the last one written takes the plan's year only when every year written
 * is the plan's; otherwise which year it means is a guess, and the cell is flagged.
 */
function splitPieces(text: string, year: number): Piece[] | null {
  const leaves = splitClauses(text, year, 0);
  if (!leaves) return null;
  const written = leaves.map((leaf) =>
    YEAR_WRITTEN.test(leaf.text) ? startYear(leaf.piece) : null,
  );
  const pieces: Piece[] = [];
  for (const [index, leaf] of leaves.entries()) {
    if (written[index] !== null || startYear(leaf.piece) === null) {
      pieces.push(leaf.piece);
      continue;
    }
    const next = written.slice(index + 1).find((found) => found !== null);
    if (next === undefined) {
      const earlier = written.slice(0, index).filter((found) => found !== null);
      if (earlier.some((found) => found !== year)) return null;
      pieces.push(leaf.piece);
      continue;
    }
    const piece = parseClause(leaf.text, next);
    if (!piece) return null;
    pieces.push(piece);
  }
  return pieces;
}

function read(pieces: Piece[]): Reading | null {
  const none = { due: null, milestones: [], start: null, recurrence: null };
  if (pieces.every((piece) => piece.type === 'event')) return { kind: 'event', ...none };
  if (pieces.some((piece) => piece.type === 'event')) return null;
  const rhythms = new Set(
    pieces.flatMap((p) => (p.type === 'recurring' && p.recurrence ? [p.recurrence] : [])),
  );
  if (rhythms.size > 1) return null;
  const recurrence = [...rhythms][0] ?? null;
  const dated = pieces.filter(
    (p): p is DatedPiece | RangePiece => p.type === 'dated' || p.type === 'range',
  );
  if (dated.length === 0) return { kind: 'recurring', ...none, recurrence };
  const reading = readDates(dated);
  return reading && { ...reading, recurrence };
}

function readDates(pieces: (DatedPiece | RangePiece)[]): DateReading | null {
  const ranges = pieces.filter((piece): piece is RangePiece => piece.type === 'range');
  if (ranges.length > 0) {
    if (pieces.length > 1) return null;
    const { from, to } = ranges[0];
    return { kind: 'range', start: from.start, due: to.end, milestones: [to.end] };
  }
  const spans = pieces.flatMap((piece) => (piece.type === 'dated' ? piece.spans : []));
  const ends = spans.map((span) => span.end);
  // Written out of order (or twice) means we misread something: flag it.
  if (ends.some((end, i) => i > 0 && end <= ends[i - 1])) return null;
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (spans.length === 1) {
    return {
      kind: first.unit === 'day' ? 'fixed' : 'period',
      start: null,
      due: first.end,
      milestones: ends,
    };
  }
  // "Tháng 01/2023; thực hiện cả năm 2023": a first period, then the rest of that year.
  if (
    spans.length === 2 &&
    last.unit === 'year' &&
    first.unit !== 'day' &&
    first.start >= last.start
  ) {
    return { kind: 'range', start: first.start, due: last.end, milestones: ends };
  }
  return { kind: 'milestones', start: null, due: last.end, milestones: ends };
}
