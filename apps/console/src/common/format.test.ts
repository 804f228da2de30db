import { parseDecimal } from './format';

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
