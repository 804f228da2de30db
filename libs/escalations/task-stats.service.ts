import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { addDays, endOfDayInstant, monthOf, todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { OrgUnitEntity, ReadDatabase, ReformTaskEntity } from '@cchc/database';
import { IsoDate } from '@cchc/domain';
import { OVERDUE_TASK } from '@cchc/tasks';
import { TASK_TIMER_KINDS } from './escalation-policy';
import {
  MonthEscalationsDto,
  TaskCompletionFiguresDto,
  TaskStatsDto,
  TaskStatsQuery,
} from './dto/task-stats.dto';

/**
 * The day (in Vietnam: UTC+7 all year, no daylight saving) the task was accepted, from its audit
 * history: the first event that moved it to `accepted` (a final state, so there is one).
 */
const ACCEPTED_ON = `(SELECT DATE(MIN(a.occurred_at) + INTERVAL 7 HOUR) FROM audit_events a
  WHERE a.instance_type = 'reform-task' AND a.instance_id = task.id AND a.to_state = 'accepted')`;

type Counts = Omit<TaskCompletionFiguresDto, 'acceptedLate' | 'onTimeRate'>;

const COUNTS: Record<keyof Counts, string> = {
  accepted: "SUM(task.state = 'accepted' AND task.dueDate IS NOT NULL)",
  acceptedOnTime: `SUM(task.state = 'accepted' AND ${ACCEPTED_ON} <= task.dueDate)`,
  open: "SUM(task.state NOT IN ('accepted', 'cancelled'))",
  overdue: `SUM(${OVERDUE_TASK})`,
};

/**
 * Task figures of a ward for the dashboard, as SQL aggregates over indexed columns. Every task
 * counts (group tasks too), as in the task list the figures link to:
 * - accepted: accepted tasks that have a due date (one without a date cannot be late);
 * - acceptedOnTime: of those, accepted on or before the due date as it stands (after granted
 *   extensions and amendments), the day of acceptance taken from the audit history in Vietnam;
 * - onTimeRate: acceptedOnTime / accepted, null when none was accepted;
 * - overdue: as the list's "Quá hạn" filter (marked overdue, or open and past the date).
 * The period filters the tasks by due date; escalations are those of the current month. Read from
 * the read replica (it may be a moment behind).
 */
@Injectable()
export class TaskStatsService {
  constructor(
    private readonly reads: ReadDatabase,
    private readonly clock: Clock,
  ) {}

  async figures(wardId: string, query: TaskStatsQuery): Promise<TaskStatsDto> {
    const today = todayIn(this.clock.now());
    const [units, overdueByArea, escalationsThisMonth] = await this.reads.run((manager) =>
      Promise.all([
        this.byUnit(manager, wardId, query, today),
        this.overdueByArea(manager, wardId, query, today),
        this.escalationsOfMonth(manager, wardId, today),
      ]),
    );
    const overall = withRates(
      countsOf((field) => units.reduce((sum, unit) => sum + unit[field], 0)),
    );
    return {
      planId: query.planId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      today,
      overall,
      units,
      overdueByArea,
      escalationsThisMonth,
    };
  }

  private tasksOf(manager: EntityManager, wardId: string, query: TaskStatsQuery, today: IsoDate) {
    const builder = manager
      .getRepository(ReformTaskEntity)
      .createQueryBuilder('task')
      .where('task.wardId = :wardId', { wardId })
      .setParameter('today', today);
    if (query.planId) builder.andWhere('task.planId = :planId', { planId: query.planId });
    if (query.from) builder.andWhere('task.dueDate >= :from', { from: query.from });
    if (query.to) builder.andWhere('task.dueDate <= :to', { to: query.to });
    return builder;
  }

  private async byUnit(
    manager: EntityManager,
    wardId: string,
    query: TaskStatsQuery,
    today: IsoDate,
  ) {
    const builder = this.tasksOf(manager, wardId, query, today)
      .innerJoin(OrgUnitEntity, 'unit', 'unit.id = task.leadUnitId')
      .select('unit.id', 'unitId')
      .addSelect('unit.code', 'unitCode')
      .addSelect('unit.name', 'unitName');
    selectCounts(builder);
    const rows = (await builder
      .groupBy('unit.id')
      .addGroupBy('unit.code')
      .addGroupBy('unit.name')
      .orderBy('unit.name')
      .getRawMany()) as Record<string, string | number | null>[];
    return rows.map((row) => ({
      unitId: String(row.unitId),
      unitCode: String(row.unitCode),
      unitName: String(row.unitName),
      ...withRates(countsOf((field) => Number(row[field] ?? 0))),
    }));
  }

  private async overdueByArea(
    manager: EntityManager,
    wardId: string,
    query: TaskStatsQuery,
    today: IsoDate,
  ) {
    const rows = (await this.tasksOf(manager, wardId, query, today)
      .andWhere(OVERDUE_TASK)
      .leftJoin('plans', 'plan', 'plan.id = task.planId')
      .leftJoin('plan_areas', 'area', 'area.plan_id = task.planId AND area.code = task.areaCode')
      .select('task.planId', 'planId')
      .addSelect('plan.number', 'planNumber')
      .addSelect('task.areaCode', 'areaCode')
      .addSelect('area.title', 'areaTitle')
      .addSelect('COUNT(*)', 'overdue')
      .groupBy('task.planId')
      .addGroupBy('plan.number')
      .addGroupBy('task.areaCode')
      .addGroupBy('area.title')
      .addGroupBy('area.position')
      .orderBy('plan.number')
      .addOrderBy('area.position')
      .getRawMany()) as Record<string, string | number | null>[];
    return rows.map((row) => ({
      planId: row.planId === null ? null : String(row.planId),
      planNumber: row.planNumber === null ? null : String(row.planNumber),
      areaCode: row.areaCode === null ? null : String(row.areaCode),
      areaTitle:
        row.areaTitle !== null
          ? String(row.areaTitle)
          : row.planId === null
            ? 'Ngoài kế hoạch'
            : 'Chưa xếp lĩnh vực',
      overdue: Number(row.overdue),
    }));
  }

  /** Escalations fired from the first to the last day of today's month, in Vietnam. */
  private async escalationsOfMonth(
    manager: EntityManager,
    wardId: string,
    today: IsoDate,
  ): Promise<MonthEscalationsDto> {
    const { from, to } = monthOf(today);
    const rows = (await manager.query(
      `SELECT e.level, e.lead_unit_id AS unit_id, u.name AS unit_name, COUNT(*) AS n
       FROM escalations e JOIN org_units u ON u.id = e.lead_unit_id
       WHERE e.ward_id = ? AND e.fired_at > ? AND e.fired_at <= ? AND e.kind = '${TASK_TIMER_KINDS.escalate}'
       GROUP BY e.level, e.lead_unit_id, u.name`,
      [wardId, endOfDayInstant(addDays(from, -1)), endOfDayInstant(to)],
    )) as { level: number; unit_id: string; unit_name: string; n: string | number }[];
    const byLevel = new Map<number, number>();
    const byUnit = new Map<string, { unitId: string; unitName: string; count: number }>();
    for (const row of rows) {
      const n = Number(row.n);
      byLevel.set(Number(row.level), (byLevel.get(Number(row.level)) ?? 0) + n);
      const unit = byUnit.get(row.unit_id) ?? {
        unitId: row.unit_id,
        unitName: row.unit_name,
        count: 0,
      };
      unit.count += n;
      byUnit.set(row.unit_id, unit);
    }
    return {
      from,
      to,
      total: rows.reduce((sum, row) => sum + Number(row.n), 0),
      byLevel: [...byLevel].sort(([a], [b]) => a - b).map(([level, count]) => ({ level, count })),
      byUnit: [...byUnit.values()].sort(
        (a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName, 'vi'),
      ),
    };
  }
}

function selectCounts(builder: SelectQueryBuilder<ReformTaskEntity>): void {
  for (const [field, sql] of Object.entries(COUNTS)) builder.addSelect(sql, field);
}

function countsOf(count: (field: keyof Counts) => number): Counts {
  return Object.fromEntries(
    (Object.keys(COUNTS) as (keyof Counts)[]).map((field) => [field, count(field)]),
  ) as Counts;
}

function withRates(counts: Counts): TaskCompletionFiguresDto {
  return {
    ...counts,
    acceptedLate: counts.accepted - counts.acceptedOnTime,
    onTimeRate: counts.accepted === 0 ? null : counts.acceptedOnTime / counts.accepted,
  };
}
