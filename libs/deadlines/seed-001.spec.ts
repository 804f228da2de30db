import { ParsedDeadline } from '@cchc/domain';
import { describeWithSeed } from '../../test/support/seeds';
import { foldVietnamese } from './normalize';
import { parseDeadline } from './parse-deadline';
import { scanned } from './testing/scanned';

const PLAN_YEAR = 2023;

/** A line that opens a deadline phrase (the generic vocabulary, folded). */
const OPENS_DEADLINE =
  /^(?:thang|quy|ca nam|trong nam|ngay|truoc|to chuc thuc|thuong xuyen|hang|dinh ky|theo (?:yeu cau|chi dao)|khi co)\b/;
const SECTION = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\s+\p{Lu}/u;

/**
 * Seed 001's task table is PDF text: one cell fragment per line, column after column; rows open
 * with their ordinal (numbered from 1 again in each Roman section, so keyed "II.3"); after a page
 * break the header comes again, sometimes after a page number. The deadline is the last column:
 * a row's cell runs from the last line that opens a deadline phrase to the end of that row on
 * that page. Where the PDF put several columns on one line no line opens the phrase, and the
 * cell is reported as null rather than pieced together.
 */
function deadlineCells(text: string): Map<string, string | null> {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const folded = lines.map(foldVietnamese);
  const top = folded.findIndex((line) => line.startsWith('tt noi dung'));
  const header = lines.slice(top, folded.indexOf('thanh', top) + 1); // ends "... hoàn / thành"
  const headerAt = (i: number) => header.every((line, k) => lines[i + k] === line);

  const rows = new Map<string, string[][]>(); // "II.3" → the row's lines, page by page
  let section = '';
  let inSection = 0;
  let pages: string[][] | null = null;
  for (let i = top; i < lines.length; i++) {
    const line = lines[i];
    const ordinal = /^(\d+)(?:\s+(.*))?$/.exec(line);
    if (headerAt(i)) {
      i += header.length - 1;
      pages?.push([]);
    } else if (SECTION.test(line)) {
      [section, inSection, pages] = [line.split(/\s/)[0], 0, null];
    } else if (ordinal && Number(ordinal[1]) === inSection + 1) {
      pages = [ordinal[2] ? [ordinal[2]] : []];
      rows.set(`${section}.${++inSection}`, pages);
    } else if (!(ordinal && !ordinal[2] && headerAt(i + 1))) {
      pages?.[pages.length - 1].push(line); // anything but a page number
    }
  }

  const opens = (line: string) => OPENS_DEADLINE.test(foldVietnamese(line));
  const cells = new Map<string, string | null>();
  for (const [key, rowPages] of rows) {
    const page = rowPages.findLast((lines) => lines.some(opens)) ?? [];
    const start = page.findLastIndex(opens);
    cells.set(key, start >= 0 ? page.slice(start).join('\n') : null);
  }
  return cells;
}

// What a person reading the plan writes down for each task, by section and ordinal.
const YEAR_END: Partial<ParsedDeadline> = { kind: 'period', due: '2023-12-31' };
const Q4: Partial<ParsedDeadline> = {
  kind: 'period',
  due: '2023-12-31',
  milestones: ['2023-12-31'],
};
const THEN_ALL_YEAR = (month: number): Partial<ParsedDeadline> => ({
  kind: 'range',
  start: `2023-0${month}-01`,
  due: '2023-12-31',
});
const EXPECTED: Record<string, Partial<ParsedDeadline>> = {
  'I.1': { kind: 'period', due: '2023-01-31' },
  'I.2': {
    kind: 'range',
    start: '2023-01-01',
    due: '2023-12-31',
    milestones: ['2023-03-31', '2023-12-31'],
  },
  'I.3': YEAR_END,
  'I.4': Q4,
  'I.5': YEAR_END,
  'II.1': THEN_ALL_YEAR(1),
  'II.2': THEN_ALL_YEAR(1),
  'II.3': THEN_ALL_YEAR(1),
  'II.4': THEN_ALL_YEAR(2),
  'III.1': THEN_ALL_YEAR(1),
  'III.2': THEN_ALL_YEAR(1),
  'III.3': YEAR_END,
  'V.2': { kind: 'fixed', due: '2022-12-21' },
  'V.3': Q4,
  'V.4': Q4,
  'VI.1': YEAR_END,
  'VII.1': YEAR_END,
  'VII.3': YEAR_END,
  'VII.4': YEAR_END,
};
/**
 * Rows whose deadline shares its lines with other columns in the PDF text; a person reads the
 * whole year (2023-12-31) there, the same wording VI.1 and VII.3 carry on lines of their own.
 */
const INTERLEAVED = ['V.1', 'VII.2'];
// Section IV holds one unnumbered row without a deadline: it is not a task row here.

describeWithSeed('001', 'deadline cells of seed 001', (seedText) => {
  it('finds every task row, and a cell wherever the PDF text keeps it on lines of its own', () => {
    const cells = deadlineCells(seedText());
    expect([...cells.keys()].sort()).toEqual([...Object.keys(EXPECTED), ...INTERLEAVED].sort());
    expect(INTERLEAVED.map((key) => cells.get(key))).toEqual(INTERLEAVED.map(() => null));
  });

  it.each(Object.entries(EXPECTED))('task %s reads as a person would', (key, expected) => {
    const cell = deadlineCells(seedText()).get(key) ?? '';
    const parsed = parseDeadline(cell, { year: PLAN_YEAR });
    expect(parsed.kind).not.toBe('unrecognized');
    expect(parsed).toMatchObject(expected);
  });

  it.each(Object.entries(EXPECTED))(
    'task %s reads the same from a damaged scan',
    (key, expected) => {
      const cell = scanned(deadlineCells(seedText()).get(key) ?? '');
      const parsed = parseDeadline(cell, { year: PLAN_YEAR });
      expect(parsed).toMatchObject(expected);
      expect(['exact', 'tolerant']).toContain(parsed.confidence);
    },
  );
});
