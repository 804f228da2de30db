import type { PlanPreview, PlanProblem } from './types';

/** Thrown when a file cannot be read at all, or when an import is attempted despite errors. */
export class PlanImportError extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
    this.name = 'PlanImportError';
  }
}

/** The real import runs only on a preview without errors (warnings are the person's call). */
export function assertImportable(preview: PlanPreview): void {
  if (preview.errors.length > 0) throw new PlanImportError(preview.errors);
}
