const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes the few HTML entities that word processors and converters leave in text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Cell text as a person would read it. Pasted plans carry HTML remnants of the converter
 * ("<ul style=…> - a; - b", "<p>…</p>") and markdown bold markers; those are dropped.
 * Line breaks inside a cell are kept, other whitespace collapsed.
 */
export function cleanCellText(raw: string): string {
  const withoutMarkup = raw
    .replace(/<\/?(?:p|ul|ol|li|div|span|br|b|strong|i|em|u)\b[^>]*>/gi, ' ')
    .replace(/\*\*/g, ' ');
  return decodeEntities(withoutMarkup)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
