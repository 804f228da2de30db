import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addDays, endOfDayInstant, monthOf, todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { ReadDatabase } from '@cchc/database';
import { IsoDate, TASK_STATES } from '@cchc/domain';
import { TASK_TIMER_KINDS } from './escalation-policy';
import {
  MonthEscalationsDto,
  StateCountDto,
  TaskCompletionFiguresDto,
  TaskStatsDto,
  TaskStatsQuery,
} from './dto/task-stats.dto';

type Counts = Omit<TaskCompletionFiguresDto, 'acceptedLate' | 'onTimeRate'>;

/** An undated task's due day in `task_counts` (its key columns cannot be NULL). */
const UNDATED = '9999-12-31';

/**
 * Overdue as the list's "Quá hạn" filter (OVERDUE_TASK), on a counter: undated is never past.
 * Its two parameters are both today (OVERDUE_PARAMS).
 */
const OVERDUE =
  "(c.due_on <= ? AND (c.state = 'overdue' OR (c.state IN ('assigned', 'inProgress') AND c.due_on < ?)))";
const OVERDUE_PARAMS = (today: IsoDate): IsoDate[] => [today, today];

const COUNTS: Record<keyof Counts, string> = {
  accepted: `SUM(IF(c.state = 'accepted' AND c.due_on <> '${UNDATED}', c.n, 0))`,
  acceptedOnTime: 'SUM(IF(c.on_time = 1, c.n, 0))',
  open: "SUM(IF(c.state NOT IN ('accepted', 'cancelled'), c.n, 0))",
  overdue: `SUM(IF(${OVERDUE}, c.n, 0))`,
};

/**
 * Task figures of a ward for the dashboard, from the maintained `task_counts` (by ward, lead unit,
 * plan, area, due date, state and on time; see its migration): a few hundred counters of the
 * ward rather than its every task. Every task counts (group tasks too), as in the task list the
 * figures link to:
 * - accepted: accepted tasks that have a due date (one without a date cannot be late);
 * - acceptedOnTime: of those, accepted on or before the due date as it stands (after granted
 *   extensions and amendments), the day of acceptance taken from the audit history in Vietnam;
 * - onTimeRate: acceptedOnTime / accepted, null when none was accepted;
 * - overdue: as the list's "Quá hạn" filter (marked overdue, or open and past the date);
 * - byState: the tasks in each stored state, as the list's state filter (an open task past its
 *   date stays in its state until the timer marks it overdue), every state listed.
 * The period filters the tasks by due date; escalations are those of the current month. A unit
 * or an area is listed when it has tasks in the filter. Read from the read replica (it may be a
 * moment behind).
 */
@Injectable()
export class TaskStatsService {
  constructor(
    private readonly reads: ReadDatabase,
    private readonly clock: Clock,
  ) {}

  async figures(wardId: string, query: TaskStatsQuery): Promise<TaskStatsDto> {
    const today = todayIn(this.clock.now());
    const [byState, units, overdueByArea, escalationsThisMonth] = await this.reads.run((manager) =>
      Promise.all([
        this.byState(manager, wardId, query),
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
      byState,
      units,
      overdueByArea,
      escalationsThisMonth,
    };
  }

  private async byState(
    manager: EntityManager,
    wardId: string,
    query: TaskStatsQuery,
  ): Promise<StateCountDto[]> {
    const filter = countersOf(wardId, query);
    const rows = (await manager.query(
      `SELECT c.state, SUM(c.n) AS n FROM task_counts c WHERE ${filter.where} GROUP BY c.state`,
      filter.params,
    )) as { state: string; n: string | number }[];
    const counts = new Map(rows.map((row) => [row.state, Number(row.n)]));
    return TASK_STATES.map((state) => ({ state, count: counts.get(state) ?? 0 }));
  }

  private async byUnit(
    manager: EntityManager,
    wardId: string,
    query: TaskStatsQuery,
    today: IsoDate,
  ) {
    const filter = countersOf(wardId, query);
    const counts = Object.entries(COUNTS).map(([field, sql]) => `${sql} AS ${field}`);
    const rows = (await manager.query(
      `SELECT unit.id AS unitId, unit.code AS unitCode, unit.name AS unitName, ${counts.join(', ')}
       FROM task_counts c JOIN org_units unit ON unit.id = c.lead_unit_id
       WHERE ${filter.where}
       GROUP BY unit.id, unit.code, unit.name HAVING SUM(c.n) > 0
       ORDER BY unit.name`,
      [...OVERDUE_PARAMS(today), ...filter.params],
    )) as Record<string, string | number | null>[];
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
    const filter = countersOf(wardId, query);
    const rows = (await manager.query(
      `SELECT NULLIF(c.plan_id, '') AS planId, plan.number AS planNumber,
         NULLIF(c.area_code, '') AS areaCode, area.title AS areaTitle, SUM(c.n) AS overdue
       FROM task_counts c
       LEFT JOIN plans plan ON plan.id = c.plan_id
       LEFT JOIN plan_areas area ON area.plan_id = c.plan_id AND area.code = c.area_code
       WHERE ${filter.where} AND ${OVERDUE}
       GROUP BY c.plan_id, plan.number, c.area_code, area.title, area.position
       HAVING SUM(c.n) > 0
       ORDER BY plan.number, area.position`,
      [...filter.params, ...OVERDUE_PARAMS(today)],
    )) as Record<string, string | number | null>[];
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

/** The ward's counters in the query's plan and period (an undated task is in no period). */
function countersOf(wardId: string, query: TaskStatsQuery): { where: string; params: string[] } {
  const where = ['c.ward_id = ?'];
  const params = [wardId];
  if (query.planId) {
    where.push('c.plan_id = ?');
    params.push(query.planId);
  }
  if (query.from) {
    where.push(`c.due_on >= ? AND c.due_on <> '${UNDATED}'`);
    params.push(query.from);
  }
  if (query.to) {
    where.push('c.due_on <= ?');
    params.push(query.to);
  }
  return { where: where.join(' AND '), params };
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
