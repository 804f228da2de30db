import { looksTabSeparated, readDelimitedText } from './read-delimited-text';

const PASTED = [
  'KẾ HOẠCH năm 2026',
  '',
  'TT\tNội dung\tChủ trì',
  '1\tViệc một\tVP',
  'II. Cải cách thể chế',
  '2\tViệc hai\tCA',
].join('\r\n');

describe('readDelimitedText', () => {
  it('keeps every non-blank line as a row numbered by its line, split on tabs', () => {
    const document = readDelimitedText(PASTED);
    expect(document.tables).toHaveLength(1);
    expect(document.tables[0].rows).toEqual([
      { sourceRow: 1, cells: ['KẾ HOẠCH năm 2026'] },
      { sourceRow: 3, cells: ['TT', 'Nội dung', 'Chủ trì'] },
      { sourceRow: 4, cells: ['1', 'Việc một', 'VP'] },
      { sourceRow: 5, cells: ['II. Cải cách thể chế'] },
      { sourceRow: 6, cells: ['2', 'Việc hai', 'CA'] },
    ]);
  });

  it('gives the lines without tabs as narrative', () => {
    expect(readDelimitedText(PASTED).text).toEqual([
      { sourceRow: 1, text: 'KẾ HOẠCH năm 2026' },
      { sourceRow: 5, text: 'II. Cải cách thể chế' },
    ]);
  });
});

describe('looksTabSeparated', () => {
  it('needs at least three lines with two or more tabs', () => {
    expect(looksTabSeparated(PASTED)).toBe(true);
    expect(looksTabSeparated('TT\tNội dung\tChủ trì\n1\tViệc\tVP\nGhi chú\tx')).toBe(false);
    expect(looksTabSeparated('TT Nội dung công việc\nLãnh đạo\n1\n')).toBe(false);
  });
});
