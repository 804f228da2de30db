/** `text` for a LIKE pattern: its wildcards and LIKE's escape (backslash) match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
