import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkflowEngine } from '@cchc/engine';
import { InspectionFigures, UnitInspectionFigures } from './dto/campaign-views.dto';

/**
 * Inspection figures of a ward over a period (also the periodic report's inspection section):
 * units inspected at least once (a visit done in the period) against all units — target 100% —
 * and the findings of those visits: remediated (task accepted), settled (remediated or closed by
 * the chairman; target 100%), and remediation overdue (task past its due date, not accepted).
 */
@Injectable()
export class InspectionStats {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
  ) {}

  async forWard(wardId: string, from: string, to: string): Promise<InspectionFigures> {
    const today = this.engine.today();
    const rows = (await this.dataSource.query(
      `SELECT u.id AS unit_id, u.name AS unit_name,
              (SELECT DATE_FORMAT(MAX(v.done_on), '%Y-%m-%d') FROM inspection_visits v
                WHERE v.ward_id = u.ward_id AND v.unit_id = u.id AND v.done_on BETWEEN ? AND ?)
                AS last_inspected_on,
              COUNT(f.id) AS findings,
              COALESCE(SUM(t.state = 'accepted'), 0) AS remediated,
              COALESCE(SUM(f.status = 'closed' OR t.state = 'accepted'), 0) AS settled,
              COALESCE(SUM(f.status = 'task' AND (t.state = 'overdue'
                OR (t.state IN ('assigned', 'inProgress') AND t.due_date < ?))), 0) AS overdue
         FROM org_units u
         LEFT JOIN inspection_visits v ON v.ward_id = u.ward_id AND v.unit_id = u.id
               AND v.done_on BETWEEN ? AND ?
         LEFT JOIN inspection_findings f ON f.campaign_id = v.campaign_id AND f.unit_id = v.unit_id
         LEFT JOIN reform_tasks t ON t.id = f.task_id
        WHERE u.ward_id = ?
        GROUP BY u.id, u.name, u.code
        ORDER BY u.code`,
      [from, to, today, from, to, wardId],
    )) as Record<string, string | number | null>[];
    const byUnit: UnitInspectionFigures[] = rows.map((row) => ({
      unitId: String(row.unit_id),
      unitName: String(row.unit_name),
      inspected: row.last_inspected_on !== null,
      lastInspectedOn: row.last_inspected_on === null ? null : String(row.last_inspected_on),
      findings: Number(row.findings),
      remediated: Number(row.remediated),
      settled: Number(row.settled),
      overdue: Number(row.overdue),
    }));
    const sum = (key: 'findings' | 'remediated' | 'settled' | 'overdue') =>
      byUnit.reduce((total, unit) => total + unit[key], 0);
    const unitsInspected = byUnit.filter((unit) => unit.inspected).length;
    const findings = sum('findings');
    return {
      from,
      to,
      unitsTotal: byUnit.length,
      unitsInspected,
      coverageRate: byUnit.length === 0 ? null : unitsInspected / byUnit.length,
      coverageTarget: 1,
      findings,
      remediated: sum('remediated'),
      settled: sum('settled'),
      remediationRate: findings === 0 ? null : sum('settled') / findings,
      remediationTarget: 1,
      overdue: sum('overdue'),
      byUnit,
    };
  }
}
