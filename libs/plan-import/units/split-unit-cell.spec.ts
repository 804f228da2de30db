import { COMMUNE_UNITS, resolverFor, WARD_UNITS } from '../testing/ward-units';
import type { ResolveUnit } from '../types';
import { MAX_NAME_PIECES, splitUnitCell } from './split-unit-cell';

const names = (raw: string, units = WARD_UNITS) =>
  splitUnitCell(raw, resolverFor(units)).map(({ raw: written, match }) => [
    written,
    match.unitId ?? match.groupCode,
  ]);

describe('splitUnitCell', () => {
  it('splits on commas, semicolons, line breaks and "và"', () => {
    expect(names('Phòng VHXH, Công an phường; TTPVHCC\nVP và Phòng KTHT&ĐT')).toEqual([
      ['Phòng VHXH', 'unit-VHXH'],
      ['Công an phường', 'unit-CA'],
      ['TTPVHCC', 'unit-TTPVHCC'],
      ['VP', 'unit-VP'],
      ['Phòng KTHT&ĐT', 'unit-KTHTDT'],
    ]);
  });

  it('keeps names that contain separators whole', () => {
    expect(names('Phòng Kinh tế, Hạ tầng và Đô thị, Phòng Văn hóa - Xã hội')).toEqual([
      ['Phòng Kinh tế, Hạ tầng và Đô thị', 'unit-KTHTDT'],
      ['Phòng Văn hóa - Xã hội', 'unit-VHXH'],
    ]);
    expect(names('Văn phòng HĐND&UBND và các cơ quan, đơn vị liên quan')).toEqual([
      ['Văn phòng HĐND&UBND', 'unit-VP'],
      ['các cơ quan, đơn vị liên quan', 'RELATED'],
    ]);
    expect(names('Các phòng, đơn vị chuyên môn, các đoàn thể')).toEqual([
      ['Các phòng, đơn vị chuyên môn', 'SPECIALIZED'],
      ['các đoàn thể', 'MASS_ORGANIZATIONS'],
    ]);
  });

  it('keeps consecutive unknown names together as written', () => {
    expect(names('Hội Luật gia, các hiệp hội, cá nhân có liên quan; Công an')).toEqual([
      ['Hội Luật gia, các hiệp hội, cá nhân có liên quan', null],
      ['Công an', 'unit-CA'],
    ]);
  });

  it('lets bare abbreviations share the kind word the list starts with', () => {
    const units = [...COMMUNE_UNITS, ...WARD_UNITS];
    expect(names('CC VP-TK, TP-HT, ĐC-XD, VH-XH và CC có liên quan', units)).toEqual([
      ['CC VP-TK', 'unit-CC_VPTK'],
      ['TP-HT', 'unit-CC_TPHT'],
      ['ĐC-XD', 'unit-CC_DCXD'],
      ['VH-XH', 'unit-CC_VHXH'],
      ['CC có liên quan', 'RELATED'],
    ]);
  });

  it('gives nothing for an empty cell', () => {
    expect(names('  ')).toEqual([]);
  });

  it('reads a cell of 600 names with work linear in its names', () => {
    const resolve = resolverFor(WARD_UNITS);
    let calls = 0;
    const budget = 600 * (MAX_NAME_PIECES + 2);
    const counting: ResolveUnit = (raw) => {
      calls += 1;
      // Fails at once instead of running for minutes when every run of pieces is tried.
      if (calls > budget) throw new Error(`more than ${budget} look-ups`);
      return resolve(raw);
    };
    const cell = [
      'Phòng VHXH',
      ...Array.from({ length: 598 }, (_, i) => `tổ chức xã hội ${i}`),
      'Công an phường',
    ].join(', ');
    const found = splitUnitCell(cell, counting);
    expect(found.map(({ match }) => match.unitId)).toEqual(['unit-VHXH', null, 'unit-CA']);
    expect(found[1].raw).toBe(
      Array.from({ length: 598 }, (_, i) => `tổ chức xã hội ${i}`).join(', '),
    );
  });
});
