import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { Actor } from '@cchc/domain';
import { AuditLog } from '@cchc/engine';
import { OrgService } from '@cchc/org';
import { GROUP_CODES, unitNameKey } from '@cchc/plan-import';

export interface UnitAliasInput {
  alias: string;
  unitId?: string | null;
  groupCode?: string | null;
}

export interface UnitAliasView {
  alias: string;
  unitId: string | null;
  groupCode: string | null;
}

export interface UnitAliasProblem {
  index: number;
  field: 'alias' | 'unitId' | 'groupCode';
  message: string;
}

/**
 * A ward's own names for its units (abbreviations, old names, typos its plans keep making),
 * used by plan imports on top of the shipped aliases. Replaced as a whole and audited.
 */
@Injectable()
export class UnitAliasService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly org: OrgService,
    private readonly clock: Clock,
  ) {}

  async list(wardId: string): Promise<UnitAliasView[]> {
    const rows = (await this.dataSource.query(
      'SELECT alias, unit_id, group_code FROM unit_aliases WHERE ward_id = ? ORDER BY alias',
      [wardId],
    )) as { alias: string; unit_id: string | null; group_code: string | null }[];
    return rows.map((row) => ({
      alias: row.alias,
      unitId: row.unit_id,
      groupCode: row.group_code,
    }));
  }

  /** Replaces the ward's aliases; every alias must name exactly one unit of the ward or a group. */
  async replace(wardId: string, inputs: UnitAliasInput[], actor: Actor): Promise<UnitAliasView[]> {
    const units = new Set((await this.org.listUnits(wardId)).map((unit) => unit.id));
    const problems: UnitAliasProblem[] = [];
    const keys = new Map<string, number>();
    const aliases = inputs.map((input, index) => {
      const alias = input.alias.replace(/\s+/g, ' ').trim();
      const key = unitNameKey(alias).key;
      const problem = (field: UnitAliasProblem['field'], message: string) =>
        problems.push({ index, field, message: `aliases[${index}].${field}: ${message}` });
      if (key === '') problem('alias', 'bí danh không được để trống');
      else if (keys.has(key))
        problem('alias', `'${alias}' trùng với bí danh thứ ${(keys.get(key) ?? 0) + 1}`);
      keys.set(key, index);
      if (Boolean(input.unitId) === Boolean(input.groupCode))
        problem(
          'unitId',
          'cần đúng một trong unitId (một đơn vị) hoặc groupCode (một nhóm đơn vị)',
        );
      else if (input.unitId && !units.has(input.unitId))
        problem('unitId', `không có đơn vị ${input.unitId} trong phường`);
      else if (input.groupCode && !GROUP_CODES.includes(input.groupCode))
        problem('groupCode', `nhóm '${input.groupCode}' không có; dùng ${GROUP_CODES.join(', ')}`);
      return { alias, key, unitId: input.unitId || null, groupCode: input.groupCode || null };
    });
    if (problems.length > 0) {
      throw new BadRequestException({
        error: 'InvalidAliases',
        message: problems.map((problem) => problem.message).join('; '),
        errors: problems,
      });
    }
    const previous = await this.list(wardId);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      // Serialises two replacements of one ward.
      await manager.query('SELECT id FROM wards WHERE id = ? FOR UPDATE', [wardId]);
      await manager.query('DELETE FROM unit_aliases WHERE ward_id = ?', [wardId]);
      for (const alias of aliases) {
        await manager.query(
          'INSERT INTO unit_aliases (ward_id, alias, alias_key, unit_id, group_code, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [
            wardId,
            alias.alias,
            alias.key,
            alias.unitId,
            alias.groupCode,
            actor.kind === 'user' ? actor.userId : null,
            now,
          ],
        );
      }
      await AuditLog.append(manager, {
        instanceType: 'unit-aliases',
        instanceId: wardId,
        eventType: 'ALIASES_REPLACED',
        fromState: null,
        toState: 'edited',
        actor,
        reason: null,
        payload: {
          previous,
          aliases: aliases.map(({ alias, unitId, groupCode }) => ({ alias, unitId, groupCode })),
        },
        occurredAt: now,
      });
    });
    return this.list(wardId);
  }
}
