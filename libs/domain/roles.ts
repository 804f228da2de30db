/**
 * User roles: those of a ward's staff, as coded in ../shared/domain.md, and the system
 * administrator, who keeps data shared by all wards (the national holiday schedules) and creates
 * wards, and has no part in any ward's work; a ward's admin manages its units and staff. The
 * province officer (Sở Nội vụ) reads every ward of the province and changes nothing in any.
 */
export const ROLES = [
  'chairman',
  'leader',
  'coordinator',
  'unit_head',
  'officer',
  'one_stop_officer',
  'inspector',
  'system_admin',
  'admin',
  'province_officer',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  chairman: 'Chủ tịch UBND',
  leader: 'Lãnh đạo phụ trách',
  coordinator: 'Công chức tham mưu CCHC',
  unit_head: 'Thủ trưởng đơn vị',
  officer: 'Cán bộ, công chức',
  one_stop_officer: 'Công chức Bộ phận một cửa',
  inspector: 'Đoàn kiểm tra',
  system_admin: 'Quản trị hệ thống',
  admin: 'Quản trị đơn vị (phường/xã)',
  province_officer: 'Chuyên viên Sở Nội vụ',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
