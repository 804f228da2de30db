import { lunarYearName } from './lunar-year-name';

describe('lunarYearName', () => {
  it.each([
    [1984, 'Giáp Tý'],
    [2023, 'Quý Mão'],
    [2024, 'Giáp Thìn'],
    [2025, 'Ất Tỵ'],
    [2026, 'Bính Ngọ'],
    [1945, 'Ất Dậu'],
    [1975, 'Ất Mão'],
  ])('names %i %s', (year, name) => {
    expect(lunarYearName(year)).toBe(name);
  });
});
