import type { UnitAlias } from './unit-resolver';

/** Phrases naming several units at once; the ward decides which units each covers. */
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

export const GROUP_CODES: string[] = Object.values(UNIT_GROUPS);

/**
 * A default alias. `unitCodes` lists the units the name may mean, most specific first: the
 * first one the ward has wins, so a commune civil-servant post of an older plan ("CC TP-HT")
 * means the post where a commune still has it, else the ward unit that took over its work.
 */
export interface DefaultUnitAlias {
  alias: string;
  unitCodes?: string[];
  groupCode?: string;
}

const unit = (unitCodes: string[], ...names: string[]): DefaultUnitAlias[] =>
  names.map((alias) => ({ alias, unitCodes }));
const group = (groupCode: string, ...names: string[]): DefaultUnitAlias[] =>
  names.map((alias) => ({ alias, groupCode }));

/**
 * Standard units of a ward (since 1/7/2025) and the commune civil-servant posts of older plans,
 * as the seed plans write them. Under the two-level government the posts' work went to:
 * Văn phòng - Thống kê and Tư pháp - Hộ tịch → Văn phòng HĐND&UBND; Địa chính - Xây dựng and
 * Tài chính - Kế toán → Phòng Kinh tế, Hạ tầng và Đô thị; Văn hóa - Xã hội → Phòng Văn hóa -
 * Xã hội. Abbreviations and spelling variants need not be listed: names are compared through
 * `unitNameKey`.
 */
export const DEFAULT_UNIT_ALIASES: DefaultUnitAlias[] = [
  ...unit(['VP'], 'Văn phòng HĐND và UBND', 'Văn phòng UBND'),
  ...unit(['VHXH'], 'Phòng Văn hóa - Xã hội'),
  ...unit(['KTHTDT'], 'Phòng Kinh tế, Hạ tầng và Đô thị'),
  ...unit(['TTPVHCC'], 'Trung tâm Phục vụ hành chính công', 'Bộ phận một cửa'),
  ...unit(['CA'], 'Công an'),
  ...unit(['BCHQS'], 'Ban Chỉ huy quân sự'),
  ...unit(['TTDVSNC'], 'Trung tâm Dịch vụ sự nghiệp công'),
  ...unit(['CC_VPTK', 'VP'], 'Công chức Văn phòng - Thống kê'),
  ...unit(['CC_TPHT', 'VP'], 'Công chức Tư pháp - Hộ tịch'),
  ...unit(['CC_DCXD', 'KTHTDT'], 'Công chức Địa chính - Xây dựng'),
  ...unit(['CC_VHXH', 'VHXH'], 'Công chức Văn hóa - Xã hội'),
  ...unit(['CC_TCKT', 'KTHTDT'], 'Công chức Tài chính - Kế toán'),
  ...group(
    UNIT_GROUPS.SPECIALIZED,
    'Các phòng, đơn vị chuyên môn',
    'Các phòng chuyên môn',
    'Các phòng, đơn vị chủ trì soạn thảo các văn bản quy phạm pháp luật',
  ),
  ...group(
    UNIT_GROUPS.WARD_AGENCIES,
    'Các cơ quan, tổ chức, đơn vị thuộc UBND',
    'Các cơ quan, đơn vị thuộc UBND',
    'Các cơ quan, đơn vị',
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

/** Every unit of the ward. */
const ALL_UNITS = '*';

/**
 * Which units a group phrase means when it leads a task, by unit code, until the ward says
 * otherwise. "Related units" and mass organisations are too vague to lead: no default.
 */
export const DEFAULT_GROUP_MEMBERS: Record<string, string[]> = {
  [UNIT_GROUPS.SPECIALIZED]: ['VP', 'VHXH', 'KTHTDT', 'TTPVHCC', 'TTDVSNC'],
  [UNIT_GROUPS.WARD_AGENCIES]: [ALL_UNITS],
  [UNIT_GROUPS.ALL_STAFF]: [ALL_UNITS],
};

/** The default members of a group among the ward's units, in the ward's unit order. */
export function defaultGroupMembers<T extends { code: string }>(
  groupCode: string,
  units: T[],
): T[] {
  const codes = DEFAULT_GROUP_MEMBERS[groupCode] ?? [];
  return codes.includes(ALL_UNITS) ? units : units.filter((record) => codes.includes(record.code));
}

/** Default aliases for the units a ward has, by code; group aliases are always kept. */
export function defaultAliasesFor(
  units: { id: string; code: string }[],
  defaults: DefaultUnitAlias[] = DEFAULT_UNIT_ALIASES,
): UnitAlias[] {
  const idOf = new Map(units.map((record) => [record.code, record.id]));
  return defaults.flatMap((entry): UnitAlias[] => {
    const source = 'default' as const;
    if (entry.groupCode) return [{ alias: entry.alias, groupCode: entry.groupCode, source }];
    const unitId = entry.unitCodes?.map((code) => idOf.get(code)).find((id) => id !== undefined);
    return unitId ? [{ alias: entry.alias, unitId, source }] : [];
  });
}
