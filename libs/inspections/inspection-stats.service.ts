import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, endOfDayInstant, reportingYearOf, todayIn } from '@cchc/calendar';
import { AuthUser } from '@cchc/auth';
import { IsoDate, TaskState } from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { taskAuditUpTo, tasksAsOf } from '@cchc/tasks';
import { InspectionFigures, UnitInspectionFigures } from './dto/campaign-views.dto';
import { InspectionScope, inspectionScope, visibleVisitSql } from './inspection-scope';
import { annualReportingRule } from './reporting-year';

/** A finding as it stood at the moment counted: its remediation task's state, and closed or not. */
interface FindingAt {
  unitId: string;
  /** Null while it has no remediation task. */
  taskState: TaskState | null;
  taskDueDate: IsoDate | null;
  /** Closed by the chairman. */
  closed: boolean;
}

interface FindingRow {
  unit_id: string;
  task_id: string | null;
  status: string;
  task_state: TaskState | null;
  task_due_date: IsoDate | null;
  created_at: Date;
  closed_at: Date | null;
  /** The day its visit was done. */
  done_on: IsoDate;
}

/**
 * Inspection figures of a ward over a period (also the periodic report's inspection section):
 * - coverage: units inspected at least once (a visit done) against all units — target 100%. Every
 *   unit must be inspected once a year, so visits count from the start of the reporting year the
 *   period ends in (15/12 of the year before, or the ward's own start; libs/reports' calendar),
 *   or from the period's start if that is earlier, to its end;
 * - findings: those of the visits done in the period, and those of earlier visits not yet
 *   settled when the period began (carried forward, whatever period found them, until settled);
 *   remediated (task accepted), settled (remediated or closed by the chairman; target 100%), and
 *   remediation overdue (task past its due date, not accepted).
 * Counted as things stand, or as of a past instant (a report's cut-off): then only findings
 * recorded by it, their tasks' states from the tasks' audit history and the chairman's closing
 * from the campaign's (CLOSE_FINDING), and "overdue" judged against that instant's day.
 */
