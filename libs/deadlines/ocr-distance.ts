import { foldVietnamese } from './normalize';

/** What one of the scanner's expected misreadings costs; any other edit costs `generic`. */
export const CONFUSION_COST = 0.3;
/** `generic` values: every edit allowed at cost 1, or only the expected misreadings. */
export const ANY_EDIT = 1;
export const CONFUSIONS_ONLY = Infinity;

const HORN = '\u031b';

/**
 * How OCR misreads a letter with a horn (beyond dropping its marks, which folding already
 * forgives): ư as "d" or "ti", ơ (any tone) as "e" or "6".
 */
function confusionsOf(letter: string): string[] {
  const decomposed = letter.normalize('NFD');
  if (!decomposed.includes(HORN)) return [];
  return decomposed.startsWith('u') ? ['d', 'ti'] : ['e', '6'];
}

interface ExpectedLetter {
  base: string;
  confusions: string[];
}

/** A keyword as written with its accents, ready to be compared with folded OCR text. */
export interface Keyword {
  folded: string;
  letters: ExpectedLetter[];
  /** Every character OCR can show for it at no more than a confusion's cost. */
  alphabet: Set<string>;
  /** How many characters longer than `folded` its misreadings can be (ư read as "ti"). */
  longestGrowth: number;
}

export function keyword(accented: string): Keyword {
  const letters = [...accented.normalize('NFC').toLowerCase()].map((letter) => ({
    base: foldVietnamese(letter),
    confusions: confusionsOf(letter),
  }));
  return {
    folded: foldVietnamese(accented),
    letters,
    alphabet: new Set(letters.flatMap(({ base, confusions }) => [base, ...confusions.join('')])),
    longestGrowth: letters.filter(({ confusions }) => confusions.includes('ti')).length,
  };
}

/**
 * Weighted Damerau–Levenshtein distance (optimal string alignment) from a keyword to folded
 * OCR text: a missing accent costs nothing, an expected confusion CONFUSION_COST, and an
 * insertion, deletion, substitution or swap of neighbours `generic` (ANY_EDIT, or
 * CONFUSIONS_ONLY to allow nothing else).
 */
export function ocrDistance(expected: Keyword, seen: string, generic: number): number {
  const { letters } = expected;
  const width = seen.length + 1;
  // cost[i * width + j]: turning the first i expected letters into the first j seen characters
  const cost = new Float64Array((letters.length + 1) * width);
  for (let i = 0; i <= letters.length; i++) {
    for (let j = 0; j <= seen.length; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      if (i > 0) best = cost[(i - 1) * width + j] + generic;
      if (j > 0) best = Math.min(best, cost[i * width + j - 1] + generic);
      if (i > 0 && j > 0) {
        const letter = letters[i - 1];
        const kept = letter.base === seen[j - 1] ? 0 : generic;
        best = Math.min(best, cost[(i - 1) * width + j - 1] + kept);
        for (const misreading of letter.confusions) {
          const from = j - misreading.length;
          if (from >= 0 && seen.startsWith(misreading, from)) {
            best = Math.min(best, cost[(i - 1) * width + from] + CONFUSION_COST);
          }
        }
        const swapped =
          i > 1 && j > 1 && letter.base === seen[j - 2] && letters[i - 2].base === seen[j - 1];
        if (swapped) best = Math.min(best, cost[(i - 2) * width + j - 2] + generic);
      }
      cost[i * width + j] = best;
    }
  }
  return cost[letters.length * width + seen.length];
}
