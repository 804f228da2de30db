/** Removes Vietnamese diacritics (đ → d) but keeps case, so abbreviations stay recognisable. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** A comparison key: no diacritics, lower case, punctuation as single spaces. */
export function foldKey(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
