import type { PlanImportPreview, PlanProblem, PlanSummary } from '../api/types';

/** The column each import problem names, as the coordinator reads it. */
export const PLAN_FIELD_LABELS: Record<string, string> = {
  ordinal: 'STT',
  content: 'Nội dung',
  leadUnit: 'Đơn vị chủ trì',
  coordinatingUnits: 'Đơn vị phối hợp',
  leader: 'Lãnh đạo phụ trách',
  product: 'Sản phẩm',
  requirement: 'Yêu cầu',
  deadline: 'Thời hạn',
  table: 'Bảng nhiệm vụ',
  number: 'Số kế hoạch',
  title: 'Tên kế hoạch',
  year: 'Năm',
  issueDate: 'Ngày ban hành',
};

export type ProblemLevel = 'error' | 'warning';

export interface RowProblem extends PlanProblem {
  level: ProblemLevel;
}

export interface SortedProblems {
  /** Problems of the plan as a whole (no row). */
  plan: RowProblem[];
  /** Problems by source row, errors first. */
  byRow: Map<number, RowProblem[]>;
}

/** Puts each warning and error beside the row it names, so the preview can highlight it. */
export function sortProblems(errors: PlanProblem[], warnings: PlanProblem[]): SortedProblems {
  const all: RowProblem[] = [
    ...errors.map((problem) => ({ ...problem, level: 'error' as const })),
    ...warnings.map((problem) => ({ ...problem, level: 'warning' as const })),
  ];
  const sorted: SortedProblems = { plan: [], byRow: new Map() };
  for (const problem of all) {
    if (problem.row === null) {
      sorted.plan.push(problem);
      continue;
    }
    const row = sorted.byRow.get(problem.row) ?? [];
    row.push(problem);
    sorted.byRow.set(problem.row, row);
  }
  return sorted;
}

/** "Dòng 12, Thời hạn: …" — where the problem is, then what it is. */
export function describeProblem(problem: PlanProblem): string {
  const where = [
    problem.row === null ? null : `Dòng ${problem.row}`,
    problem.field ? (PLAN_FIELD_LABELS[problem.field] ?? problem.field) : null,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${problem.message}` : problem.message;
}

/** The worst level among a row's problems, or null when the row is clean. */
export function rowLevel(problems: RowProblem[] | undefined): ProblemLevel | null {
  if (!problems || problems.length === 0) return null;
  return problems.some((problem) => problem.level === 'error') ? 'error' : 'warning';
}

/**
 * The kind the wizard preselects and why: an amended plan keeps its own, a new one takes the
 * kind its title suggests (the preview's `suggestedKind`).
 */
export function preselectedKind(
  preview: Pick<PlanImportPreview, 'suggestedKind'>,
  amended: Pick<PlanSummary, 'kind'> | undefined,
): PlanImportPreview['suggestedKind'] {
  if (amended) return { kind: amended.kind, reason: 'loại của kế hoạch đang điều chỉnh' };
  return preview.suggestedKind;
}
