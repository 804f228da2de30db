import { unitNameKey, withoutTypePrefix } from './unit-name-key';

const key = (raw: string) => unitNameKey(raw).key;

describe('unitNameKey', () => {
  it.each([
    ['VP HĐND&UBND', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân'],
    ['Văn phòng HĐND& UBND phường', 'Văn phòng HĐND và UBND'],
    ['Phòng VHXH', 'Phòng Văn hóa – Xã hội'],
    ['Phòng KTHT&ĐT', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
    ['TTPVHCC', 'Trung tâm phục vụ hành chính công'],
    ['Trung tâm phục vụ HCC', 'Trung tâm Phục vụ Hành chính công phường'],
    ['CA phường', 'Công an'],
    ['CC VP-TK', 'Công chức Văn phòng - Thống kê'],
    ['P. VHXH', 'phòng văn hóa xã hội'],
    ['Ban CHQS', 'Ban Chỉ huy quân sự'],
    ['BCHQS phường', 'Ban Chỉ huy quân sự phường'],
  ])('%s = %s', (abbreviated, written) => {
    expect(key(abbreviated)).toBe(key(written));
  });

  it('keeps "xã" inside "Xã hội" and ordinary words that look like abbreviations', () => {
    expect(key('Văn hóa - Xã hội')).toBe('van hoa xa hoi');
    expect(key('Ca trực')).toBe('ca truc');
  });

  it('corrects a one-letter typo in a long abbreviation and reports it', () => {
    expect(unitNameKey('Phòng VHXXH')).toEqual({
      key: 'phong van hoa xa hoi',
      corrections: [['VHXXH', 'VHXH']],
    });
    expect(unitNameKey('CC VHVH').corrections).toEqual([['VHVH', 'VHXH']]);
  });

  it('does not correct short abbreviations or words', () => {
    expect(unitNameKey('Phòng VH').corrections).toEqual([]);
    expect(unitNameKey('Phòng Vhxxh').corrections).toEqual([]);
  });
});

describe('withoutTypePrefix', () => {
  it('drops the kind of unit, if any', () => {
    expect(withoutTypePrefix('phong van hoa xa hoi')).toBe('van hoa xa hoi');
    expect(withoutTypePrefix('cong an')).toBeNull();
  });
});
