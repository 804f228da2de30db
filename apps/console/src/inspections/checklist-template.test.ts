import { suggestCode, templateBody } from './checklist-template';

describe('the checklist template form', () => {
  it('suggests a code the API accepts from a Vietnamese title', () => {
    expect(suggestCode('Số hóa hồ sơ, kết quả giải quyết TTHC', [])).toBe(
      'SO_HOA_HO_SO_KET_QUA_GIAI_QUYET',
    );
    expect(suggestCode('Đường dây nóng', [])).toBe('DUONG_DAY_NONG');
    expect(suggestCode('  ?? ', [])).toBe('NOI_DUNG');
    for (const title of ['Thực hành tiết kiệm, chống lãng phí', 'a'.repeat(80), 'Đ-đ']) {
      expect(suggestCode(title, [])).toMatch(/^[A-Z0-9_]{1,32}$/);
    }
  });

  it('never suggests a code another topic has', () => {
    expect(suggestCode('Một cửa', ['MOT_CUA'])).toBe('MOT_CUA_2');
    expect(suggestCode('Một cửa', ['MOT_CUA', 'MOT_CUA_2'])).toBe('MOT_CUA_3');
    const long = 'x'.repeat(40);
    const taken = [suggestCode(long, [])];
    const next = suggestCode(long, taken);
    expect(next).toHaveLength(32);
    expect(next.endsWith('_2')).toBe(true);
  });

  it('sends codes and titles trimmed, in the order of the form, without its own marks', () => {
    expect(
      templateBody([
        { code: 'PAKN', title: ' Phản ánh, kiến nghị ', saved: true },
        { code: ' SO_HOA', title: 'Số hóa' },
      ]),
    ).toEqual([
      { code: 'PAKN', title: 'Phản ánh, kiến nghị' },
      { code: 'SO_HOA', title: 'Số hóa' },
    ]);
  });
});
