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

/** The most repairs (about three expected misreadings) a reading stays `tolerant` with. */
const TOLERANT_MAX_COST = 1;

/** "Quỹ" (a fund) folds to "quy" like "Quý" (a quarter): a cell naming it is never sure. */
const FUND = /(?<!\p{L})quỹ(?!\p{L})/u;

/**
 * Reads a plan's "Thời gian thực hiện/hoàn thành" cell; what is not fully understood comes back
 * `unrecognized` with the raw text, for a person. Readings are listed in README.md.
 */
export function parseDeadline(raw: string, ctx: DeadlineContext): DeadlineReading {
  const unsure = FUND.test(raw.normalize('NFC').toLowerCase());
  for (const { text, confidence } of attempts(normalizeDeadlineText(raw))) {
    const pieces = splitPieces(text, ctx.year, 0);
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
  return { ...unrecognizedDeadline(raw), confidence: 'none', readAs: null, suggestion: null };
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

function splitPieces(text: string, year: number, level: number): Piece[] | null {
  if (text === '') return null;
  const whole = parseClause(text, year);
  if (whole) return [whole];
  if (level === SEPARATORS.length) return null;
  const pieces: Piece[] = [];
  for (const part of text.split(SEPARATORS[level])) {
    const sub = splitPieces(part.trim(), year, level + 1);
    if (!sub) return null;
    pieces.push(...sub);
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