@Injectable()
export class InspectionStats {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
  ) {}

  /**
   * The whole ward's figures, for the ward's own reports and targets; what a user may see of
   * them is `forUser`'s.
   */
  forWard(wardId: string, from: string, to: string, asOf?: Date): Promise<InspectionFigures> {
    return this.figures(wardId, { kind: 'ward' }, from, to, asOf);
  }

  /**
   * The figures a user may see (inspection-scope.ts): the ward's for its leadership, coordinator
   * and inspectors, their own unit's for a unit's staff; refused to anyone else.
   */
  forUser(user: AuthUser, from: string, to: string): Promise<InspectionFigures> {
    const scope = inspectionScope(user);
    if (scope.kind === 'none')
      throw new ForbiddenException('Người dùng không được xem kết quả kiểm tra CCHC.');
    return this.figures(user.wardId, scope, from, to);
  }

  private async figures(
    wardId: string,
    scope: InspectionScope,
    from: string,
    to: string,
    asOf?: Date,
  ): Promise<InspectionFigures> {
    const year = reportingYearOf(await annualReportingRule(this.dataSource, wardId), to);
    const coverageFrom = [from, year.from].sort()[0];
    const [visible, visibleParams] = visibleVisitSql(scope, 'v');
    const units = (await this.dataSource.query(
      `SELECT u.id AS unit_id, u.name AS unit_name,
              (SELECT DATE_FORMAT(MAX(v.done_on), '%Y-%m-%d') FROM inspection_visits v
                WHERE v.ward_id = u.ward_id AND v.unit_id = u.id AND v.done_on BETWEEN ? AND ?
                  AND ${visible})
                AS last_inspected_on
         FROM org_units u WHERE u.ward_id = ? ${scope.kind === 'unit' ? 'AND u.id = ?' : ''}
        ORDER BY u.code`,
      [
        coverageFrom,
        to,
        ...visibleParams,
        wardId,
        ...(scope.kind === 'unit' ? [scope.unitId] : []),
      ],
    )) as { unit_id: string; unit_name: string; last_inspected_on: string | null }[];
    const rows = await this.counted(await this.findings(wardId, scope, to), from);
    const findings = asOf ? await this.asOf(rows, asOf) : rows.map(current);
    const day = asOf ? todayIn(asOf) : this.engine.today();
    const byUnit: UnitInspectionFigures[] = units.map((unit) => {
      const own = findings.filter((finding) => finding.unitId === unit.unit_id);
      const count = (judged: (finding: FindingAt) => boolean) => own.filter(judged).length;
      return {
        unitId: unit.unit_id,
        unitName: unit.unit_name,
        inspected: unit.last_inspected_on !== null,
        lastInspectedOn: unit.last_inspected_on,
        findings: own.length,
        remediated: count(remediated),
        settled: count((finding) => finding.closed || remediated(finding)),
        overdue: count((finding) => overdue(finding, day)),
      };
    });
    const sum = (key: 'findings' | 'remediated' | 'settled' | 'overdue') =>
      byUnit.reduce((total, unit) => total + unit[key], 0);
    const unitsInspected = byUnit.filter((unit) => unit.inspected).length;
    const total = sum('findings');
    return {
      from,
      to,
      coverageFrom,
      unitsTotal: byUnit.length,
      unitsInspected,
      coverageRate: byUnit.length === 0 ? null : unitsInspected / byUnit.length,
      coverageTarget: 1,
      findings: total,
      remediated: sum('remediated'),
      settled: sum('settled'),
      remediationRate: total === 0 ? null : sum('settled') / total,
      remediationTarget: 1,
      overdue: sum('overdue'),
      byUnit,
    };
  }

  /**
   * The findings of the visits done by `to` that the scope shows, with their tasks, their
   * visit's day and when they were closed.
   */
  private async findings(
    wardId: string,
    scope: InspectionScope,
    to: string,
  ): Promise<FindingRow[]> {
    const [visible, visibleParams] = visibleVisitSql(scope, 'v');
    return (await this.dataSource.query(
      `SELECT f.unit_id, f.task_id, f.status, f.created_at, t.state AS task_state,
              DATE_FORMAT(t.due_date, '%Y-%m-%d') AS task_due_date,
              DATE_FORMAT(v.done_on, '%Y-%m-%d') AS done_on,
              (SELECT MIN(e.occurred_at) FROM audit_events e
                WHERE e.instance_id = f.campaign_id AND e.instance_type = 'inspection-campaign'
                  AND e.event_type = 'CLOSE_FINDING'
                  AND JSON_VALUE(e.payload, '$.findingId') = f.id) AS closed_at
         FROM inspection_findings f
         JOIN inspection_visits v ON v.campaign_id = f.campaign_id AND v.unit_id = f.unit_id
         LEFT JOIN reform_tasks t ON t.id = f.task_id
        WHERE f.ward_id = ? AND v.done_on <= ? AND ${visible}`,
      [wardId, to, ...visibleParams],
    )) as FindingRow[];
  }

  /**
   * The period's findings: its visits', and an earlier visit's unless it was settled (its task
   * accepted, or closed by the chairman) before the period began.
   */
  private async counted(rows: FindingRow[], from: string): Promise<FindingRow[]> {
    const earlier = rows.filter((row) => row.done_on < from);
    if (earlier.length === 0) return rows;
    const start = endOfDayInstant(addDays(from, -1));
    const accepted = new Set(
      (await this.tasksAt(earlier, start))
        .filter((task) => task.state === 'accepted')
        .map((task) => task.id),
    );
    return rows.filter(
      (row) =>
        row.done_on >= from ||
        !(
          (row.closed_at !== null && new Date(row.closed_at) <= start) ||
          (row.task_id !== null && accepted.has(row.task_id))
        ),
    );
  }

  /** The findings' remediation tasks as they stood at `instant` (those that existed then). */
  private async tasksAt(rows: FindingRow[], instant: Date) {
    const withTask = rows.filter((row) => row.task_id !== null);
    const audit = await taskAuditUpTo(
      this.dataSource,
      { ids: withTask.map((row) => row.task_id as string) },
      instant,
    );
    return tasksAsOf(
      withTask.map((row) => ({ id: row.task_id as string, dueDate: row.task_due_date })),
      audit,
      instant,
    );
  }

  /** The findings recorded by `asOf`, as they stood then. */
  private async asOf(rows: FindingRow[], asOf: Date): Promise<FindingAt[]> {
    const recorded = rows.filter((row) => new Date(row.created_at) <= asOf);
    const tasks = new Map((await this.tasksAt(recorded, asOf)).map((task) => [task.id, task]));
    return recorded.map((row) => {
      // A task created after `asOf` did not exist then; its due date is the one then in force.
      const task = row.task_id ? tasks.get(row.task_id) : undefined;
      return {
        unitId: row.unit_id,
        taskState: task?.state ?? null,
        taskDueDate: task ? task.dueDate : row.task_due_date,
        closed: row.closed_at !== null && new Date(row.closed_at) <= asOf,
      };
    });
  }
}

function current(row: FindingRow): FindingAt {
  return {
    unitId: row.unit_id,
    taskState: row.task_state,
    taskDueDate: row.task_due_date,
    closed: row.status === 'closed',
  };
}

const remediated = (finding: FindingAt) => finding.taskState === 'accepted';

/** Its task is still open and past due (a task the chairman closed the finding of is not). */
function overdue(finding: FindingAt, day: IsoDate): boolean {
  if (finding.closed || finding.taskState === null) return false;
  return (
    finding.taskState === 'overdue' ||
    (['assigned', 'inProgress'].includes(finding.taskState) &&
      finding.taskDueDate !== null &&
      finding.taskDueDate < day)
  );
}
