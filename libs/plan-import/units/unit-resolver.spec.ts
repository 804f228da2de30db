import { WARD_UNITS } from '../testing/ward-units';
import { defaultAliasesFor, UNIT_GROUPS } from './default-aliases';
import { createUnitResolver } from './unit-resolver';

describe('createUnitResolver', () => {
  const resolve = createUnitResolver(WARD_UNITS, defaultAliasesFor(WARD_UNITS));

  it.each([
    ['Văn phòng HĐND&UBND', 'unit-VP'],
    ['VP HĐND & UBND phường', 'unit-VP'],
    ['Phòng Văn hóa – Xã hội', 'unit-VHXH'],
    ['VHXH', 'unit-VHXH'],
    ['Phòng KTHT&ĐT', 'unit-KTHTDT'],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', 'unit-KTHTDT'],
    ['TTPVHCC', 'unit-TTPVHCC'],
    ['Trung tâm phục vụ HCC', 'unit-TTPVHCC'],
    ['CA', 'unit-CA'],
    ['Công an phường', 'unit-CA'],
    ['Trung tâm Dịch vụ sự nghiệp công', 'unit-TTDVSNC'],
  ])('%s → %s', (raw, unitId) => {
    expect(resolve(raw)).toEqual({ unitId, groupCode: null });
  });

  it('maps group phrases to group codes', () => {
    expect(resolve('Các phòng, đơn vị chuyên môn')).toEqual({
      unitId: null,
      groupCode: UNIT_GROUPS.SPECIALIZED,
      alias: { alias: 'Các phòng, đơn vị chuyên môn', source: 'default' },
    });
    expect(resolve('Các cơ quan, tổ chức, đơn vị thuộc UBND phường')).toMatchObject({
      unitId: null,
      groupCode: UNIT_GROUPS.WARD_AGENCIES,
    });
    expect(resolve('Các đơn vị')).toMatchObject({ unitId: null, groupCode: UNIT_GROUPS.RELATED });
  });

  it('accepts a typo in an abbreviation, with a note for the person', () => {
    expect(resolve('Phòng VHXXH')).toEqual({
      unitId: 'unit-VHXH',
      groupCode: null,
      note: "Đã hiểu 'Phòng VHXXH' là Phòng Văn hóa - Xã hội (VHXXH → VHXH).",
    });
  });

  it('returns null for anything unknown', () => {
    expect(resolve('Phòng Tư pháp')).toEqual({ unitId: null, groupCode: null });
    expect(resolve('')).toEqual({ unitId: null, groupCode: null });
  });

  it('returns null with a note when a name fits several units', () => {
    const units = [
      { id: 'p', code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
      { id: 'c', code: 'CC_VHXH', name: 'Công chức Văn hóa - Xã hội' },
    ];
    expect(createUnitResolver(units)('Văn hóa - Xã hội')).toEqual({
      unitId: null,
      groupCode: null,
      note: "'Văn hóa - Xã hội' khớp với nhiều đơn vị ('Phòng Văn hóa - Xã hội', 'Công chức Văn hóa - Xã hội'); cần chọn đơn vị.",
    });
  });

  it('uses editable aliases, which may name units the defaults do not know', () => {
    const resolveWithAlias = createUnitResolver(WARD_UNITS, [
      { alias: 'Bộ phận một cửa phường', unitId: 'unit-TTPVHCC' },
    ]);
    expect(resolveWithAlias('Bộ phận Một cửa')).toEqual({
      unitId: 'unit-TTPVHCC',
      groupCode: null,
      alias: { alias: 'Bộ phận một cửa phường', source: 'ward' },
    });
  });

  it.each([
    ['CC VP-TK', 'unit-VP'],
    ['CC TP-HT', 'unit-VP'],
    ['CC ĐC-XD', 'unit-KTHTDT'],
    ['CC Văn hóa - Xã hội', 'unit-VHXH'],
    ['CC TC-KT', 'unit-KTHTDT'],
  ])(
    'maps the commune post %s of an older plan onto the ward unit that took over its work',
    (raw, unitId) => {
      expect(resolve(raw)).toMatchObject({ unitId, alias: { source: 'default' } });
    },
  );
});

describe('defaultAliasesFor', () => {
  it('prefers the commune post where the ward still has it', () => {
    const aliases = defaultAliasesFor([
      { id: 'post', code: 'CC_TPHT' },
      { id: 'office', code: 'VP' },
    ]);
    expect(aliases.find((alias) => alias.alias === 'Công chức Tư pháp - Hộ tịch')?.unitId).toBe(
      'post',
    );
  });

  it('keeps aliases of the units the ward has, by code, and all group aliases', () => {
    const aliases = defaultAliasesFor([{ id: 'u1', code: 'CA' }]);
    expect(aliases.filter((alias) => alias.unitId)).toEqual([
      { alias: 'Công an', unitId: 'u1', source: 'default' },
    ]);
    expect(aliases.some((alias) => alias.groupCode === UNIT_GROUPS.SPECIALIZED)).toBe(true);
  });
});
