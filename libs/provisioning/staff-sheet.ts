/*
 * Unit and staff sheets (CSV or XLSX, already read into rows) → validated rows. Columns are found
 * by their header, in English or Vietnamese, with or without diacritics; every problem names its
 * row and column, and the caller writes nothing unless there are none.
 */
import { isRole, Role, ROLE_LABELS, ROLES } from '@cchc/domain';
import { foldKey, locateColumns, RowProblem, SheetRow, unitResolver } from '@cchc/procedures';

export const MAX_SHEET_ROWS = 1000;

/** User names: ASCII, as the login accepts them; kept in lower case (one spelling per account). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9 .-]{7,19}$/;

/** Roles whose work is a unit's (the task and dossier rules look at their unit). */
export const UNIT_ROLES: readonly Role[] = ['officer', 'unit_head', 'one_stop_officer'];

export interface SheetUnit {
  sourceRow: number;
  code: string;
  name: string;
}

export interface SheetUser {
  sourceRow: number;
  username: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  email: string | null;
  phone: string | null;
}

interface Header<F extends string> {
  keys: Record<F, string[]>;
  /** How the column is called in messages (the Vietnamese header a template would have). */
  titles: Record<F, string>;
  required: F[];
}

const UNIT_HEADER: Header<'code' | 'name'> = {
  keys: {
    code: ['code', 'unitcode', 'ma', 'madonvi'],
    name: ['name', 'unitname', 'ten', 'tendonvi', 'donvi'],
  },
  titles: { code: 'Mã đơn vị', name: 'Tên đơn vị' },
  required: ['code', 'name'],
};

type UserField = 'fullName' | 'username' | 'role' | 'unit' | 'email' | 'phone';
const USER_HEADER: Header<UserField> = {
  keys: {
    fullName: ['fullname', 'name', 'hoten', 'hovaten'],
    username: ['username', 'login', 'tendangnhap', 'taikhoan'],
    role: ['role', 'vaitro'],
    unit: ['unit', 'unitcode', 'donvi', 'madonvi'],
    email: ['email', 'thudientu'],
    phone: ['phone', 'sodienthoai', 'dienthoai', 'sdt'],
  },
  titles: {
    fullName: 'Họ và tên',
    username: 'Tên đăng nhập',
    role: 'Vai trò',
    unit: 'Đơn vị',
    email: 'Email',
    phone: 'Số điện thoại',
  },
  required: ['fullName', 'username', 'role'],
};

