import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { IsoDate, TaskState } from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { taskAuditUpTo, tasksAsOf } from '@cchc/tasks';
import { InspectionFigures, UnitInspectionFigures } from './dto/campaign-views.dto';

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
}

/**
 * Inspection figures of a ward over a period (also the periodic report's inspection section):
 * units inspected at least once (a visit done in the period) against all units — target 100% —
 * and the findings of those visits: remediated (task accepted), settled (remediated or closed by
 * the chairman; target 100%), and remediation overdue (task past its due date, not accepted).
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

  async forWard(wardId: string, from: string, to: string, asOf?: Date): Promise<InspectionFigures> {
    const units = (await this.dataSource.query(
      `SELECT u.id AS unit_id, u.name AS unit_name,
              (SELECT DATE_FORMAT(MAX(v.done_on), '%Y-%m-%d') FROM inspection_visits v
                WHERE v.ward_id = u.ward_id AND v.unit_id = u.id AND v.done_on BETWEEN ? AND ?)
                AS last_inspected_on
         FROM org_units u WHERE u.ward_id = ? ORDER BY u.code`,
      [from, to, wardId],
    )) as { unit_id: string; unit_name: string; last_inspected_on: string | null }[];
    const rows = await this.findings(wardId, from, to);
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

  /** The findings of the visits done in the period, with their tasks and when they were closed. */
  private async findings(wardId: string, from: string, to: string): Promise<FindingRow[]> {
    return (await this.dataSource.query(
      `SELECT f.unit_id, f.task_id, f.status, f.created_at, t.state AS task_state,
              DATE_FORMAT(t.due_date, '%Y-%m-%d') AS task_due_date,
              (SELECT MIN(e.occurred_at) FROM audit_events e
                WHERE e.instance_id = f.campaign_id AND e.instance_type = 'inspection-campaign'
                  AND e.event_type = 'CLOSE_FINDING'
                  AND JSON_VALUE(e.payload, '$.findingId') = f.id) AS closed_at
         FROM inspection_findings f
         LEFT JOIN reform_tasks t ON t.id = f.task_id
        WHERE f.ward_id = ? AND EXISTS (SELECT 1 FROM inspection_visits v
               WHERE v.campaign_id = f.campaign_id AND v.unit_id = f.unit_id
                 AND v.done_on BETWEEN ? AND ?)`,
      [wardId, from, to],
    )) as FindingRow[];
  }

  /** The findings recorded by `asOf`, as they stood then. */
  private async asOf(rows: FindingRow[], asOf: Date): Promise<FindingAt[]> {
    const recorded = rows.filter((row) => new Date(row.created_at) <= asOf);
    const withTask = recorded.filter((row) => row.task_id !== null);
    const audit = await taskAuditUpTo(
      this.dataSource,
      { ids: withTask.map((row) => row.task_id as string) },
      asOf,
    );
    const tasks = new Map(
      tasksAsOf(
        withTask.map((row) => ({ id: row.task_id as string, dueDate: row.task_due_date })),
        audit,
        asOf,
      ).map((task) => [task.id, task]),
    );
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
