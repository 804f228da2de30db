import type { IsoDate } from '@cchc/domain';
import type { PlanMetadata, PlanProblem, PlanTaskPreview } from '../types';

/** "2026-03-31" → "31/03/2026", as dates are written in Vietnamese documents. */
const vnDate = (date: IsoDate) => date.split('-').reverse().join('/');

/**
 * Doubts about what the plan says, not about how it was read: a deadline before the plan was
 * issued or outside its year, a recurring task without a reporting rhythm. Duplicate ordinals
 * are reported where the hierarchy is built.
 */
export function qualityWarnings(plan: PlanMetadata, tasks: PlanTaskPreview[]): PlanProblem[] {
  const warnings: PlanProblem[] = [];
  for (const task of tasks) {
    const deadline = task.deadline;
    if (!deadline) continue;
    const warn = (message: string) =>
      warnings.push({ row: task.sourceRow, field: 'deadline', message });
    const dates = [...new Set([...deadline.milestones, ...(deadline.due ? [deadline.due] : [])])];
    const early = plan.issueDate ? dates.filter((date) => date < (plan.issueDate as IsoDate)) : [];
    if (early.length > 0 && plan.issueDate)
      warn(
        `Hạn ${vnDate(early[0])} ('${deadline.raw}') trước ngày ban hành kế hoạch ${vnDate(plan.issueDate)}; cần kiểm tra.`,
      );
    const outside = dates.filter((date) => plan.year !== null && !date.startsWith(`${plan.year}-`));
    if (outside.length > 0)
      warn(
        `Hạn ${vnDate(outside[0])} ('${deadline.raw}') nằm ngoài năm kế hoạch ${plan.year}; cần kiểm tra.`,
      );
    if (deadline.kind === 'recurring' && deadline.recurrence === null)
      warn(
        `Nhiệm vụ '${deadline.raw}' chưa có nhịp báo cáo (hằng tháng, hằng quý…); cần đặt kỳ báo cáo.`,
      );
  }
  return warnings;
}
