import type { IsoDate } from '@cchc/domain';
import type { PlanMetadata, PlanProblem, SourceLine } from '../types';

/** Markdown emphasis and list markers left by converters ("**KẾ HOẠCH**", "*(Kèm theo …)*"). */
const tidy = (text: string) =>
  text.normalize('NFC').replace(/[*_]+/g, ' ').replace(/\s+/g, ' ').trim();

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(day: number, month: number, year: number): IsoDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** "ngày 12 tháng 01 năm 2026" or "ngày 14/01/2023" somewhere in the text. */
function dateIn(text: string): IsoDate | null {
  const words = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i.exec(text);
  const slashes = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/i.exec(text);
  const match = words ?? slashes;
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** The plan's own reference: "Số: 07/KH-UBND", or the appendix's "kèm theo Kế hoạch số …". */
const NUMBER_LINE = /^Số\s*:\s*(.*)$/i;
const ATTACHED_TO = /kèm theo\s+(?:Kế hoạch|Quyết định)\s+số\s*(\S*)/i;
/** "Hải Dương, ngày 12 tháng 01 năm 2026": the place and date under the national motto. */
const PLACE_AND_DATE = /^[^,]{2,40},\s*ngày\s/i;

function referenceNumber(written: string): string | null {
  const match = /^(\d+[\w.]*\/[\p{L}\d./-]+)/u.exec(written.replace(/\s*\/\s*/g, '/'));
  return match ? match[1] : null;
}

function findNumber(lines: string[], warnings: PlanProblem[]): string | null {
  const written = lines.map((line) => NUMBER_LINE.exec(line)?.[1] ?? ATTACHED_TO.exec(line)?.[1]);
  const found = written.filter((text): text is string => text !== undefined);
  const number = found.map(referenceNumber).find((value) => value !== null);
  if (number) return number;
  if (found.length > 0) {
    warnings.push({
      row: null,
      field: 'number',
      message: `Số văn bản còn để trống ('${found[0].trim()}'), có thể là bản dự thảo; cần nhập số khi ban hành.`,
    });
  }
  return null;
}

/** Upper-case headings become sentence case; mixed-case text is kept as written. */
const sentenceCase = (text: string) =>
  text === text.toLocaleUpperCase('vi') ? text.toLocaleLowerCase('vi') : text;

/**
 * The title: the "KẾ HOẠCH" heading and what follows it, or else the appendix heading
 * "DANH MỤC …" with its continuation lines (up to the parenthesised reference).
 */
function findTitle(lines: string[]): string | null {
  for (const [heading, label] of [
    ['KẾ HOẠCH', 'Kế hoạch'],
    ['DANH MỤC', 'Danh mục'],
  ]) {
    const index = lines.findIndex((line) => line.startsWith(heading));
    if (index < 0) continue;
    const parts = [lines[index].slice(heading.length).trim()];
    for (let next = index + 1; next < lines.length && next <= index + 3; next += 1) {
      if (lines[next].startsWith('(') || (parts.join('') !== '' && heading === 'KẾ HOẠCH')) break;
      parts.push(lines[next]);
    }
    const rest = parts.filter((part) => part !== '').join(' ');
    if (rest !== '') return `${label} ${sentenceCase(rest)}`;
  }
  return null;
}

/** Plan number, title, year and issue date from the text around the task table. */
export function extractMetadata(text: SourceLine[]): {
  plan: PlanMetadata;
  warnings: PlanProblem[];
} {
  const warnings: PlanProblem[] = [];
  const lines = text.map((line) => tidy(line.text)).filter((line) => line !== '');
  const number = findNumber(lines, warnings);
  const title = findTitle(lines);
  const dated =
    lines.find((line) => PLACE_AND_DATE.test(line) && dateIn(line)) ??
    lines.find((line) => ATTACHED_TO.test(line) && dateIn(line));
  const issueDate = dated ? dateIn(dated) : null;
  const titleYear = title ? [...title.matchAll(/năm\s+(\d{4})/gi)].pop()?.[1] : undefined;
  const year = titleYear ? Number(titleYear) : issueDate ? Number(issueDate.slice(0, 4)) : null;
  return { plan: { number, title, year, issueDate }, warnings };
}
