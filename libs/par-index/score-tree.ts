import { ParScoreStatus } from '@cchc/domain';
import type { DossierFigures } from '@cchc/dossiers';
import { TargetMetric } from '@cchc/targets';
import { Criterion } from './criteria-tree';

export interface EnteredScore {
  score: number;
  status: ParScoreStatus;
  /** A survey criterion's result in percent (the SIPAS satisfaction rate …), as entered. */
  surveyRate?: number | null;
}

export interface CriterionPoints {
  /** Self-assessed: scores entered and not returned, computed criteria as the product fills them. */
  points: number | null;
  /** As far as the coordinator has accepted them (computed criteria count as accepted). */
  acceptedPoints: number | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A rate-based criterion's points: its maximum × the rate (a fraction), to the hundredth. */
export const pointsOfRate = (maxPoints: number, rate: number): number => round2(maxPoints * rate);

/**
 * The rates computed criteria take from the year's dossier figures (QĐ 766). A year without an
 * overdue dossier owed no apology slip: "100% hồ sơ quá hạn có văn bản xin lỗi" is met, and the
 * criterion scores its maximum (the figures say null: nothing to divide by). A year without a
 * returned dossier has no on-time rate to score.
 */
export function criterionRates(figures: DossierFigures): Map<TargetMetric, number | null> {
  return new Map<TargetMetric, number | null>([
    ['dossiers_on_time', figures.onTimeRate],
    ['apology_coverage', figures.overdue === 0 ? 1 : figures.apologyCoverage],
  ]);
}

/**
 * Points of every criterion: a leaf has its entered score (a returned one counts as none) or,
 * when computed, its maximum × the metric's rate, when a survey, its maximum × the surveyed rate
 * the coordinator entered (both count as accepted: nobody reviews a figure); a parent sums its
 * children (null while none of them has points). Rounded to hundredths, as the provinces
 * publish them.
 */
export function scoreTree(
  criteria: Criterion[],
  scores: Map<string, EnteredScore>,
  rates: Map<TargetMetric, number | null>,
): Map<string, CriterionPoints> {
  const result = new Map<string, CriterionPoints>();
  const pointsOf = (criterion: Criterion): CriterionPoints => {
    const known = result.get(criterion.code);
    if (known) return known;
    const children = criteria.filter((child) => child.parentCode === criterion.code);
    let points: CriterionPoints;
    if (children.length > 0) {
      const parts = children.map(pointsOf);
      const sum = (key: keyof CriterionPoints) =>
        parts.every((part) => part[key] === null)
          ? null
          : round2(parts.reduce((total, part) => total + (part[key] ?? 0), 0));
      points = { points: sum('points'), acceptedPoints: sum('acceptedPoints') };
    } else if (criterion.method === 'computed' && criterion.metric) {
      const rate = rates.get(criterion.metric) ?? null;
      const value = rate === null ? null : pointsOfRate(criterion.maxPoints, rate);
      points = { points: value, acceptedPoints: value };
    } else if (criterion.method === 'survey') {
      const rate = scores.get(criterion.code)?.surveyRate ?? null;
      const value = rate === null ? null : pointsOfRate(criterion.maxPoints, rate / 100);
      points = { points: value, acceptedPoints: value };
    } else {
      const entered = scores.get(criterion.code);
      const value = entered && entered.status !== 'returned' ? entered.score : null;
      points = {
        points: value,
        acceptedPoints: entered?.status === 'accepted' ? entered.score : null,
      };
    }
    result.set(criterion.code, points);
    return points;
  };
  criteria.forEach(pointsOf);
  return result;
}

/** Points as a share of the maximum, in percent with two decimals; null without points. */
export function percentOf(points: number | null, maxPoints: number): number | null {
  return points === null || maxPoints === 0 ? null : round2((points / maxPoints) * 100);
}
