import { randomUUID } from 'node:crypto';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { Role } from '@cchc/domain';
import { OrgUnitEntity, UserEntity, WardEntity } from '@cchc/database';

/**
 * The units a ward has since 1 July 2025 (codes are what the plan-import default aliases and
 * group members refer to).
 */
export const DEMO_UNITS = [
  { code: 'VP', name: 'Văn phòng HĐND&UBND' },
  { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
  { code: 'KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
  { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công' },
  { code: 'TTDVSNC', name: 'Trung tâm Dịch vụ sự nghiệp công' },
  { code: 'CA', name: 'Công an phường' },
  { code: 'BCHQS', name: 'Ban Chỉ huy quân sự phường' },
] as const;

/** The areas of a reform plan (domain.md), and of PAR-Index plans (VIII, IX). */
const PLAN_AREAS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];

const DEMO_USERS: { username: Role; fullName: string; unit: string | null }[] = [
  { username: 'chairman', fullName: 'Nguyễn Văn Thành', unit: null },
  { username: 'leader', fullName: 'Trần Thị Hương', unit: null },
  { username: 'coordinator', fullName: 'Lê Minh Đức', unit: 'VP' },
  { username: 'unit_head', fullName: 'Phạm Thu Trang', unit: 'VHXH' },
  { username: 'officer', fullName: 'Hoàng Văn Nam', unit: 'VHXH' },
  { username: 'one_stop_officer', fullName: 'Vũ Thị Lan', unit: 'TTPVHCC' },
  { username: 'inspector', fullName: 'Đặng Quốc Việt', unit: null },
  { username: 'system_admin', fullName: 'Quản trị hệ thống', unit: null },
  { username: 'admin', fullName: 'Quản trị Phường Mẫu', unit: null },
  { username: 'province_officer', fullName: 'Ngô Thị Sở', unit: null },
];

/**
 * Outside production, an empty database gets a demo ward with its units and one user per role
 * (username = role code), so that a newcomer can log in right after `npm start`.
 * Returns false when the database already has a ward.
 */
export async function seedDemoWard(dataSource: DataSource, password: string): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const existing = await manager.query('SELECT id FROM wards LIMIT 1 FOR UPDATE');
    if (existing.length > 0) return false;
    const ward = manager.create(WardEntity, {
      id: randomUUID(),
      code: 'demo',
      name: 'Phường Mẫu',
      province: 'Thành phố Hải Phòng',
    });
    await manager.save(ward);
    const units = DEMO_UNITS.map((unit) =>
      manager.create(OrgUnitEntity, { id: randomUUID(), wardId: ward.id, ...unit }),
    );
    await manager.save(units);
    const unitId = (code: string | null) => units.find((unit) => unit.code === code)?.id ?? null;
    const passwordHash = await hash(password);
    const users = await manager.save(
      DEMO_USERS.map((user) =>
        manager.create(UserEntity, {
          id: randomUUID(),
          wardId: ward.id,
          unitId: unitId(user.unit),
          username: user.username,
          fullName: user.fullName,
          role: user.username,
          passwordHash,
          active: true,
        }),
      ),
    );
    // The one vice-chairman is in charge of every area (phân công lĩnh vực).
    const leader = users.find((user) => user.username === 'leader') as UserEntity;
    await manager.query(
      `INSERT INTO leader_assignments (ward_id, leader_id, area_code) VALUES ${PLAN_AREAS.map(() => '(?, ?, ?)').join(', ')}`,
      PLAN_AREAS.flatMap((area) => [ward.id, leader.id, area]),
    );
    return true;
  });
}
