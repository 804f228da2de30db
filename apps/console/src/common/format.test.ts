import { formatRate, parseDecimal } from './format';

describe('a number as typed in Việt Nam', () => {
  it.each([
    ['7,5', 7.5],
    ['7.5', 7.5],
    [' 12 ', 12],
    ['-1', -1],
    [',5', 0.5],
    ['1,555', 1.555],
  ])('reads %j as %d', (text, number) => {
    expect(parseDecimal(text)).toBe(number);
  });

  it.each(['', 'abc', '7,5,1', '7.5.1', '1.000,5', '7 5', '-', ','])(
    'reads %j as no number',
    (text) => {
      expect(parseDecimal(text)).toBeNull();
    },
  );
});

describe('formatRate', () => {
  it('shows a rate with one decimal and never rounds a miss up to 100%', () => {
    expect([0.925, 0.996, 0.9996, 1, 0].map((rate) => formatRate(rate))).toEqual([
      '92,5%',
      '99,6%',
      '99,9%',
      '100%',
      '0%',
    ]);
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined, 'chưa có số liệu')).toBe('chưa có số liệu');
  });
});
