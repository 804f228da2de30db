import { unrecognizedDeadline } from '@cchc/domain';
import { createUnitResolver, type UnitRecord } from '../units/unit-resolver';
import { defaultAliasesFor } from '../units/default-aliases';

/** The units of a test ward, with ids that read like their codes. */
export const WARD_UNITS: UnitRecord[] = [
  ['VP', 'Văn phòng HĐND và UBND'],
  ['VHXH', 'Phòng Văn hóa - Xã hội'],
  ['KTHTDT', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
  ['TTPVHCC', 'Trung tâm Phục vụ hành chính công'],
  ['CA', 'Công an phường'],
  ['TTDVSNC', 'Trung tâm Dịch vụ sự nghiệp công'],
].map(([code, name]) => ({ id: `unit-${code}`, code, name }));

/** A commune before 7/2025: civil-servant posts instead of departments (seed 001). */
export const COMMUNE_UNITS: UnitRecord[] = [
  ['CC_VPTK', 'Công chức Văn phòng - Thống kê'],
  ['CC_TPHT', 'Công chức Tư pháp - Hộ tịch'],
  ['CC_DCXD', 'Công chức Địa chính - Xây dựng'],
  ['CC_VHXH', 'Công chức Văn hóa - Xã hội'],
  ['CC_TCKT', 'Công chức Tài chính - Kế toán'],
].map(([code, name]) => ({ id: `unit-${code}`, code, name }));

export const resolverFor = (units: UnitRecord[]) =>
  createUnitResolver(units, defaultAliasesFor(units));

/** Deadlines are another library's job; table tests only need the raw text kept. */
export { unrecognizedDeadline };
