import { romanValue } from '@cchc/domain';

/** "3", "3.", "2.1", "2.1.1." → the ordinal without the trailing dot; otherwise null. */
export function numericOrdinal(text: string): string | null {
  const match = /^(\d{1,3}(?:\.\d{1,3})*)\.?$/.exec(text.trim());
  return match ? match[1] : null;
}

/**
 * A hierarchical ordinal, as written without a trailing dot: numeric ("2.1.1") or under its
 * section's numeral ("I.1", "II.3.2", some plans number tasks so); otherwise null.
 */
export function hierarchicalOrdinal(text: string): string | null {
  const numeric = numericOrdinal(text);
  if (numeric !== null) return numeric;
  const match = ROMAN_ORDINAL.exec(text.trim());
  return match && romanValue(match[1]) !== null ? `${match[1]}.${match[2]}` : null;
}

/** "I.1", "II.3.2." → the section numeral and the number under it. */
const ROMAN_ORDINAL = /^([IVXL]{1,6})\.(\d{1,3}(?:\.\d{1,3})*)\.?$/;

/** The section numeral an ordinal starts with ("II" for "II.3"), or null. */
export function ordinalSection(ordinal: string): string | null {
  return ROMAN_ORDINAL.exec(ordinal)?.[1] ?? null;
}

export interface SectionHeading {
  code: string;
  /** Title written after the numeral in the same cell, if any. */
  rest: string;
}

/** "II", "II.", "II. Cải cách thể chế", "IV    Cải cách tổ chức bộ máy" → a section heading. */
export function sectionHeading(text: string): SectionHeading | null {
  // "I.1" is a task numbered under section I, not the section again.
  if (/^[IVXL]{1,6}\.\d/.test(text.trim())) return null;
  const match = /^([IVXL]{1,6})(?:\s*[.):\-–]\s*|\s+|$)([\s\S]*)$/.exec(text.trim());
  if (!match || romanValue(match[1]) === null) return null;
  return { code: match[1], rest: match[2].trim() };
}

/**
 * Ordinals a hierarchical ordinal may hang under, nearest first: "2.1.1" → ["2.1", "2"],
 * "I.2.1" → ["I.2"] (the section itself is no task).
 */
export function ancestorOrdinals(ordinal: string): string[] {
  const parts = ordinal.split('.');
  const ancestors: string[] = [];
  const shortest = ordinalSection(ordinal) === null ? 1 : 2;
  for (let length = parts.length - 1; length >= shortest; length -= 1) {
    ancestors.push(parts.slice(0, length).join('.'));
  }
  return ancestors;
}
