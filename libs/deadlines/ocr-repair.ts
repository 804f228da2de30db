import { CONFUSIONS_ONLY, CONFUSION_COST, Keyword, keyword, ocrDistance } from './ocr-distance';

/** Text after a repair, and what the repairs cost (0: nothing changed). */
export interface Repair {
  text: string;
  cost: number;
}

/** A space OCR lost or added: "truocngay", "thuo ng xuyen", "thang3/2026". */
export const SPACE_COST = 0.25;
/** A Roman numeral read with digits or "l" after "quý" ("1V" → IV). */
export const NUMERAL_COST = 0.25;
/** A missing separator between two deadlines ("Tháng 3/2026 Tháng 9/2026"). */
export const SEPARATOR_COST = 0.25;

/** Every word the deadline grammar (clause.ts) reads, and the "của" its events go on with. */
const VOCABULARY = `
  trước ngày tháng quý năm cả trong cuối đầu hằng hàng mỗi định kỳ thường xuyên liên tục một lần
  theo khi có yêu cầu chỉ đạo hướng dẫn văn bản kế hoạch thông báo đề nghị của
  từ đến tới hết và chậm nhất hạn chót giao ban cáo sơ kết tổng họp hội đợt
  tiếp tổ chức thực hiện triển khai hoàn thành`
  .trim()
  .split(/\s+/)
  .map(keyword);
/** Read as written, never repaired into a word, so that "QuýIV" splits as "quy iv". */
const QUARTER_NUMERALS = new Set(['i', 'ii', 'iii', 'iv']);
const LONGEST = Math.max(...VOCABULARY.map((word) => word.folded.length));
/**
 * A keyword is read through at most one plain edit (and then one misreading besides), and only
 * when it is long enough for one edit not to make it another word; any more is not a reading.
 */
const MAX_PLAIN_EDITS = 1;
const BUDGET = MAX_PLAIN_EDITS + CONFUSION_COST;
const PLAIN_EDIT_MIN_LENGTH = 5;
/** What leaving a word as it is costs when choosing how to read a run of words. */
const UNKNOWN_WORD = 10;

/** A quick bound before measuring: the length and the letters `seen` could have. */
function within(candidate: Keyword, seen: string, generic: number): boolean {
  const edits = generic === CONFUSIONS_ONLY ? 0 : MAX_PLAIN_EDITS;
  const growth = seen.length - candidate.folded.length;
  if (growth < -edits || growth > candidate.longestGrowth + edits) return false;
  let strangers = 0;
  for (const char of seen) strangers += candidate.alphabet.has(char) ? 0 : 1;
  return strangers <= edits;
}

type Match = { word: string; cost: number } | null;
/** Segments already measured; emptied when full so a long-running process stays bounded. */
const cache = new Map<string, Match>();
const CACHE_LIMIT = 20_000;

/**
 * The keyword `seen` is a damaged spelling of, with its cost; null when none is within budget
 * or two different keywords are equally close (a guess either way).
 */
function closestKeyword(seen: string, generic: number): Match {
  if (QUARTER_NUMERALS.has(seen)) return { word: seen, cost: 0 };
  const key = `${generic}:${seen}`;
  if (!cache.has(key)) {
    const costs = VOCABULARY.filter((candidate) => within(candidate, seen, generic)).map(
      (candidate) => ({ word: candidate.folded, cost: ocrDistance(candidate, seen, generic) }),
    );
    const allowed = costs.filter(
      ({ word, cost }) => cost < 1 || (cost <= BUDGET && word.length >= PLAIN_EDIT_MIN_LENGTH),
    );
    const least = Math.min(...allowed.map(({ cost }) => cost));
    const closest = new Set(allowed.filter(({ cost }) => cost === least).map(({ word }) => word));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, closest.size === 1 ? { word: [...closest][0], cost: least } : null);
  }
  return cache.get(key) ?? null;
}

interface Token {
  text: string;
  isWord: boolean;
  spaceBefore: boolean;
}

/** Words (letters, with OCR digits inside: "tru6c"), numbers, and single other characters. */
function tokenize(text: string): Token[] {
  return [...text.matchAll(/[a-z](?:[a-z\d]*[a-z])?|\d+|\S/g)].map((match) => ({
    text: match[0],
    isWord: /^[a-z]/.test(match[0]),
    spaceBefore: match.index > 0 && text[match.index - 1] === ' ',
  }));
}

interface RunReading {
  /** repairs plus UNKNOWN_WORD per word left as it is: what the best reading minimises */
  penalty: number;
  cost: number;
  words: string[];
  /** whether the first and the last word are keywords (so a glued number can be split off) */
  startsWithKeyword: boolean;
  endsWithKeyword: boolean;
}

/**
 * Reads a run of words as keywords: each segment of its letters is a keyword (damaged within
 * budget) or one of the words as written. A segment boundary where no space was written, or a
 * space inside a segment, costs SPACE_COST.
 */
