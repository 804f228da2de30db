import type { Task } from '../api/types';

/**
 * The task's STT as its plan's Word table shows it, under its section: "II.8" is row 8 of
 * section II ("8" without a section). A group row's task for one of its units is that row's
 * number ("8:VHXH" → "II.8"; the unit column says which unit). Empty for a task not from a plan.
 */
export function planOrdinal(task: Pick<Task, 'areaCode' | 'ordinal'>): string {
  const ordinal = task.ordinal?.split(':')[0].trim();
  // "#3" is the importer's own count for a row the plan left unnumbered: no STT to show.
  if (!ordinal || ordinal.startsWith('#')) return '';
  const area = task.areaCode?.trim();
  // An ordinal may already name its section ("I.1" under section I).
  return area && !ordinal.startsWith(`${area}.`) ? `${area}.${ordinal}` : ordinal;
}
