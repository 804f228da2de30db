import type { components } from '../api/schema';
import { formatNumber } from '../common/format';

export type Target = components['schemas']['TargetView'];
export type TargetActual = components['schemas']['TargetActualView'];

const COMPARATORS = { gte: '≥', eq: '=', lte: '≤' } as const;

/** The target as written: "≥ 90%", "= 100%", "≤ 0", or its qualitative wording. */
export function targetText(target: Target): string {
  if (target.qualitative) return target.qualitative;
  if (target.comparator === null || target.value === null) return '—';
  const unit = target.unit === 'percent' ? '%' : '';
  return `${COMPARATORS[target.comparator]} ${formatNumber(target.value)}${unit}`;
}

/** The actual against the target's unit (a rate 0.925 is "92,5%"), with its basis "37/40". */
export function actualText(row: TargetActual): string {
  if (row.actual === null) return '—';
  const value =
    row.target.unit === 'percent'
      ? `${formatNumber(Math.round(row.actual * 1000) / 10)}%`
      : formatNumber(row.actual);
  return row.basis
    ? `${value} (${formatNumber(row.basis.numerator)}/${formatNumber(row.basis.denominator)})`
    : value;
}

/** The verdict's tag class (styles.css: contrast-checked colours). */
export const VERDICT_TAGS: Record<TargetActual['verdict'], string> = {
  met: 'tag-good',
  not_met: 'tag-bad',
  qualitative: 'tag-neutral',
  no_data: 'tag-warning',
};

/** The end of a calendar day in Việt Nam, as the instant the API counts figures up to. */
export function endOfDay(isoDate: string): string {
  return `${isoDate}T23:59:59+07:00`;
}
