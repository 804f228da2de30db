import type { Criterion } from './types';

/** A criterion with its sub-criteria, as antd's tree table wants them (no empty `children`). */
export type CriterionRow = Criterion & { children?: CriterionRow[] };

/** The flat list of the API (area → criterion → sub-criterion, linked by parentCode) as a tree. */
export function criteriaTree(criteria: Criterion[]): CriterionRow[] {
  const rows = new Map<string, CriterionRow>(criteria.map((c) => [c.code, { ...c }]));
  const roots: CriterionRow[] = [];
  for (const criterion of criteria) {
    const row = rows.get(criterion.code)!;
    const parent = criterion.parentCode === null ? undefined : rows.get(criterion.parentCode);
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

const points = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Points with up to two decimals (1,25); a dash where nothing is scored yet. */
export function formatPoints(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : points.format(value);
}

/** A percentage already in percent (87.5 → "87,5%"). */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${points.format(value)}%`;
}

/** Leaves the coordinator still has to review: the count on the page's heading. */
export function awaitingReview(criteria: Criterion[]): number {
  return criteria.filter((c) => c.leaf && c.score?.status === 'submitted').length;
}
