import type { UnitAlias } from './unit-resolver';

/** Phrases naming several units at once; the application decides who they cover. */
export const UNIT_GROUPS = {
  /** "Các phòng, đơn vị chuyên môn" */
  SPECIALIZED: 'SPECIALIZED',
  /** "Các cơ quan, tổ chức, đơn vị thuộc UBND phường" */
  WARD_AGENCIES: 'WARD_AGENCIES',
  /** "Các đơn vị", "Các phòng, đơn vị có liên quan" */
  RELATED: 'RELATED',
  /** "Các đoàn thể" */
  MASS_ORGANIZATIONS: 'MASS_ORGANIZATIONS',
  /** "Cán bộ, công chức" */
  ALL_STAFF: 'ALL_STAFF',
} as const;

/** A default alias, keyed by unit code so the application can map codes to its unit ids. */
export interface DefaultUnitAlias {
  alias: string;
  unitCode?: string;
  groupCode?: string;
}

const unit = (unitCode: string, ...names: string[]): DefaultUnitAlias[] =>
  names.map((alias) => ({ alias, unitCode }));
const group = (groupCode: string, ...names: string[]): DefaultUnitAlias[] =>
  names.map((alias) => ({ alias, groupCode }));

/**
 * Standard units of a ward (since 7/2025) and the commune civil-servant posts of older plans,
 * as the seed plans write them. Abbreviations and spelling variants need not be listed:
 * names are compared through `unitNameKey`.
 */
export const DEFAULT_UNIT_ALIASES: DefaultUnitAlias[] = [
  ...unit('VP', 'Văn phòng HĐND và UBND', 'Văn phòng UBND'),
  ...unit('VHXH', 'Phòng Văn hóa - Xã hội'),
  ...unit('KTHTDT', 'Phòng Kinh tế, Hạ tầng và Đô thị'),
  ...unit('TTPVHCC', 'Trung tâm Phục vụ hành chính công', 'Bộ phận một cửa'),
  ...unit('CA', 'Công an'),
  ...unit('TTDVSNC', 'Trung tâm Dịch vụ sự nghiệp công'),
  ...unit('CC_VPTK', 'Công chức Văn phòng - Thống kê'),
  ...unit('CC_TPHT', 'Công chức Tư pháp - Hộ tịch'),
  ...unit('CC_DCXD', 'Công chức Địa chính - Xây dựng'),
  ...unit('CC_VHXH', 'Công chức Văn hóa - Xã hội'),
  ...unit('CC_TCKT', 'Công chức Tài chính - Kế toán'),
  ...group(UNIT_GROUPS.SPECIALIZED, 'Các phòng, đơn vị chuyên môn', 'Các phòng chuyên môn'),
  ...group(
    UNIT_GROUPS.WARD_AGENCIES,
    'Các cơ quan, tổ chức, đơn vị thuộc UBND',
    'Các cơ quan, đơn vị thuộc UBND',
  ),
  ...group(
    UNIT_GROUPS.RELATED,
    'Các đơn vị',
    'Các đơn vị liên quan',
    'Các đơn vị có liên quan',
    'Các phòng, đơn vị liên quan',
    'Các phòng, đơn vị có liên quan',
    'Các cơ quan, đơn vị liên quan',
    'Các cơ quan, đơn vị có liên quan',
    'CC có liên quan',
  ),
  ...group(UNIT_GROUPS.MASS_ORGANIZATIONS, 'Các đoàn thể', 'Các đoàn thể chính trị - xã hội'),
  ...group(UNIT_GROUPS.ALL_STAFF, 'Cán bộ, công chức', 'CBCC'),
];

/** Default aliases for the units a ward has, by code; group aliases are always kept. */
export function defaultAliasesFor(
  units: { id: string; code: string }[],
  defaults: DefaultUnitAlias[] = DEFAULT_UNIT_ALIASES,
): UnitAlias[] {
  const idOf = new Map(units.map((record) => [record.code, record.id]));
  return defaults.flatMap((entry): UnitAlias[] => {
    if (entry.groupCode) return [{ alias: entry.alias, groupCode: entry.groupCode }];
    const unitId = entry.unitCode ? idOf.get(entry.unitCode) : undefined;
    return unitId ? [{ alias: entry.alias, unitId }] : [];
  });
}
