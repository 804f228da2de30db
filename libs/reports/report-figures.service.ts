import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { endOfDayInstant } from '@cchc/calendar';
import { ReadDatabase } from '@cchc/database';
import { ContributionContext } from '@cchc/domain';
import { DossierStatsService } from '@cchc/dossiers';
import { InspectionStats } from '@cchc/inspections';
import { COMPARATOR_SIGNS, TargetActuals } from '@cchc/targets';
import {
  ContributionLine,
  InspectionLine,
  nextPeriodTasks,
  OptionalSection,
  ratioText,
  TargetLine,
  ReportContent,
  taskSection,
} from './report-content';
import { NO_INSPECTIONS, NO_TARGETS } from './report-documents';
import { planTasksAsOf } from './plan-task-history';
import { ReportCalendarService } from './report-calendar.service';
import { nextPeriodRef, ReportPeriod } from './reporting-calendar';

/** What the figures need of a report row. */
export interface ReportSource {
  id: string;
  wardId: string;
  planId: string | null;
  period: ReportPeriod;
}

/**
 * Gathers a report's contents as of its cut-off: tasks from their audit history, dossier figures
 * from the QĐ 766 statistics over the period (both heavy, from the read replica), the units'
 * contributions as they stand (from the primary: a unit's part sent a moment ago is in).
 */
