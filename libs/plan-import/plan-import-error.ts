import type { PlanPreview, PlanProblem } from './types';

/**
 * Thrown when a file cannot be read at all, or when an import is attempted despite errors.
 * `problems` lists every one with its row and field; the message sums them up for a person.
 */
export class PlanImportError extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(summary(problems));
    this.name = 'PlanImportError';
  }
}

function located(problem: PlanProblem): string {
  return problem.row === null ? problem.message : `Dòng ${problem.row}: ${problem.message}`;
}

function summary(problems: PlanProblem[]): string {
  if (problems.length === 0) return 'Không nhập được kế hoạch.';
  if (problems.length === 1) return located(problems[0]);
  return `Không nhập được kế hoạch: ${problems.length} lỗi, lỗi đầu tiên — ${located(problems[0])}`;
}

/** The real import runs only on a preview without errors (warnings are the person's call). */
export function assertImportable(preview: PlanPreview): void {
  if (preview.errors.length > 0) throw new PlanImportError(preview.errors);
}
