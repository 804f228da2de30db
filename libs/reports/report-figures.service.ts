import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, endOfDayInstant, todayIn } from '@cchc/calendar';
import { ReadDatabase } from '@cchc/database';
import { ContributionContext, IsoDate } from '@cchc/domain';
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
  verdictRatioText,
} from './report-content';
import { NO_INSPECTIONS, NO_TARGETS } from './report-documents';
import { planTasksAsOf } from './plan-task-history';
import { ReportCalendarService } from './report-calendar.service';
import { nextPeriodRef, ReportPeriod } from './reporting-calendar';

/** A rate against its 100% target: 0.9996 reads "99,96%", never "100%". */
const ofFull = (rate: number | null) =>
  rate === null
    ? ratioText(rate)
    : verdictRatioText(rate, { comparator: 'gte', value: 100 }, rate >= 1);

/** What the figures need of a report row. */
export interface ReportSource {
  id: string;
  wardId: string;
  planId: string | null;
  period: ReportPeriod;
}

/**
 * Gathers a report's contents as of an instant (the end of the cut-off day, or the compile time
 * when that comes first): tasks from their audit history, dossier figures
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

  async content(
    report: ReportSource,
    cutoffInstant: Date,
  ): Promise<Omit<ReportContent, 'auditCheckpoint'>> {
    const { period } = report;
    // The last day counted: the cut-off day, or today when compiled before the cut-off has ended.
    const countedTo = todayIn(cutoffInstant);
    const early = cutoffInstant < endOfDayInstant(period.cutoffDate);
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
      { from: period.from, to: countedTo },
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
      tasks: taskSection(tasks, countedTo),
      dossiers: {
        from: period.from,
        to: countedTo,
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
      targets: await this.targetSection(report, countedTo, cutoffInstant),
      inspections: await this.inspectionSection(report.wardId, period, countedTo, cutoffInstant),
      contributions: await this.contributions(report.id),
      // Compiled early, the open tasks due from today on are still ahead of the ward.
      nextTasks: nextPeriodTasks(
        tasks,
        early ? addDays(countedTo, -1) : period.cutoffDate,
        next.cutoffDate,
      ),
    };
  }

  /** Section (3): every confirmed target of the plan with its actual as of the cut-off. */
  private async targetSection(
    report: ReportSource,
    countedTo: IsoDate,
    cutoff: Date,
  ): Promise<OptionalSection<TargetLine>> {
    if (!report.planId) return { rows: [], note: NO_TARGETS };
    const { targets } = await this.targets.forPlan(report.wardId, report.planId, {
      from: report.period.from,
      to: countedTo,
      cutoff,
    });
    if (targets.length === 0) return { rows: [], note: NO_TARGETS };
    return {
      note: null,
      rows: targets.map(({ target, actual, verdict, verdictLabel }) => {
        const percent = target.unit === 'percent';
        const met = verdict === 'met' ? true : verdict === 'not_met' ? false : null;
        const judged =
          target.comparator === null || target.value === null
            ? null
            : { comparator: target.comparator, value: target.value };
        return {
          code: target.code,
          name: target.name,
          target:
            target.comparator === null || target.value === null
              ? (target.qualitative ?? '')
              : `${COMPARATOR_SIGNS[target.comparator]} ${target.value}${percent ? '%' : ''}`,
          actual:
            actual === null
              ? null
              : !percent
                ? String(actual)
                : judged
                  ? verdictRatioText(actual, judged, met)
                  : ratioText(actual),
          met,
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
    countedTo: IsoDate,
    cutoff: Date,
  ): Promise<OptionalSection<InspectionLine>> {
    const [campaign] = (await this.dataSource.query(
      'SELECT id FROM inspection_campaigns WHERE ward_id = ? LIMIT 1',
      [wardId],
    )) as unknown[];
    if (!campaign) return { rows: [], note: NO_INSPECTIONS };
    const figures = await this.inspections.forWard(wardId, period.from, countedTo, cutoff);
    const notInspected = figures.byUnit.filter((unit) => !unit.inspected);
    return {
      note: null,
      rows: [
        {
          label: 'Đơn vị đã được kiểm tra / tổng số đơn vị',
          value: `${figures.unitsInspected}/${figures.unitsTotal} (${ofFull(figures.coverageRate)}, mục tiêu 100%)`,
        },
        {
          label: 'Đơn vị chưa được kiểm tra',
          value: notInspected.map((unit) => unit.unitName).join('; ') || 'Không có',
        },
        { label: 'Số tồn tại, hạn chế phát hiện', value: String(figures.findings) },
        { label: 'Đã khắc phục', value: String(figures.remediated) },
        {
          label: 'Đã xử lý xong (khắc phục hoặc kết luận)',
          value: `${figures.settled} (${ofFull(figures.remediationRate)}, mục tiêu 100%)`,
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
