import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { DossierStatsService } from '@cchc/dossiers';
import { InspectionStats } from '@cchc/inspections';
import { TargetActualView, TargetActualsView, TargetView } from './dto/target-view.dto';
import { judgeTarget, TARGET_VERDICT_LABELS, TargetMetric } from './metrics';
import { loadTargets, planInWard } from './target-records';
import { PlanTaskFigures, planTaskFigures, Ratio, ratio } from './task-figures';

export interface ActualsWindow {
  /** First day of the period (default: 1 January of the plan's year). */
  from?: string;
  /** Last day of the period (default: 31 December of the plan's year). */
  to?: string;
  /** The instant the figures are counted as of (default: now). */
  cutoff?: Date;
}

interface Actual {
  ratio: Ratio | null;
  value: number | null;
  note: string | null;
}

/**
 * The actual of every confirmed target of a plan, as of a cut-off: computed metrics from the
 * plan's tasks (their state at the cut-off, from the audit history) and the dossier figures of
 * QĐ 766 (DossierStatsService), units inspected (InspectionStats), entered targets from the latest value of a period within the
 * window entered by the cut-off; then met / not met.
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
    const from = window.from ?? `${plan.year}-01-01`;
    const to = window.to ?? `${plan.year}-12-31`;
    const cutoff = window.cutoff ?? this.clock.now();
    const targets = (await loadTargets(this.dataSource, planId)).filter(
      (target) => target.status === 'confirmed',
    );
    const computed = await this.computed(wardId, planId, { from, to, cutoff }, targets);
    const views = targets.map((target): TargetActualView => {
      const actual =
        target.source === 'computed' && target.metric
          ? computed(target.metric)
          : enteredActual(target, from, to, cutoff);
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
    window: Required<ActualsWindow>,
    targets: TargetView[],
  ): Promise<(metric: TargetMetric) => Actual> {
    const metrics = new Set(targets.map((target) => target.metric));
    const tasks: PlanTaskFigures | null =
      metrics.has('tasks_completed') || metrics.has('tasks_on_time')
        ? await planTaskFigures(this.dataSource, planId, window.cutoff)
        : null;
    // Dossiers received and visits done from the period's start to the cut-off's day (or the
    // period's end, if earlier).
    const lastDay = [window.to, todayIn(window.cutoff)].sort()[0];
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
            'Đơn vị đã được kiểm tra (đợt kiểm tra CCHC) trên tổng số đơn vị của phường.',
          );
      }
    };
  }
}

/**
 * An entered target's actual: the value of the period within the window that ends last, as it
 * was entered by the cut-off (a value entered afterwards is not known yet).
 */
function enteredActual(target: TargetView, from: string, to: string, cutoff: Date): Actual {
  const known = target.values.filter(
    (value) => value.from >= from && value.to <= to && new Date(value.enteredAt) <= cutoff,
  );
  const latest = known.sort((a, b) => a.to.localeCompare(b.to)).at(-1);
  if (!latest) return { ratio: null, value: null, note: 'Chưa nhập số liệu cho kỳ này.' };
  const value = target.unit === 'percent' ? latest.value / 100 : latest.value;
  return { ratio: null, value, note: `Số liệu kỳ ${latest.from} – ${latest.to}` };
}
