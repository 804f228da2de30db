import { mayOpen } from '../access';
import type { PlanSummary, Role } from '../api/types';

/** Who may import or amend a plan (the API's rule on POST /plans/import). */
export function canImportPlans(role: Role): boolean {
  return mayOpen(role, 'planImport');
}

/** "Kế hoạch số 07/KH-UBND — Tên", falling back on the file name when the plan has neither. */
export function planName(plan: Pick<PlanSummary, 'number' | 'title' | 'sourceFile'>): string {
  const number = plan.number ? `Số ${plan.number}` : null;
  return [number, plan.title].filter(Boolean).join(' — ') || plan.sourceFile;
}
