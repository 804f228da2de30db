import { createUnitResolver, UNIT_GROUPS } from '@cchc/plan-import';
import { wardAliases } from './preview-plan';

const units = [
  { id: 'vp', code: 'VP', name: 'Văn phòng HĐND&UBND' },
  { id: 'vhxh', code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
];

describe('wardAliases', () => {
  it("lets the ward's alias replace a shipped one written the same way", () => {
    const resolve = createUnitResolver(
      units,
      wardAliases(units, [{ alias: 'Các phòng, đơn vị chuyên môn', unitId: 'vp' }]),
    );
    expect(resolve('Các phòng, đơn vị chuyên môn')).toEqual({
      unitId: 'vp',
      groupCode: null,
      alias: { alias: 'Các phòng, đơn vị chuyên môn', source: 'ward' },
    });
    expect(resolve('Các đoàn thể')).toEqual({
      unitId: null,
      groupCode: UNIT_GROUPS.MASS_ORGANIZATIONS,
      alias: { alias: 'Các đoàn thể', source: 'default' },
    });
  });

  it('keeps the shipped aliases when the ward has none', () => {
    const resolve = createUnitResolver(units, wardAliases(units));
    expect(resolve('Các phòng chuyên môn')).toEqual({
      unitId: null,
      groupCode: UNIT_GROUPS.SPECIALIZED,
      alias: { alias: 'Các phòng chuyên môn', source: 'default' },
    });
  });
});
