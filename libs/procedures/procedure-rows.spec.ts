import { foldKey, readCatalogRows, unitResolver } from './procedure-rows';

const UNITS = [
  { id: 'u-vhxh', code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
  { id: 'u-kt', code: 'KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
];

const rows = (...lines: string[][]) =>
  lines.map((cells, index) => ({ sourceRow: index + 1, cells }));

describe('readCatalogRows', () => {
  it('finds the columns by their Vietnamese headers, in any order', () => {
    const { procedures, problems } = readCatalogRows(
      rows(
        ['Đơn vị xử lý', 'Tên thủ tục', 'Mã thủ tục', 'Thời hạn giải quyết (ngày làm việc)'],
        ['VHXH', 'Đăng ký khai sinh', '1.000894', '5'],
        ['phong kinh te, ha tang va do thi', 'Cấp giấy phép xây dựng', '2.001000', '30'],
      ),
      UNITS,
    );
    expect(problems).toEqual([]);
    expect(procedures).toEqual([
      {
        sourceRow: 2,
        code: '1.000894',
        name: 'Đăng ký khai sinh',
        processingDays: 5,
        handlingUnitId: 'u-vhxh',
      },
      {
        sourceRow: 3,
        code: '2.001000',
        name: 'Cấp giấy phép xây dựng',
        processingDays: 30,
        handlingUnitId: 'u-kt',
      },
    ]);
  });

  it('reports every bad cell with its row and field', () => {
    const { problems } = readCatalogRows(
      rows(
        ['code', 'name', 'processingDays', 'handlingUnit'],
        ['1.000894', '', '5', 'VHXH'],
        ['1.000894', 'Đăng ký kết hôn', '-1', 'Phòng Tư pháp'],
        ['', 'Chứng thực', '2.5', 'VHXH'],
        ['1.000895', 'Đăng ký khai tử', '0', 'VHXH'],
      ),
      UNITS,
    );
    expect(problems.map(({ row, field }) => [row, field])).toEqual([
      [2, 'name'],
      [3, 'code'],
      [3, 'processingDays'],
      [3, 'handlingUnit'],
      [4, 'code'],
      [4, 'processingDays'],
      [5, 'processingDays'],
    ]);
    expect(problems[1].message).toContain('trùng với dòng 2');
  });

  it('names the missing columns of the header', () => {
    const { problems } = readCatalogRows(rows(['Mã thủ tục', 'Tên thủ tục'], ['1', 'A']), UNITS);
    expect(problems.map((problem) => problem.field)).toEqual(['processingDays', 'handlingUnit']);
    expect(problems[0].row).toBe(1);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(readCatalogRows([], UNITS).problems[0].message).toContain('không có dữ liệu');
    const headerOnly = readCatalogRows(rows(['code', 'name', 'days', 'unit']), UNITS);
    expect(headerOnly.problems[0].message).toContain('không có thủ tục nào');
  });
});

describe('foldKey and unitResolver', () => {
  it('folds case, diacritics, đ and punctuation away', () => {
    expect(foldKey('Thời hạn giải quyết (ngày làm việc)')).toBe('thoihangiaiquyetngaylamviec');
    expect(foldKey('Đơn vị')).toBe('donvi');
  });

  it('finds a unit by code or by name, never by a blank', () => {
    const resolve = unitResolver(UNITS);
    expect(resolve('vhxh')?.id).toBe('u-vhxh');
    expect(resolve('Phòng Văn Hóa – Xã Hội')?.id).toBe('u-vhxh');
    expect(resolve('  ')).toBeUndefined();
    expect(resolve('Phòng Tư pháp')).toBeUndefined();
  });
});
