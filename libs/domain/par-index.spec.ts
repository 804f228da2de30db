import { suggestPlanKind } from './par-index';

describe('suggestPlanKind', () => {
  it.each([
    'Kế hoạch nâng cao Chỉ số cải cách hành chính năm 2026',
    'KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2026',
    'Ke hoach thuc hien chi so CCHC, nam 2026',
    // Decomposed (NFD) as some keyboards send it.
    'Kế hoạch thực hiện Chỉ số cải cách hành chính'.normalize('NFD'),
  ])('suggests par_index for %s', (title) => {
    expect(suggestPlanKind(title).kind).toBe('par_index');
  });

  it('quotes the title words that decided it', () => {
    expect(suggestPlanKind('Kế hoạch nâng cao Chỉ số CCHC (PAR Index) 2026')).toEqual({
      kind: 'par_index',
      reason: 'Tên kế hoạch có "Chỉ số CCHC"',
    });
  });

  it.each([
    ['Kế hoạch cải cách hành chính năm 2026', 'Tên kế hoạch không nhắc đến Chỉ số CCHC'],
    ['Kế hoạch chỉ đạo số hóa CCHC', 'Tên kế hoạch không nhắc đến Chỉ số CCHC'],
    [null, 'Văn bản không ghi tên kế hoạch'],
  ])('suggests reform for %s', (title, reason) => {
    expect(suggestPlanKind(title)).toEqual({ kind: 'reform', reason });
  });
});
