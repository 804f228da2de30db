const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/**
 * Value of a Roman numeral up to XXXIX (a plan's sections and a PAR Index's areas), or null if it
 * is not one ("IIII", "VX" are not).
 */
export function romanValue(text: string): number | null {
  if (!/^(X{0,3})(IX|IV|V?I{0,3})$/.test(text) || text === '') return null;
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = ROMAN_VALUES[text[i]];
    const next = ROMAN_VALUES[text[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}
