import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { Actor } from '@cchc/domain';
import { AuditLog } from '@cchc/engine';
import { OrgService } from '@cchc/org';
import { createAssignedLeader, type AssignedLeaderOf } from '@cchc/plan-import';

/** One leader's share of the ward: the plan areas and the units they are in charge of. */
export interface LeaderAssignmentView {
  leaderId: string;
  areaCodes: string[];
  unitIds: string[];
}

/** A plan area as plans number them: I, II, … (PAR-Index plans go on to IX and beyond). */
const AREA_CODE = /^[IVXLC]{1,8}$/;

/**
 * The ward's phân công lĩnh vực: which leader (a vice-chairman, or the chairman) is in charge of
 * which plan areas and which units. A plan import gives a task whose row names no leader the
 * leader of its lead unit, else of its area. Replaced as a whole and audited.
 */
@Injectable()
export class LeaderAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly org: OrgService,
    private readonly clock: Clock,
  ) {}

  async list(wardId: string): Promise<LeaderAssignmentView[]> {
    const rows = (await this.dataSource.query(
      'SELECT leader_id, area_code, unit_id FROM leader_assignments WHERE ward_id = ? ORDER BY id',
      [wardId],
    )) as { leader_id: string; area_code: string | null; unit_id: string | null }[];
    const byLeader = new Map<string, LeaderAssignmentView>();
    for (const row of rows) {
      const view = byLeader.get(row.leader_id) ?? {
        leaderId: row.leader_id,
        areaCodes: [],
        unitIds: [],
      };
      if (row.area_code) view.areaCodes.push(row.area_code);
      if (row.unit_id) view.unitIds.push(row.unit_id);
      byLeader.set(row.leader_id, view);
    }
    return [...byLeader.values()];
  }

  /** The leader in charge of a unit or area, for an import. */
  async assignedLeaderOf(wardId: string): Promise<AssignedLeaderOf> {
    const views = await this.list(wardId);
    return createAssignedLeader(
      views.flatMap((view) => [
        ...view.areaCodes.map((areaCode) => ({ leaderId: view.leaderId, areaCode, unitId: null })),
        ...view.unitIds.map((unitId) => ({ leaderId: view.leaderId, areaCode: null, unitId })),
      ]),
    );
  }

  async replace(
    wardId: string,
    inputs: LeaderAssignmentView[],
    actor: Actor,
  ): Promise<LeaderAssignmentView[]> {
    const assignments = inputs.map((input) => ({
      ...input,
      areaCodes: input.areaCodes.map((code) => code.trim().toUpperCase()),
    }));
    this.check(
      assignments,
      new Set((await this.org.listUnits(wardId)).map((unit) => unit.id)),
      new Set(
        (await this.org.listUsers(wardId))
          .filter((user) => user.role === 'leader' || user.role === 'chairman')
          .map((user) => user.id),
      ),
    );
    const previous = await this.list(wardId);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      // Serialises two replacements of one ward (delete and insert would deadlock).
      await manager.query('SELECT id FROM wards WHERE id = ? FOR UPDATE', [wardId]);
      await manager.query('DELETE FROM leader_assignments WHERE ward_id = ?', [wardId]);
      const rows = assignments.flatMap((input) => [
        ...input.areaCodes.map((area) => [input.leaderId, area, null]),
        ...input.unitIds.map((unitId) => [input.leaderId, null, unitId]),
      ]);
      if (rows.length > 0)
        await manager.query(
          `INSERT INTO leader_assignments (ward_id, leader_id, area_code, unit_id, updated_by, updated_at) VALUES ${rows
            .map(() => '(?, ?, ?, ?, ?, ?)')
            .join(', ')}`,
          rows.flatMap((row) => [wardId, ...row, actor.kind === 'user' ? actor.userId : null, now]),
        );
      await AuditLog.append(manager, {
        instanceType: 'leader-assignments',
        instanceId: wardId,
        eventType: 'LEADER_ASSIGNMENTS_REPLACED',
        fromState: null,
        toState: 'edited',
        actor,
        reason: null,
        payload: { previous, assignments },
        occurredAt: now,
      });
    });
    return this.list(wardId);
  }

  /** Each area and each unit has at most one leader, who is a leader of the ward. */
  private check(inputs: LeaderAssignmentView[], units: Set<string>, leaders: Set<string>): void {
    const problems: string[] = [];
    const areaOwner = new Map<string, number>();
    const unitOwner = new Map<string, number>();
    inputs.forEach((input, index) => {
      const at = `assignments[${index}]`;
      if (!leaders.has(input.leaderId))
        problems.push(
          `${at}.leaderId: ${input.leaderId} không phải Chủ tịch hoặc Phó Chủ tịch của phường`,
        );
      for (const area of input.areaCodes) {
        if (!AREA_CODE.test(area))
          problems.push(`${at}.areaCodes: '${area}' không phải số La Mã của lĩnh vực (I, II, …)`);
        else if (areaOwner.has(area))
          problems.push(
            `${at}.areaCodes: lĩnh vực ${area} đã giao cho assignments[${areaOwner.get(area)}]`,
          );
        areaOwner.set(area, index);
      }
      for (const unitId of input.unitIds) {
        if (!units.has(unitId))
          problems.push(`${at}.unitIds: không có đơn vị ${unitId} trong phường`);
        else if (unitOwner.has(unitId))
          problems.push(
            `${at}.unitIds: đơn vị ${unitId} đã giao cho assignments[${unitOwner.get(unitId)}]`,
          );
        unitOwner.set(unitId, index);
      }
    });
    if (problems.length > 0)
      throw new BadRequestException({
        error: 'InvalidLeaderAssignments',
        message: problems.join('; '),
      });
  }
}
