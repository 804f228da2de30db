import { PlanImportError } from '../plan-import-error';
import { detectDelimiter, parseCsv, readCsv } from './read-csv';

describe('parseCsv (RFC 4180)', () => {
  it('splits records and fields', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = '1,"Phòng Kinh tế, Hạ tầng và Đô thị","Trước ""ngày""\n15/01/2026"\n';
    expect(parseCsv(text)).toEqual([
      ['1', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Trước "ngày"\n15/01/2026'],
    ]);
  });

  it('keeps empty fields and a last record without line break', () => {
    expect(parseCsv('a,,\n,b')).toEqual([
      ['a', '', ''],
      ['', 'b'],
    ]);
  });

  it('accepts LF and CR line ends', () => {
    expect(parseCsv('a\nb\rc')).toEqual([['a'], ['b'], ['c']]);
  });

  it('reads a quote inside an unquoted field as a quote', () => {
    expect(parseCsv('a,b"c,d')).toEqual([['a', 'b"c', 'd']]);
  });

  it('refuses a quote that is never closed, as a plan import problem', () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(PlanImportError);
    expect(() => parseCsv('a,"b\nc')).toThrow(/ngoặc kép/);
  });
});

describe('detectDelimiter', () => {
  it('prefers the delimiter that makes table rows, not the one narrative lines use most', () => {
    const text = 'Căn cứ A; B; C; D\nTT;Nội dung;Cơ quan chủ trì\n1;Việc một;Phòng VHXH\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(detectDelimiter('x; y; z\nTT,Nội dung,Chủ trì\n1,Việc,VP\n2,Việc,CA\n')).toBe(',');
  });

  it('finds the delimiter of a sheet of two columns', () => {
    expect(detectDelimiter('Mã đơn vị;Tên đơn vị\nVP;Văn phòng HĐND&UBND\n')).toBe(';');
    expect(detectDelimiter('Mã đơn vị\tTên đơn vị\nVP\tVăn phòng\n')).toBe('\t');
    expect(detectDelimiter('code,name\nVP,Văn phòng\n')).toBe(',');
  });
});

describe('readCsv', () => {
  it('strips the BOM, numbers records (not lines) and drops empty records', () => {
    const document = readCsv('\uFEFFKẾ HOẠCH,,\n,,\nTT,Nội dung,"Chủ\ntrì"\n1,Việc,VP\n');
    expect(document.format).toBe('csv');
    expect(document.tables[0].rows).toEqual([
      { sourceRow: 1, cells: ['KẾ HOẠCH', '', ''] },
      { sourceRow: 3, cells: ['TT', 'Nội dung', 'Chủ\ntrì'] },
      { sourceRow: 4, cells: ['1', 'Việc', 'VP'] },
    ]);
    expect(document.text).toEqual([{ sourceRow: 1, text: 'KẾ HOẠCH' }]);
  });
});
