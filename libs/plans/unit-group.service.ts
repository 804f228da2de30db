import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { Actor } from '@cchc/domain';
import { AuditLog } from '@cchc/engine';
import { OrgService, UnitView } from '@cchc/org';
import { defaultGroupMembers, GROUP_CODES, MemberUnit } from '@cchc/plan-import';

export interface UnitGroupInput {
  groupCode: string;
  unitIds: string[];
}

export interface UnitGroupView {
  groupCode: string;
  unitIds: string[];
  /** `ward`: the ward's own definition; `default`: the shipped one for the ward's unit codes. */
  source: 'ward' | 'default';
}

/**
 * Which units a group phrase ("Các phòng, đơn vị chuyên môn") means in a ward: a plan row led
 * by a group becomes one task per member unit. The shipped defaults hold until the ward
 * defines the group; replaced as a whole and audited.
 */
@Injectable()
export class UnitGroupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly org: OrgService,
    private readonly clock: Clock,
  ) {}

  async list(wardId: string): Promise<UnitGroupView[]> {
    const units = await this.org.listUnits(wardId);
    const rows = (await this.dataSource.query(
      'SELECT group_code, unit_ids FROM unit_groups WHERE ward_id = ?',
      [wardId],
    )) as { group_code: string; unit_ids: string | string[] }[];
    const own = new Map(rows.map((row) => [row.group_code, parseIds(row.unit_ids)]));
    return GROUP_CODES.map((groupCode): UnitGroupView => {
      const unitIds = own.get(groupCode);
      return unitIds
        ? { groupCode, unitIds, source: 'ward' }
        : {
            groupCode,
            unitIds: defaultGroupMembers(groupCode, units).map((unit) => unit.id),
            source: 'default',
          };
    });
  }

  /** The members of each group among the ward's units, for an import. */
  async membersOf(wardId: string): Promise<(groupCode: string) => MemberUnit[]> {
    const units = new Map((await this.org.listUnits(wardId)).map((unit) => [unit.id, unit]));
    const groups = new Map(
      (await this.list(wardId)).map((group) => [
        group.groupCode,
        group.unitIds.flatMap((id) => (units.has(id) ? [units.get(id) as UnitView] : [])),
      ]),
    );
    return (groupCode) => groups.get(groupCode) ?? [];
  }

  /** Defines the listed groups (an empty list of units: the group cannot lead a task). */
  async replace(wardId: string, inputs: UnitGroupInput[], actor: Actor): Promise<UnitGroupView[]> {
    const units = new Set((await this.org.listUnits(wardId)).map((unit) => unit.id));
    const problems: string[] = [];
    const seen = new Set<string>();
    inputs.forEach((input, index) => {
      const at = `groups[${index}]`;
      if (!GROUP_CODES.includes(input.groupCode))
        problems.push(
          `${at}.groupCode: nhóm '${input.groupCode}' không có; dùng ${GROUP_CODES.join(', ')}`,
        );
      else if (seen.has(input.groupCode))
        problems.push(`${at}.groupCode: nhóm '${input.groupCode}' được khai báo hai lần`);
      seen.add(input.groupCode);
      const unknown = input.unitIds.filter((id) => !units.has(id));
      if (unknown.length > 0)
        problems.push(`${at}.unitIds: không có đơn vị ${unknown.join(', ')} trong phường`);
    });
    if (problems.length > 0)
      throw new BadRequestException({ error: 'InvalidUnitGroups', message: problems.join('; ') });
    const previous = await this.list(wardId);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      // Serialises two replacements of one ward (delete and insert would deadlock).
      await manager.query('SELECT id FROM wards WHERE id = ? FOR UPDATE', [wardId]);
      await manager.query('DELETE FROM unit_groups WHERE ward_id = ?', [wardId]);
      for (const input of inputs) {
        await manager.query(
          'INSERT INTO unit_groups (ward_id, group_code, unit_ids, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)',
          [
            wardId,
            input.groupCode,
            JSON.stringify([...new Set(input.unitIds)]),
            actor.kind === 'user' ? actor.userId : null,
            now,
          ],
        );
      }
      await AuditLog.append(manager, {
        instanceType: 'unit-groups',
        instanceId: wardId,
        eventType: 'UNIT_GROUPS_REPLACED',
        fromState: null,
        toState: 'edited',
        actor,
        reason: null,
        payload: { previous, groups: inputs },
        occurredAt: now,
      });
    });
    return this.list(wardId);
  }
}

/** mysql2 returns JSON columns parsed on MySQL and as text on MariaDB. */
function parseIds(value: string | string[]): string[] {
  return typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
}
