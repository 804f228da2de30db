import type { PlanProblem } from '../types';
import type { RawTask } from './interpret-rows';
import { ancestorOrdinals, hierarchicalOrdinal } from './ordinals';

export interface TaskPlacement {
  parent: string | null;
  isGroup: boolean;
}

const keyOf = (area: string | null, ordinal: string) => `${area ?? ''}|${ordinal}`;

/**
 * Hierarchical ordinals within an area: "2.1" hangs under "2", "2.1.1" under "2.1" (or "2"
 * when "2.1" is absent), "I.1.2" under "I.1". A row that has children is a group, the others are leaf tasks.
 * Ordinals are only unique inside an area: some plans restart at 1 in every section.
 */
export function placeTasks(tasks: RawTask[]): {
  placements: TaskPlacement[];
  warnings: PlanProblem[];
} {
  const warnings: PlanProblem[] = [];
  const byKey = new Map<string, number>();
  tasks.forEach((task, index) => {
    if (task.ordinal === null) return;
    const key = keyOf(task.area, task.ordinal);
    if (byKey.has(key)) {
      warnings.push({
        row: task.sourceRow,
        field: 'ordinal',
        message: `Số thứ tự '${task.ordinal}' bị trùng trong cùng một mục.`,
      });
    } else {
      byKey.set(key, index);
    }
  });
  const placements: TaskPlacement[] = tasks.map(() => ({ parent: null, isGroup: false }));
  tasks.forEach((task, index) => {
    if (task.ordinal === null || hierarchicalOrdinal(task.ordinal) === null) return;
    const ancestors = ancestorOrdinals(task.ordinal);
    const parent = ancestors.find((ordinal) => byKey.has(keyOf(task.area, ordinal)));
    if (parent === undefined) {
      if (ancestors.length > 0) {
        warnings.push({
          row: task.sourceRow,
          field: 'ordinal',
          message: `Không tìm thấy mục cha '${ancestors[0]}' của nhiệm vụ ${task.ordinal}.`,
        });
      }
      return;
    }
    placements[index].parent = parent;
    placements[byKey.get(keyOf(task.area, parent)) as number].isGroup = true;
  });
  return { placements, warnings };
}