/** The header row, the body, and the cell reader; or the problems that stop the whole file. */
function splitSheet<F extends string>(rows: SheetRow[], header: Header<F>) {
  const [head, ...body] = rows;
  if (!head) return { problems: [fileProblem('Tệp không có dữ liệu.')] };
  const columns = locateColumns(head.cells, header.keys);
  const missing = header.required.filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    return {
      problems: missing.map((field) => ({
        row: head.sourceRow,
        field,
        message: `Thiếu cột "${header.titles[field]}" ở dòng tiêu đề.`,
      })),
    };
  }
  if (body.length === 0) return { problems: [fileProblem('Tệp chỉ có dòng tiêu đề.')] };
  if (body.length > MAX_SHEET_ROWS)
    return { problems: [fileProblem(`Tệp có ${body.length} dòng; tối đa ${MAX_SHEET_ROWS}.`)] };
  const cell = (cells: string[], field: F) => {
    const index = columns[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  return { body, cell, problems: [] as RowProblem[] };
}

function fileProblem(message: string): RowProblem {
  return { row: null, field: 'file', message };
}

/** Collects a row's problems, each naming the row and the column's title. */
function rowProblems<F extends string>(sourceRow: number, header: Header<F>) {
  const problems: RowProblem[] = [];
  const problem = (field: F, message: string) =>
    problems.push({ row: sourceRow, field, message: `${header.titles[field]}: ${message}` });
  return { problems, problem };
}

/** The ward's units from a sheet with the columns code and name. */
export function readUnitSheet(rows: SheetRow[]): { units: SheetUnit[]; problems: RowProblem[] } {
  const sheet = splitSheet(rows, UNIT_HEADER);
  if (!sheet.body) return { units: [], problems: sheet.problems };
  const units: SheetUnit[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { sourceRow, cells } of sheet.body) {
    const row = rowProblems(sourceRow, UNIT_HEADER);
    const code = sheet.cell(cells, 'code');
    const name = sheet.cell(cells, 'name');
    if (!UNIT_CODE_PATTERN.test(code))
      row.problem('code', `"${code}" phải gồm 1–32 chữ cái không dấu, chữ số, dấu . _ -.`);
    else if (seen.has(code.toUpperCase()))
      row.problem('code', `${code} trùng với dòng ${seen.get(code.toUpperCase())}.`);
    else seen.set(code.toUpperCase(), sourceRow);
    if (!name) row.problem('name', 'không được để trống.');
    else if (name.length > 255) row.problem('name', 'dài quá 255 ký tự.');
    problems.push(...row.problems);
    if (row.problems.length === 0) units.push({ sourceRow, code, name });
  }
  return { units, problems };
}

export interface StaffSheetContext {
  units: { id: string; code: string; name: string }[];
  /** User names already taken (in any ward), in lower case. */
  takenUsernames: ReadonlySet<string>;
  /** The roles this importer may give. */
  assignableRoles: readonly Role[];
}

/** A role written as its code (officer) or its Vietnamese label, ignoring case and diacritics. */
export function roleOf(text: string): Role | undefined {
  if (isRole(text.trim())) return text.trim() as Role;
  const key = foldKey(text);
  return ROLES.find((role) => foldKey(ROLE_LABELS[role]) === key || foldKey(role) === key);
}

/**
 * The staff accounts of a sheet (full name, user name, role, unit, email, phone); `usernames`
 * lists every well-formed user name of the sheet, so the caller can ask which are taken.
 */
export function readStaffSheet(
  rows: SheetRow[],
  context: StaffSheetContext,
): { users: SheetUser[]; usernames: string[]; problems: RowProblem[] } {
  const sheet = splitSheet(rows, USER_HEADER);
  if (!sheet.body) return { users: [], usernames: [], problems: sheet.problems };
  const unitOf = unitResolver(context.units);
  const users: SheetUser[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { sourceRow, cells } of sheet.body) {
    const row = rowProblems(sourceRow, USER_HEADER);
    const cell = (field: UserField) => sheet.cell(cells, field);

    const fullName = cell('fullName');
    if (!fullName) row.problem('fullName', 'không được để trống.');
    else if (fullName.length > 255) row.problem('fullName', 'dài quá 255 ký tự.');

    const username = cell('username').toLowerCase();
    if (!USERNAME_PATTERN.test(username))
      row.problem(
        'username',
        `"${username}" phải gồm 3–64 chữ cái không dấu, chữ số, dấu . _ -, bắt đầu bằng chữ hoặc số.`,
      );
    else if (seen.has(username))
      row.problem('username', `${username} trùng với dòng ${seen.get(username)}.`);
    else {
      seen.set(username, sourceRow);
      if (context.takenUsernames.has(username))
        row.problem('username', `${username} đã có tài khoản.`);
    }

    const role = roleOf(cell('role'));
    if (!role || !context.assignableRoles.includes(role))
      row.problem(
        'role',
        `"${cell('role')}" không phải vai trò được cấp; dùng một trong: ` +
          context.assignableRoles.map((code) => `${code} (${ROLE_LABELS[code]})`).join(', ') +
          '.',
      );

    const unitText = cell('unit');
    const unit = unitText ? unitOf(unitText) : undefined;
    if (unitText && !unit)
      row.problem('unit', `không có đơn vị "${unitText}" trong phường (ghi mã hoặc tên).`);
    else if (!unitText && role && UNIT_ROLES.includes(role))
      row.problem('unit', `vai trò ${ROLE_LABELS[role]} cần đơn vị công tác.`);

    const email = cell('email');
    if (email && (email.length > 255 || !EMAIL_PATTERN.test(email)))
      row.problem('email', `"${email}" không phải địa chỉ email.`);
    const phone = cell('phone');
    if (phone && !PHONE_PATTERN.test(phone))
      row.problem('phone', `"${phone}" không phải số điện thoại (8–20 chữ số).`);

    problems.push(...row.problems);
    if (row.problems.length === 0 && role) {
      users.push({
        sourceRow,
        username,
        fullName,
        role,
        unitId: unit?.id ?? null,
        email: email || null,
        phone: phone || null,
      });
    }
  }
  return { users, usernames: [...seen.keys()], problems };
}
