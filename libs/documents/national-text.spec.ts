import { documentNumber, longDate, shortDate } from './national-text';

describe('dates of an administrative document', () => {
  it('prints body dates as dd/mm/yyyy', () => {
    expect(shortDate('2026-03-05')).toBe('05/03/2026');
    expect(shortDate('2026-12-31')).toBe('31/12/2026');
  });

  it('pads the date line as Nghị định 30/2020 asks: days below 10, months 1 and 2', () => {
    expect(longDate('2026-03-05')).toBe('ngày 05 tháng 3 năm 2026');
    expect(longDate('2026-02-14')).toBe('ngày 14 tháng 02 năm 2026');
    expect(longDate('2026-11-20')).toBe('ngày 20 tháng 11 năm 2026');
  });
});

describe('documentNumber', () => {
  it('writes the yearly number with two digits at least, then the symbol (NĐ 30/2020)', () => {
    expect(documentNumber(3, 'BC-UBND')).toBe('03/BC-UBND');
    expect(documentNumber(12, 'PXL-VHXH')).toBe('12/PXL-VHXH');
    expect(documentNumber(105, 'BC-UBND')).toBe('105/BC-UBND');
  });
});
