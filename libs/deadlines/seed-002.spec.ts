import { ParsedDeadline } from '@cchc/domain';
import { describeWithSeed } from '../../test/support/seeds';
import { foldVietnamese } from './normalize';
import { parseDeadline } from './parse-deadline';
import { scanned } from './testing/scanned';

const PLAN_YEAR = 2026;

/**
 * Seed 002's task table is tab-separated (pasted from Word) and repeats its header: the deadline
 * column is the one headed "Thời gian ...". A line with an empty ordinal continues the row above.
 */
function deadlineCells(text: string): Map<string, string> {
  const cells = new Map<string, string>();
  let column = -1;
  let ordinal: string | null = null;
  for (const line of text.split('\n')) {
    const row = line.split('\t').map((cell) => cell.trim());
    const header = row.findIndex((cell) => foldVietnamese(cell).startsWith('thoi gian'));
    if (header >= 0) column = header;
    if (header >= 0 || column < 0 || row.length <= column) continue;
    if (/^\d+$/.test(row[0])) {
      ordinal = row[0];
      cells.set(ordinal, row[column]);
    } else if (ordinal && row[0] === '' && row[column] !== '') {
      cells.set(ordinal, `${cells.get(ordinal)}\n${row[column]}`);
    }
  }
  return cells;
}

// What a person reading the plan writes down for each task, by ordinal.
const YEAR_END: Partial<ParsedDeadline> = { kind: 'period', due: '2026-12-31' };
const Q1: Partial<ParsedDeadline> = { kind: 'period', due: '2026-03-31' };
const ONGOING: Partial<ParsedDeadline> = { kind: 'recurring', due: null, recurrence: null };
const ON_INSTRUCTION: Partial<ParsedDeadline> = { kind: 'event', due: null };
const EXPECTED: Record<string, Partial<ParsedDeadline>> = {
  1: { kind: 'fixed', due: '2026-01-15' },
  2: ON_INSTRUCTION,
  3: YEAR_END,
  4: Q1,
  5: { kind: 'milestones', due: '2026-12-31', milestones: ['2026-09-30', '2026-12-31'] },
  6: { kind: 'period', due: '2026-11-30' },
  7: YEAR_END,
  8: YEAR_END,
  9: YEAR_END,
  10: YEAR_END,
  11: YEAR_END,
  12: YEAR_END,
  13: Q1,
  14: YEAR_END,
  15: YEAR_END,
  16: YEAR_END,
  17: YEAR_END,
  18: ON_INSTRUCTION,
  19: YEAR_END,
  20: Q1,
  21: ONGOING,
  22: ONGOING,
  23: ONGOING,
  24: ONGOING,
  25: ONGOING,
  26: ONGOING,
  27: ONGOING,
  28: ONGOING,
  29: ONGOING,
  30: ONGOING,
  31: YEAR_END,
  32: YEAR_END,
  33: YEAR_END,
  34: YEAR_END,
  35: YEAR_END,
  36: YEAR_END,
  37: YEAR_END,
  38: { kind: 'range', start: '2026-01-01', due: '2026-05-31' },
  39: YEAR_END,
  40: YEAR_END,
  41: YEAR_END,
  42: YEAR_END,
  43: ON_INSTRUCTION,
  44: YEAR_END,
  45: ON_INSTRUCTION,
};

describeWithSeed('002', 'deadline cells of seed 002', (seedText) => {
  it('finds a deadline cell for every task row', () => {
    expect([...deadlineCells(seedText()).keys()]).toEqual(Object.keys(EXPECTED));
  });

  it.each(Object.entries(EXPECTED))('task %s reads as a person would', (ordinal, expected) => {
    const cell = deadlineCells(seedText()).get(ordinal) ?? '';
    const parsed = parseDeadline(cell, { year: PLAN_YEAR });
    expect(parsed.kind).not.toBe('unrecognized');
    expect(parsed).toMatchObject(expected);
  });

  it.each(Object.entries(EXPECTED))(
    'task %s reads the same from a damaged scan',
    (ordinal, expected) => {
      const cell = scanned(deadlineCells(seedText()).get(ordinal) ?? '');
      const parsed = parseDeadline(cell, { year: PLAN_YEAR });
      expect(parsed).toMatchObject(expected);
      expect(['exact', 'tolerant']).toContain(parsed.confidence);
    },
  );
});
