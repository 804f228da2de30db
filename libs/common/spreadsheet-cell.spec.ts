import { neutralizeFormula } from './spreadsheet-cell';

describe('neutralizeFormula', () => {
  it.each(['=1+2', '+84 912', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")'])(
    'prefixes an apostrophe to %j',
    (text) => expect(neutralizeFormula(text)).toBe(`'${text}`),
  );

  it('leaves other text, numbers, dates and empty cells alone', () => {
    expect(neutralizeFormula('Phường Mẫu = 1')).toBe('Phường Mẫu = 1');
    expect(neutralizeFormula('')).toBe('');
    expect(neutralizeFormula(-5)).toBe(-5);
    const date = new Date(0);
    expect(neutralizeFormula(date)).toBe(date);
    expect(neutralizeFormula(null)).toBeNull();
  });
});
