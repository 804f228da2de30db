import { ROLES } from '@cchc/domain';
import { readStaffSheet, readUnitSheet, roleOf } from './staff-sheet';

const sheet = (...rows: string[][]) =>
  rows.map((cells, index) => ({ sourceRow: index + 1, cells }));

const UNITS = [
  { id: 'u-vhxh', code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
  { id: 'u-vp', code: 'VP', name: 'Văn phòng HĐND&UBND' },
];
const CONTEXT = {
  units: UNITS,
  takenUsernames: new Set(['admin']),
  assignableRoles: ROLES.filter((role) => role !== 'system_admin'),
};

describe('readUnitSheet', () => {
  it('reads code and name under Vietnamese headers', () => {
    const { units, problems } = readUnitSheet(
      sheet(['Mã đơn vị', 'Tên đơn vị'], ['VHXH', 'Phòng Văn hóa - Xã hội'], ['CA', 'Công an']),
    );
    expect(problems).toEqual([]);
    expect(units.map((unit) => [unit.sourceRow, unit.code, unit.name])).toEqual([
      [2, 'VHXH', 'Phòng Văn hóa - Xã hội'],
      [3, 'CA', 'Công an'],
    ]);
  });

  it('names the row and column of each problem, and a missing column', () => {
    expect(readUnitSheet(sheet(['Mã', 'Ghi chú'], ['VP', 'x'])).problems).toEqual([
      { row: 1, field: 'name', message: 'Thiếu cột "Tên đơn vị" ở dòng tiêu đề.' },
    ]);
    const { units, problems } = readUnitSheet(
      sheet(['code', 'name'], ['VP', 'Văn phòng'], ['vp', 'Trùng'], ['Phòng 1', '']),
    );
    expect(units).toHaveLength(1);
    expect(problems).toEqual([
      { row: 3, field: 'code', message: 'Mã đơn vị: vp trùng với dòng 2.' },
      {
        row: 4,
        field: 'code',
        message: 'Mã đơn vị: "Phòng 1" phải gồm 1–32 chữ cái không dấu, chữ số, dấu . _ -.',
      },
      { row: 4, field: 'name', message: 'Tên đơn vị: không được để trống.' },
    ]);
  });
});

describe('roleOf', () => {
  it('takes the role code or its Vietnamese label, with or without diacritics', () => {
    expect(roleOf('officer')).toBe('officer');
    expect(roleOf('Cán bộ, công chức')).toBe('officer');
    expect(roleOf('thu truong don vi')).toBe('unit_head');
    expect(roleOf('Quản trị đơn vị (phường/xã)')).toBe('admin');
    expect(roleOf('giám đốc')).toBeUndefined();
  });
});

describe('readStaffSheet', () => {
  const HEADER = ['Họ và tên', 'Tên đăng nhập', 'Vai trò', 'Đơn vị', 'Email', 'Số điện thoại'];

  it('reads accounts: unit by code or name, user name in lower case', () => {
    const { users, problems } = readStaffSheet(
      sheet(
        HEADER,
        ['Vũ Thị Lan', 'Lan.VT', 'Cán bộ, công chức', 'VHXH', 'lan@phuong.gov.vn', '0912 345 678'],
        ['Lê Minh Đức', 'duc.lm', 'coordinator', 'Văn phòng HĐND&UBND', '', ''],
        ['Nguyễn Văn Thành', 'thanh.nv', 'Chủ tịch UBND', '', '', ''],
      ),
      CONTEXT,
    );
    expect(problems).toEqual([]);
    expect(users).toEqual([
      {
        sourceRow: 2,
        username: 'lan.vt',
        fullName: 'Vũ Thị Lan',
        role: 'officer',
        unitId: 'u-vhxh',
        email: 'lan@phuong.gov.vn',
        phone: '0912 345 678',
      },
      {
        sourceRow: 3,
        username: 'duc.lm',
        fullName: 'Lê Minh Đức',
        role: 'coordinator',
        unitId: 'u-vp',
        email: null,
        phone: null,
      },
      {
        sourceRow: 4,
        username: 'thanh.nv',
        fullName: 'Nguyễn Văn Thành',
        role: 'chairman',
        unitId: null,
        email: null,
        phone: null,
      },
    ]);
  });

  it('reports every wrong cell with its row and column, and takes nothing from a wrong row', () => {
    const { users, problems } = readStaffSheet(
      sheet(
        HEADER,
        ['', 'ADMIN', 'system_admin', 'KHONG', 'a@b', '12'],
        ['Trần Hoa', 'hoa', 'officer', '', '', ''],
        ['Trần Hoa 2', 'Hoa', 'leader', '', '', ''],
      ),
      CONTEXT,
    );
    expect(users).toEqual([]);
    expect(problems.map(({ row, field }) => `${row}:${field}`)).toEqual([
      '2:fullName',
      '2:username',
      '2:role',
      '2:unit',
      '2:email',
      '2:phone',
      '3:unit',
      '4:username',
    ]);
    expect(problems[1].message).toBe('Tên đăng nhập: admin đã có tài khoản.');
    expect(problems[6].message).toBe('Đơn vị: vai trò Cán bộ, công chức cần đơn vị công tác.');
    expect(problems[7].message).toBe('Tên đăng nhập: hoa trùng với dòng 3.');
  });

  it('refuses a file without the required columns or rows', () => {
    expect(readStaffSheet(sheet(['Họ tên', 'Email']), CONTEXT).problems).toEqual([
      { row: 1, field: 'username', message: 'Thiếu cột "Tên đăng nhập" ở dòng tiêu đề.' },
      { row: 1, field: 'role', message: 'Thiếu cột "Vai trò" ở dòng tiêu đề.' },
    ]);
    expect(readStaffSheet(sheet(HEADER), CONTEXT).problems).toEqual([
      { row: null, field: 'file', message: 'Tệp chỉ có dòng tiêu đề.' },
    ]);
  });
});
