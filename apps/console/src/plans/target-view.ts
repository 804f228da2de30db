import { COMPARATOR_SIGNS } from '@cchc/domain';
import type { components } from '../api/schema';
import { formatNumber } from '../common/format';

export type Target = components['schemas']['TargetView'];
export type TargetActual = components['schemas']['TargetActualView'];
export type TargetBody = components['schemas']['TargetDto'];

/** The target as written: "≥ 90%", "= 100%", "≤ 0", or its qualitative wording. */
export function targetText(target: Target): string {
  if (target.qualitative) return target.qualitative;
  if (target.comparator === null || target.value === null) return '—';
  const unit = target.unit === 'percent' ? '%' : '';
  return `${COMPARATOR_SIGNS[target.comparator]} ${formatNumber(target.value)}${unit}`;
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
  met: 'tone-good',
  not_met: 'tone-bad',
  qualitative: 'tone-neutral',
  no_data: 'tone-warning',
};

/** The end of a calendar day in Việt Nam, as the instant the API counts figures up to. */
export function endOfDay(isoDate: string): string {
  return `${isoDate}T23:59:59+07:00`;
}

/** The target form's fields: a figure or a qualitative wording, computed or entered. */
export interface TargetFormValues {
  code: string;
  name: string;
  kind: 'figure' | 'qualitative';
  unit?: NonNullable<Target['unit']>;
  comparator?: NonNullable<Target['comparator']>;
  value?: number;
  qualitative?: string;
  source: Target['source'];
  metric?: NonNullable<Target['metric']>;
}

export function targetFormValues(target: Target | null): TargetFormValues {
  if (!target) return { code: '', name: '', kind: 'figure', unit: 'percent', source: 'entered' };
  return {
    code: target.code,
    name: target.name,
    kind: target.qualitative ? 'qualitative' : 'figure',
    unit: target.unit ?? undefined,
    comparator: target.comparator ?? undefined,
    value: target.value ?? undefined,
    qualitative: target.qualitative ?? undefined,
    source: target.source,
    metric: target.metric ?? undefined,
  };
}

/** What POST/PUT /plans/{id}/targets take: a qualitative target has no figure, an entered one no metric. */
export function targetBody(values: TargetFormValues): TargetBody {
  const qualitative = values.kind === 'qualitative';
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    unit: qualitative ? null : (values.unit ?? null),
    comparator: qualitative ? null : (values.comparator ?? null),
    value: qualitative ? null : (values.value ?? null),
    qualitative: qualitative ? (values.qualitative?.trim() ?? null) : null,
    source: values.source,
    metric: values.source === 'computed' ? (values.metric ?? null) : null,
  };
}
