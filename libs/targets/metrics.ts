// The metrics, units and labels of targets are the domain's (the console shows the same labels).
import type { TargetComparator, TargetUnit, TargetVerdict } from '@cchc/domain';

export {
  COMPARATOR_SIGNS,
  TARGET_COMPARATORS,
  TARGET_METRIC_LABELS,
  TARGET_METRICS,
  TARGET_SOURCES,
  TARGET_STATUSES,
  TARGET_UNITS,
  TARGET_VERDICT_LABELS,
  type TargetComparator,
  type TargetMetric,
  type TargetSource,
  type TargetStatus,
  type TargetUnit,
  type TargetVerdict,
} from '@cchc/domain';

/** What a target asks, as far as judging it is concerned. */
export interface TargetRule {
  unit: TargetUnit | null;
  comparator: TargetComparator | null;
  value: number | null;
}

/**
 * Met or not: a percentage actual is a ratio (0.9 = 90%) and is compared in percent rounded to
 * two decimals, so 89.995% counts as 90%; a count is compared as it is.
 */
export function judgeTarget(rule: TargetRule, actual: number | null): TargetVerdict {
  if (rule.comparator === null || rule.value === null) return 'qualitative';
  if (actual === null) return 'no_data';
  const measured = rule.unit === 'percent' ? Math.round(actual * 10_000) / 100 : actual;
  const met =
    rule.comparator === 'gte'
      ? measured >= rule.value
      : rule.comparator === 'lte'
        ? measured <= rule.value
        : measured === rule.value;
  return met ? 'met' : 'not_met';
}
