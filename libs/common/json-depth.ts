/** Deepest nesting of objects and arrays a JSON text we read may have (a body, a line, a file). */
export const MAX_JSON_DEPTH = 32;

/**
 * How deeply objects and arrays nest in a JSON text, counted up to `stopAbove` + 1. Brackets
 * inside strings do not count; UTF-8 continuation bytes never equal `"`, `\\` or a bracket.
 */
export function jsonDepth(body: Buffer, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  for (const byte of body) {
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return deepest;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
