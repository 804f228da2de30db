import { foldVietnamese, normalizeDeadlineText } from './normalize';

describe('foldVietnamese', () => {
  it('drops accents in both Unicode forms, maps đ, lowercases and collapses whitespace', () => {
    expect(foldVietnamese('Thường  xuyên\n')).toBe('thuong xuyen');
    expect(foldVietnamese('Thường xuyên'.normalize('NFD'))).toBe('thuong xuyen');
    expect(foldVietnamese('ĐỊNH KỲ\thằng quý')).toBe('dinh ky hang quy');
    expect(foldVietnamese('Qúy\u200b IV')).toBe('quy iv');
  });
});

describe('normalizeDeadlineText', () => {
  it.each([
    ['Tháng 11 /2026', 'thang 11/2026'],
    ['Quý III , IV/2026', 'quy iii, iv/2026'],
    ['Giao ban quý III : tháng 9/2025 ;', 'giao ban quy iii: thang 9/2025'],
    ['- Cả năm 2026.', 'ca nam 2026'],
    ['Trước ngày 15/O1/2O26', 'truoc ngay 15/01/2026'],
    ['Quý 1V/2025', 'quy iv/2025'],
    ['Quý I11/2026', 'quy iii/2026'],
    ['Quý Il/2026', 'quy ii/2026'],
    ['Quý lII, 1V/2026', 'quy iii, iv/2026'],
    ['Quý III và lV/2026', 'quy iii va iv/2026'],
  ])('%j → %j', (raw, normalized) => {
    expect(normalizeDeadlineText(raw)).toBe(normalized);
  });

  it('repairs Roman numerals only right after "quý", and "o" only inside numbers', () => {
    expect(normalizeDeadlineText('Ngày 1/1/2026')).toBe('ngay 1/1/2026');
    expect(normalizeDeadlineText('Quý 12/2026')).toBe('quy 12/2026');
    expect(normalizeDeadlineText('Theo lộ trình')).toBe('theo lo trinh');
  });
});
