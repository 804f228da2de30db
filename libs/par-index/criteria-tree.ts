import { TargetMetric, TARGET_METRICS } from '@cchc/targets';

export const SCORING_METHODS = ['self', 'survey', 'computed'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

export const SCORING_METHOD_LABELS: Record<ScoringMethod, string> = {
  self: 'Tự chấm, có tài liệu kiểm chứng',
  survey: 'Điều tra xã hội học',
  computed: 'Hệ thống tính',
};

/** The metrics a computed criterion may take its rate from (dossier figures of the year). */
export const CRITERION_METRICS: readonly TargetMetric[] = ['dossiers_on_time', 'apology_coverage'];

export type CriterionLevel = 'area' | 'criterion' | 'subCriterion';

/** A criterion as a file gives it. */
export interface CriterionInput {
  code: string;
  name: string;
  maxPoints: number;
  method: ScoringMethod;
  metric?: TargetMetric | null;
}

export interface Criterion extends CriterionInput {
  level: CriterionLevel;
  parentCode: string | null;
  metric: TargetMetric | null;
  position: number;
}

export interface TreeProblem {
  /** 1-based position of the criterion in the file (its row, after a sheet's header). */
  row: number;
  field: string;
  message: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const AREA_CODE = /^(?:[IVX]+|\d+)$/;
const CHILD_CODE = /^\d+(?:\.\d+){1,2}$/;

/**
 * The criteria tree of a PAR Index: areas ("III" or "3") → criteria ("3.2") → sub-criteria
 * ("3.2.1"), as the task ordinals of a PAR-Index plan write them. A child's parent is its code
 * without the last part, and "3.x" belongs to area III (or 3). Every problem names its row.
 * Children may not be worth more together than their parent.
 */
export function buildCriteriaTree(inputs: CriterionInput[]): {
  criteria: Criterion[];
  problems: TreeProblem[];
} {
  const problems: TreeProblem[] = [];
  const byCode = new Map<string, Criterion>();
  const areaOf = (number: string) =>
    [...byCode.values()].find(
      (item) =>
        item.level === 'area' && (item.code === number || item.code === ROMAN[Number(number) - 1]),
    );
  inputs.forEach((input, index) => {
    const row = index + 1;
    const problem = (field: string, message: string) => problems.push({ row, field, message });
    const code = input.code.trim();
    if (byCode.has(code)) return problem('code', `Mã tiêu chí ${code} trùng với một dòng trước.`);
    let level: CriterionLevel;
    let parentCode: string | null = null;
    if (AREA_CODE.test(code)) level = 'area';
    else if (CHILD_CODE.test(code)) {
      const parts = code.split('.');
      level = parts.length === 2 ? 'criterion' : 'subCriterion';
      parentCode =
        level === 'criterion' ? (areaOf(parts[0])?.code ?? null) : parts.slice(0, 2).join('.');
      if (parentCode === null || !byCode.has(parentCode))
        return problem(
          'code',
          `Tiêu chí ${code} không có ${level === 'criterion' ? `lĩnh vực ${parts[0]}` : `tiêu chí ${parts.slice(0, 2).join('.')}`} ở các dòng trước.`,
        );
    } else
      return problem(
        'code',
        `Mã "${code}" không phải mã lĩnh vực (I, II … hoặc 1, 2 …) hay tiêu chí (3.2, 3.2.1).`,
      );
    const metric = input.metric ?? null;
    if (input.method === 'computed' && (metric === null || !CRITERION_METRICS.includes(metric)))
      return problem(
        'metric',
        `Tiêu chí ${code} do hệ thống tính cần metric là một trong: ${CRITERION_METRICS.join(', ')}.`,
      );
    if (metric !== null && !(TARGET_METRICS as readonly string[]).includes(metric))
      return problem('metric', `metric "${metric}" không có.`);
    byCode.set(code, { ...input, code, level, parentCode, metric, position: row });
  });
  for (const parent of byCode.values()) {
    const children = [...byCode.values()].filter((child) => child.parentCode === parent.code);
    const sum = children.reduce((total, child) => total + child.maxPoints, 0);
    if (children.length > 0 && sum > parent.maxPoints + 1e-9)
      problems.push({
        row: parent.position,
        field: 'maxPoints',
        message: `Tổng điểm tối đa các tiêu chí con của ${parent.code} (${sum}) vượt điểm tối đa ${parent.maxPoints}.`,
      });
  }
  return { criteria: [...byCode.values()], problems };
}

/** Leaves are scored; an area or a criterion with sub-criteria sums its children. */
export function isLeaf(criteria: Criterion[], code: string): boolean {
  return !criteria.some((criterion) => criterion.parentCode === code);
}
