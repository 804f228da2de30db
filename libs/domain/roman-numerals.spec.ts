import { romanValue } from './roman-numerals';

describe('romanValue', () => {
  it('reads section numerals and rejects what is not one', () => {
    expect(['I', 'IV', 'VII', 'IX', 'XIV', 'XXXIX'].map(romanValue)).toEqual([1, 4, 7, 9, 14, 39]);
    expect(['', 'IIII', 'VV', 'A', 'TT', 'IL'].map(romanValue)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
