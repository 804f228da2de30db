/** One topic of the ward's checklist template, as the form holds it. */
export interface TopicRow {
  code: string;
  title: string;
  /** Already in the saved list: its code stays (results and findings name topics by code). */
  saved?: boolean;
}

const MAX_CODE = 32;

/**
 * A code for a new topic from its title, as the API accepts codes (capitals, digits, _; at most
 * 32): "Số hóa hồ sơ" gives SO_HOA_HO_SO; a code already taken gets _2, _3… at the end.
 */
export function suggestCode(title: string, taken: readonly string[]): string {
  const base =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'D')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, MAX_CODE)
      .replace(/_+$/, '') || 'NOI_DUNG';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const code = `${base.slice(0, MAX_CODE - suffix.length)}${suffix}`;
    if (!used.has(code)) return code;
  }
}

/** The body of PUT /inspections/checklist: codes and trimmed titles, in the form's order. */
export function templateBody(rows: readonly TopicRow[]): { code: string; title: string }[] {
  return rows.map((row) => ({ code: row.code.trim(), title: row.title.trim() }));
}
