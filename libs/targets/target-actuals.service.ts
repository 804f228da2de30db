import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { reportingYear, todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { shortDate } from '@cchc/documents';
import { DossierStatsService } from '@cchc/dossiers';
import { annualReportingRule, InspectionStats } from '@cchc/inspections';
import { TargetActualView, TargetActualsView, TargetView } from './dto/target-view.dto';
import { bestMatchingValue } from './entered-values';
import { judgeTarget, TARGET_VERDICT_LABELS, TargetMetric } from './metrics';
import { loadTargets, planInWard } from './target-records';
import { PlanTaskFigures, planTaskFigures, Ratio, ratio } from './task-figures';

export interface ActualsWindow {
  /**
   * First day of the period (default: the first day of the plan's reporting year, as the annual
   * report counts it: 15/12 of the year before, or the ward's own start).
   */
  from?: string;
  /** Last day of the period (default: the annual cut-off of the plan's year, 14/12). */
  to?: string;
  /** The instant the figures are counted as of (default: now). */
  cutoff?: Date;
  /**
   * Entered values are those entered by this instant (default: now — for a report, when it is
   * compiled: a period's figure can only be entered once the period is over).
   */
  enteredBy?: Date;
}

interface Actual {
  ratio: Ratio | null;
  value: number | null;
  note: string | null;
}

/**
 * The actual of every confirmed target of a plan, as of a cut-off: computed metrics from the
 * plan's tasks (their state at the cut-off, from the audit history) and the dossier figures of
 * QĐ 766 (DossierStatsService), units inspected (InspectionStats), entered targets from the
 * value whose period best matches the window up to the cut-off's day; then met / not met.
 */
@Injectable()
export class TargetActuals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossierStats: DossierStatsService,
    private readonly inspectionStats: InspectionStats,
    private readonly clock: Clock,
  ) {}

  async forPlan(
    wardId: string,
    planId: string,
    window: ActualsWindow = {},
  ): Promise<TargetActualsView> {
    const plan = await planInWard(this.dataSource, wardId, planId);
    // The same year the annual report covers, so the targets page and the report agree.
    const year = reportingYear(await annualReportingRule(this.dataSource, wardId), plan.year);
    const from = window.from ?? year.from;
    const to = window.to ?? year.to;
    const cutoff = window.cutoff ?? this.clock.now();
    const enteredBy = window.enteredBy ?? this.clock.now();
    // Nothing after the cut-off's day is counted: a later period's value is no figure of it.
    const lastDay = [to, todayIn(cutoff)].sort()[0];
    const targets = (await loadTargets(this.dataSource, planId)).filter(
      (target) => target.status === 'confirmed',
    );
    const computed = await this.computed(wardId, planId, { from, lastDay, cutoff }, targets);
    const views = targets.map((target): TargetActualView => {
      const actual =
        target.source === 'computed' && target.metric
          ? computed(target.metric)
          : enteredActual(target, from, lastDay, enteredBy);
      const measured = actual.ratio ? actual.ratio.rate : actual.value;
      const verdict = judgeTarget(target, measured);
      return {
        target,
        actual: measured,
        basis: actual.ratio
          ? { numerator: actual.ratio.numerator, denominator: actual.ratio.denominator }
          : null,
        verdict,
        verdictLabel: TARGET_VERDICT_LABELS[verdict],
        note: actual.note,
      };
    });
    return { planId, from, to, cutoff, targets: views };
  }

  /** Each metric is counted once, and only when a target asks for it. */
  private async computed(
    wardId: string,
    planId: string,
    window: { from: string; lastDay: string; cutoff: Date },
    targets: TargetView[],
  ): Promise<(metric: TargetMetric) => Actual> {
    const metrics = new Set(targets.map((target) => target.metric));
    const tasks: PlanTaskFigures | null =
      metrics.has('tasks_completed') || metrics.has('tasks_on_time')
        ? await planTaskFigures(this.dataSource, planId, window.cutoff)
        : null;
    // Dossiers received from the period's start to the cut-off's day (or the period's end, if
    // earlier); units inspected from the start of the reporting year (InspectionStats).
    const { lastDay } = window;
    const dossiers =
      metrics.has('dossiers_on_time') || metrics.has('apology_coverage')
        ? (
            await this.dossierStats.figures(
              wardId,
              { from: window.from, to: lastDay },
              window.cutoff,
            )
          ).overall
        : null;
    const inspections = metrics.has('units_self_inspected')
      ? await this.inspectionStats.forWard(wardId, window.from, lastDay)
      : null;
    const ofRatio = (value: Ratio | null, note: string | null = null): Actual => ({
      ratio: value,
      value: null,
      note: value === null || value.rate === null ? (note ?? 'Chưa có đối tượng để tính.') : note,
    });
    return (metric) => {
      switch (metric) {
        case 'tasks_completed':
          return ofRatio(tasks?.completed ?? null);
        case 'tasks_on_time':
          return ofRatio(tasks?.onTime ?? null);
        case 'dossiers_on_time':
          return ofRatio(
            dossiers &&
              ratio(
                dossiers.returnedEarly + dossiers.returnedOnTime,
                dossiers.returnedEarly + dossiers.returnedOnTime + dossiers.returnedLate,
              ),
            'Hồ sơ tiếp nhận từ đầu kỳ đến ngày chốt số liệu, theo tình trạng hiện tại (QĐ 766).',
          );
        case 'apology_coverage':
          return ofRatio(
            dossiers && ratio(dossiers.overdueWithIssuedSlip, dossiers.overdue),
            'Hồ sơ tiếp nhận từ đầu kỳ đến ngày chốt số liệu, theo tình trạng hiện tại.',
          );
        case 'units_self_inspected':
          return ofRatio(
            inspections && ratio(inspections.unitsInspected, inspections.unitsTotal),
            inspections &&
              `Đơn vị đã được kiểm tra (đợt kiểm tra CCHC) từ ${shortDate(inspections.coverageFrom)} đến ${shortDate(inspections.to)} trên tổng số đơn vị của phường (mỗi đơn vị ít nhất một lần trong năm).`,
          );
      }
    };
  }
}

/**
 * An entered target's actual: the value whose period best matches [from, lastDay] (see
 * bestMatchingValue), among those entered by `enteredBy`. A period's figure is entered after the
 * period ends (Q2's rate, 15/3–14/6, around the 20th of June), so a report compiled after its
 * cut-off reads what was entered by its compiling, and a recompile what was entered by then.
 */
function enteredActual(target: TargetView, from: string, lastDay: string, enteredBy: Date): Actual {
  const best = bestMatchingValue(target.values, from, lastDay, enteredBy);
  if (!best) return { ratio: null, value: null, note: 'Chưa nhập số liệu cho kỳ này.' };
  const value = target.unit === 'percent' ? best.value / 100 : best.value;
  return { ratio: null, value, note: `Số liệu kỳ ${best.from} – ${best.to}` };
}
