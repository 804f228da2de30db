import type { ResolveUnit, UnitMatch } from '../types';

/** One name found in a units cell, with what the resolver made of it. */
export interface ResolvedName {
  raw: string;
  match: UnitMatch;
}

/**
 * Separators between unit names. "&" and " - " are not: they sit inside names
 * ("HĐND&UBND", "Văn hóa - Xã hội"); commas and "và" inside names are handled by trying
 * the longest run of pieces the resolver knows first.
 */
const SEPARATOR = /\s*[,;\n+]\s*|\s+và\s+/gi;

/** Kind words a list writes once for all its members: "CC VP-TK, TP-HT, ĐC-XD". */
const SHARED_KIND = /^(CC|Công chức|Phòng|P\.)\s+/i;
const BARE_ABBREVIATION = /^[\p{Lu}\d]+(?:[-&][\p{Lu}\d]+)*$/u;

const isKnown = (match: UnitMatch) => Boolean(match.unitId || match.groupCode);

/**
 * The most pieces one unit name may span ("Phòng Kinh tế, Hạ tầng và Đô thị" is 3). Trying
 * longer runs would make a long cell cost the cube of its commas and hold the event loop.
 */
export const MAX_NAME_PIECES = 8;

interface Piece {
  start: number;
  end: number;
}

function pieces(raw: string): Piece[] {
  const found: Piece[] = [];
  let start = 0;
  for (const separator of raw.matchAll(SEPARATOR)) {
    found.push({ start, end: separator.index });
    start = separator.index + separator[0].length;
  }
  found.push({ start, end: raw.length });
  return found.filter((piece) => raw.slice(piece.start, piece.end).trim() !== '');
}

interface Taken {
  name: ResolvedName;
  /** Index of the first piece after the name. */
  next: number;
}

/**
 * Splits a cell naming several units into names and resolves each. Greedy: from each piece,
 * the longest run of pieces (at most MAX_NAME_PIECES) that resolves as one name wins ("Phòng Kinh tế, Hạ tầng và Đô
 * thị", "Các phòng, đơn vị chuyên môn"). A bare abbreviation first inherits the kind word the
 * list started with ("CC VP-TK, VH-XH" names two civil-servant posts). Consecutive pieces
 * nobody knows stay together as written, to be reported once.
 */
export function splitUnitCell(raw: string, resolveUnit: ResolveUnit): ResolvedName[] {
  const text = raw.trim();
  const parts = pieces(text);
  const kind = SHARED_KIND.exec(text)?.[1];
  const slice = (first: number, last: number) => text.slice(parts[first].start, parts[last].end);

  const longestKnownRun = (first: number): Taken | null => {
    const longest = Math.min(parts.length, first + MAX_NAME_PIECES) - 1;
    for (let last = longest; last >= first; last -= 1) {
      const match = resolveUnit(slice(first, last));
      if (isKnown(match)) return { name: { raw: slice(first, last), match }, next: last + 1 };
    }
    return null;
  };
  const withSharedKind = (first: number): Taken | null => {
    const written = slice(first, first);
    if (!kind || first === 0 || !BARE_ABBREVIATION.test(written)) return null;
    const match = resolveUnit(`${kind} ${written}`);
    return isKnown(match) ? { name: { raw: written, match }, next: first + 1 } : null;
  };

  const names: ResolvedName[] = [];
  const unknownRun: number[] = [];
  const flushUnknown = () => {
    if (unknownRun.length === 0) return;
    const written = slice(unknownRun[0], unknownRun[unknownRun.length - 1]);
    names.push({ raw: written, match: resolveUnit(written) });
    unknownRun.length = 0;
  };
  for (let first = 0; first < parts.length;) {
    const taken = withSharedKind(first) ?? longestKnownRun(first);
    if (!taken) {
      unknownRun.push(first);
      first += 1;
      continue;
    }
    flushUnknown();
    names.push(taken.name);
    first = taken.next;
  }
  flushUnknown();
  return names;
}