function readRun(words: string[], generic: number): RunReading {
  const letters = words.join('');
  const wordEnds = words.map((_, i) => words.slice(0, i + 1).join('').length);
  const best: (RunReading | null)[] = [
    { penalty: 0, cost: 0, words: [], startsWithKeyword: false, endsWithKeyword: false },
  ];
  for (let end = 1; end <= letters.length; end++) {
    const candidates: RunReading[] = [];
    const extend = (start: number, word: string, cost: number | null) => {
      const before = best[start];
      if (!before) return;
      // Only a word can be glued to a number; a quarter numeral is part of the number.
      const isKeyword = cost !== null && !QUARTER_NUMERALS.has(word);
      candidates.push({
        penalty: before.penalty + (cost ?? UNKNOWN_WORD),
        cost: before.cost + (cost ?? 0),
        words: [...before.words, word],
        startsWithKeyword: start === 0 ? isKeyword : before.startsWithKeyword,
        endsWithKeyword: isKeyword,
      });
    };
    for (let start = Math.max(0, end - LONGEST - 2); start < end; start++) {
      const split = start > 0 && !wordEnds.includes(start) ? 1 : 0;
      const joined = wordEnds.filter((at) => at > start && at < end).length;
      // A moved space and a plain edit at once could make a keyword of anything nearby.
      const respaced = split + joined > 0;
      const match = closestKeyword(letters.slice(start, end), respaced ? CONFUSIONS_ONLY : generic);
      if (!match) continue;
      extend(start, match.word, match.cost + (split + joined) * SPACE_COST);
    }
    const asWritten = wordEnds.indexOf(end);
    if (asWritten >= 0) extend(end - words[asWritten].length, words[asWritten], null);
    best.push(
      candidates.reduce<RunReading | null>((a, b) => (a && a.penalty <= b.penalty ? a : b), null),
    );
  }
  // Leaving every word as written is always a reading, so the last one exists.
  return best[letters.length] as RunReading;
}

/**
 * Reads every run of words as deadline keywords where they are damaged spellings of them
 * (see ocr-distance.ts); numbers and punctuation are kept exactly as written. With `generic`
 * CONFUSIONS_ONLY only the expected OCR misreadings and lost or extra spaces are repaired.
 */
export function repairKeywords(text: string, generic: number): Repair {
  const tokens = tokenize(text);
  let out = '';
  let cost = 0;
  let previousEndsWithKeyword = false;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    if (!token.isWord) {
      const glued = !token.spaceBefore && previousEndsWithKeyword && /^\d/.test(token.text);
      cost += glued ? SPACE_COST : 0;
      out += (token.spaceBefore || glued ? ' ' : '') + token.text;
      previousEndsWithKeyword = false;
      i++;
      continue;
    }
    let next = i + 1;
    while (next < tokens.length && tokens[next].isWord && tokens[next].spaceBefore) next++;
    const run = readRun(
      tokens.slice(i, next).map((word) => word.text),
      generic,
    );
    const glued = i > 0 && !token.spaceBefore && run.startsWithKeyword;
    cost += run.cost + (glued ? SPACE_COST : 0);
    out += (token.spaceBefore || glued ? ' ' : '') + run.words.join(' ');
    previousEndsWithKeyword = run.endsWithKeyword;
    i = next;
  }
  return { text: out.trim(), cost };
}

/**
 * OCR Roman numerals, only in the quarter list right after "quy": in a numeral with a letter,
 * "1" and "l" read as "i" ("1V" → iv, "I11" → iii, "l" → i). Digits alone stay Arabic ("Quý 1"
 * is the first quarter; "Quý 11" is not read as II).
 */
export function repairQuarterNumerals(text: string): Repair {
  let cost = 0;
  const repaired = text.replace(
    /\bquy ([ivl1]+(?:(?:, ?| va )[ivl1]+)*)\b/g,
    (_match, list: string) =>
      `quy ${list.replace(/[ivl1]+/g, (numeral) => {
        const roman = /[ivl]/.test(numeral) ? numeral.replace(/[l1]/g, 'i') : numeral;
        cost += roman === numeral ? 0 : NUMERAL_COST;
        return roman;
      })}`,
  );
  return { text: repaired, cost };
}

/** A year followed straight by a word that opens another deadline starts a new clause. */
const RUN_ON =
  /(?<=\b\d{4}) (?=(?:truoc|ngay|thang|quy|ca nam|trong nam|nam|6 thang|giao ban|thuc hien)\b)/g;

/** "Tháng 3/2026 Tháng 9/2026": two deadlines with their separator lost. */
export function separateRunOnDeadlines(text: string): Repair {
  const found = text.match(RUN_ON)?.length ?? 0;
  return { text: text.replace(RUN_ON, '; '), cost: found * SEPARATOR_COST };
}

/** "O" read for a zero inside a number ("2O26"): a guess at a digit, for a person to confirm. */
export function readLookalikeDigits(text: string): string {
  return text.replace(/\b[\do]*\d[\do]*\b/g, (token) => token.replace(/o/g, '0'));
}
