import { createHash } from 'node:crypto';
import type { PlanMetadata } from '../types';
import type { PlannedTask } from './planned-tasks';

/**
 * What identifies a plan that has no number yet (a draft "Số: /QĐ-UBND"): its year, title and
 * every task row as written. Importing the same file again gives the same hash; any change to a
 * row gives another.
 */
export function planContentHash(plan: PlanMetadata, tasks: PlannedTask[]): string {
  const rows = tasks.map((task) => [
    task.key,
    task.content,
    task.requirement,
    task.product,
    task.leadUnitRaw,
    task.coordinatingRaw,
    task.leaderRaw,
    task.deadlineRaw,
  ]);
  return createHash('sha256')
    .update(JSON.stringify([plan.year, plan.title, rows]))
    .digest('hex');
}
