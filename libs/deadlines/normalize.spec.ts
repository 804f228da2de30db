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
  ])('%j → %j', (raw, normalized) => {
    expect(normalizeDeadlineText(raw)).toBe(normalized);
  });

  it('repairs nothing: OCR damage is left to ocr-repair', () => {
    expect(normalizeDeadlineText('Trước ngày 15/O1/2O26')).toBe('truoc ngay 15/o1/2o26');
    expect(normalizeDeadlineText('Quý 1V/2025')).toBe('quy 1v/2025');
    expect(normalizeDeadlineText('Trướcngày 15/01/2026')).toBe('truocngay 15/01/2026');
  });
});
