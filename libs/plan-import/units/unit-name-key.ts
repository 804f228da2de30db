import { stripDiacritics } from '../text/fold';

/** Abbreviations of ward units, as written in plans (diacritics removed, lower case). */
export const UNIT_ABBREVIATIONS: Record<string, string> = {
  vp: 'van phong',
  hdnd: 'hoi dong nhan dan',
  ubnd: 'uy ban nhan dan',
  hdndubnd: 'hoi dong nhan dan uy ban nhan dan',
  vhxh: 'van hoa xa hoi',
  kthtdt: 'kinh te ha tang do thi',
  ktht: 'kinh te ha tang',
  ttpvhcc: 'trung tam phuc vu hanh chinh cong',
  hcc: 'hanh chinh cong',
  tt: 'trung tam',
  ttdvsnc: 'trung tam dich vu su nghiep cong',
  dvsnc: 'dich vu su nghiep cong',
  ca: 'cong an',
  p: 'phong',
  cc: 'cong chuc',
  cbcc: 'can bo cong chuc',
  vptk: 'van phong thong ke',
  tpht: 'tu phap ho tich',
  dcxd: 'dia chinh xay dung',
  tckt: 'tai chinh ke toan',
  chqs: 'chi huy quan su',
  bchqs: 'ban chi huy quan su',
};

/** Words that name the kind of unit; "VHXH" alone still finds "Phòng Văn hóa - Xã hội". */
export const UNIT_TYPE_PREFIXES = ['phong', 'cong chuc', 'bo phan'];

/** Typos are only forgiven in abbreviations long enough for one edit to stay unambiguous. */
const MIN_FUZZY_LENGTH = 4;

export interface UnitNameKey {
  key: string;
  /** An abbreviation read through a one-letter typo: [as written, as understood]. */
  corrections: [string, string][];
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** The single known abbreviation one edit away from `token`, if exactly one is. */
function correctAbbreviation(token: string): string | null {
  if (token.length < MIN_FUZZY_LENGTH) return null;
  const near = Object.keys(UNIT_ABBREVIATIONS).filter(
    (known) => known.length >= MIN_FUZZY_LENGTH && editDistanceAtMostOne(token, known),
  );
  return near.length === 1 ? near[0] : null;
}

/**
 * A comparison key for a unit name: no diacritics, case or punctuation; "&" and "và" ignored;
 * abbreviations expanded ("VP HĐND&UBND" = "Văn phòng Hội đồng nhân dân Ủy ban nhân dân");
 * a trailing "phường"/"xã" dropped. Upper-case abbreviations joined by "-" or "&" are read as
 * one ("VH-XH", "KTHT&ĐT"), and an unknown one a single typo away from a known one is
 * corrected and reported ("VHXXH" → "VHXH").
 */
export function unitNameKey(raw: string): UnitNameKey {
  const corrections: [string, string][] = [];
  const joined = stripDiacritics(raw.normalize('NFC')).replace(
    /\b([A-Z]{1,8})(?:\s*[-–&]\s*([A-Z]{1,8})\b)+/g,
    (whole) => whole.replace(/[\s\-–&]+/g, ''),
  );
  const words: string[] = [];
  for (const token of joined.split(/[^A-Za-z0-9]+/).filter((part) => part !== '')) {
    const lower = token.toLowerCase();
    const isAbbreviation = token === token.toUpperCase() && /[A-Z]/.test(token);
    const corrected =
      lower in UNIT_ABBREVIATIONS || !isAbbreviation ? null : correctAbbreviation(lower);
    if (corrected) corrections.push([token, corrected.toUpperCase()]);
    // Lower-case words are expanded only when they cannot be ordinary words ("ubnd", not "ca").
    const expandable = isAbbreviation || lower.length >= 3;
    const known = corrected ?? lower;
    const expansion = expandable ? UNIT_ABBREVIATIONS[known] : undefined;
    words.push(...(expansion ?? known).split(' '));
  }
  const kept = words.filter((word) => word !== 'va');
  if (kept.length > 1 && (kept[kept.length - 1] === 'phuong' || kept[kept.length - 1] === 'xa'))
    kept.pop();
  return { key: kept.join(' '), corrections };
}

/** The key without its unit-kind prefix, or null when it has none. */
export function withoutTypePrefix(key: string): string | null {
  const prefix = UNIT_TYPE_PREFIXES.find((type) => key.startsWith(`${type} `));
  return prefix ? key.slice(prefix.length + 1) : null;
}