@Injectable()
export class ReportFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossierStats: DossierStatsService,
    private readonly calendars: ReportCalendarService,
    private readonly inspections: InspectionStats,
    private readonly targets: TargetActuals,
    private readonly reads: ReadDatabase,
  ) {}

  async content(report: ReportSource): Promise<Omit<ReportContent, 'auditCheckpoint'>> {
    const { period } = report;
    const cutoffInstant = endOfDayInstant(period.cutoffDate);
    const [ward] = (await this.dataSource.query('SELECT name, province FROM wards WHERE id = ?', [
      report.wardId,
    ])) as { name: string; province: string | null }[];
    const plan = report.planId ? await this.plan(report.planId) : null;
    const tasks = report.planId
      ? await this.reads.run((manager) =>
          planTasksAsOf(manager, report.planId as string, cutoffInstant),
        )
      : [];
    const next = await this.calendars.period(report.wardId, nextPeriodRef(period));
    const stats = await this.dossierStats.figures(
      report.wardId,
      { from: period.from, to: period.cutoffDate },
      cutoffInstant,
    );
    const { overall } = stats;
    return {
      ward: {
        name: ward.name,
        place: (ward.province ?? ward.name).replace(/^(thành phố|tỉnh)\s+/i, ''),
        superior: ward.province ? `UBND ${ward.province}` : 'UBND CẤP TỈNH',
      },
      period,
      plan,
      cutoffInstant: cutoffInstant.toISOString(),
      tasks: taskSection(tasks, period.cutoffDate),
      dossiers: {
        from: period.from,
        to: period.cutoffDate,
        received: overall.received,
        returnedEarly: overall.returnedEarly,
        returnedOnTime: overall.returnedOnTime,
        returnedLate: overall.returnedLate,
        pending: overall.pending,
        pendingInTime: overall.pendingInTime,
        openOverdue: overall.openOverdue,
        onTimeRate: overall.onTimeRate,
        overdue: overall.overdue,
        overdueWithIssuedSlip: overall.overdueWithIssuedSlip,
        overdueWithoutSlip: overall.overdueWithoutSlip,
        apologyCoverage: overall.apologyCoverage,
      },
      targets: await this.targetSection(report, cutoffInstant),
      inspections: await this.inspectionSection(report.wardId, period, cutoffInstant),
      contributions: await this.contributions(report.id),
      nextTasks: nextPeriodTasks(tasks, period.cutoffDate, next.cutoffDate),
    };
  }

  /** Section (3): every confirmed target of the plan with its actual as of the cut-off. */
  private async targetSection(
    report: ReportSource,
    cutoff: Date,
  ): Promise<OptionalSection<TargetLine>> {
    if (!report.planId) return { rows: [], note: NO_TARGETS };
    const { targets } = await this.targets.forPlan(report.wardId, report.planId, {
      from: report.period.from,
      to: report.period.cutoffDate,
      cutoff,
    });
    if (targets.length === 0) return { rows: [], note: NO_TARGETS };
    return {
      note: null,
      rows: targets.map(({ target, actual, verdict, verdictLabel }) => {
        const percent = target.unit === 'percent';
        return {
          code: target.code,
          name: target.name,
          target:
            target.comparator === null || target.value === null
              ? (target.qualitative ?? '')
              : `${COMPARATOR_SIGNS[target.comparator]} ${target.value}${percent ? '%' : ''}`,
          actual: actual === null ? null : percent ? ratioText(actual) : String(actual),
          met: verdict === 'met' ? true : verdict === 'not_met' ? false : null,
          verdict: verdictLabel,
        };
      }),
    };
  }

  /**
   * Section (4), from the inspection campaigns' figures over the period as they stood at the
   * cut-off (a task accepted after it is not remediated then); until the ward has a campaign it
   * says there is no inspection data.
   */
  private async inspectionSection(
    wardId: string,
    period: ReportPeriod,
    cutoff: Date,
  ): Promise<OptionalSection<InspectionLine>> {
    const [campaign] = (await this.dataSource.query(
      'SELECT id FROM inspection_campaigns WHERE ward_id = ? LIMIT 1',
      [wardId],
    )) as unknown[];
    if (!campaign) return { rows: [], note: NO_INSPECTIONS };
    const figures = await this.inspections.forWard(wardId, period.from, period.cutoffDate, cutoff);
    const notInspected = figures.byUnit.filter((unit) => !unit.inspected);
    return {
      note: null,
      rows: [
        {
          label: 'Đơn vị đã được kiểm tra / tổng số đơn vị',
          value: `${figures.unitsInspected}/${figures.unitsTotal} (${ratioText(figures.coverageRate)}, mục tiêu 100%)`,
        },
        {
          label: 'Đơn vị chưa được kiểm tra',
          value: notInspected.map((unit) => unit.unitName).join('; ') || 'Không có',
        },
        { label: 'Số tồn tại, hạn chế phát hiện', value: String(figures.findings) },
        { label: 'Đã khắc phục', value: String(figures.remediated) },
        {
          label: 'Đã xử lý xong (khắc phục hoặc kết luận)',
          value: `${figures.settled} (${ratioText(figures.remediationRate)}, mục tiêu 100%)`,
        },
        { label: 'Khắc phục quá hạn', value: String(figures.overdue) },
      ],
    };
  }

  private async plan(planId: string) {
    const [row] = (await this.dataSource.query('SELECT id, number, title FROM plans WHERE id = ?', [
      planId,
    ])) as { id: string; number: string | null; title: string | null }[];
    return row ?? null;
  }

  /** Section (5): what the units sent (submitted or accepted), by unit name. */
  private async contributions(reportId: string): Promise<ContributionLine[]> {
    const rows = (await this.dataSource.query(
      `SELECT u.name AS unit, c.state, c.late, c.snapshot
       FROM report_contributions c JOIN org_units u ON u.id = c.unit_id
       WHERE c.report_id = ? AND c.state IN ('submitted', 'accepted')
       ORDER BY u.name`,
      [reportId],
    )) as { unit: string; state: string; late: number; snapshot: string | object }[];
    return rows.map((row) => {
      const snapshot = (
        typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot
      ) as {
        context: ContributionContext;
      };
      const { results, problems, proposals } = snapshot.context;
      return {
        unit: row.unit,
        state: row.state,
        late: row.late === 1,
        results,
        problems,
        proposals,
      };
    });
  }
}
