import type { PlannedTask } from './planned-tasks';

/** A task of the plan as stored: what its row said when it was (last) imported. */
export interface StoredTask {
  id: string;
  key: string;
  state: string;
  area: string | null;
  ordinal: string;
  title: string;
  content: string;
  requirement: string | null;
  product: string | null;
  leadUnitRaw: string | null;
  coordinatingRaw: string | null;
  leaderRaw: string | null;
  deadlineRaw: string | null;
}

/** What the plan's row says, field by field; units, leader and deadline as written. */
export const COMPARED_FIELDS = [
  'content',
  'requirement',
  'product',
  'leadUnit',
  'coordinatingUnits',
  'leader',
  'deadline',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  field: ComparedField;
  before: string | null;
  after: string | null;
}

export interface TaskChange {
  task: StoredTask;
  fields: FieldChange[];
  incoming: PlannedTask;
}

export interface PlanDiff {
  added: PlannedTask[];
  changed: TaskChange[];
  removed: StoredTask[];
  unchanged: number;
}

/** The cells of a row, as both a stored task and a planned one keep them. */
type RowText = Pick<
  StoredTask,
  | 'content'
  | 'requirement'
  | 'product'
  | 'leadUnitRaw'
  | 'coordinatingRaw'
  | 'leaderRaw'
  | 'deadlineRaw'
>;

const cells = (task: RowText): Record<ComparedField, string | null> => ({
  content: task.content,
  requirement: task.requirement,
  product: task.product,
  leadUnit: task.leadUnitRaw,
  coordinatingUnits: task.coordinatingRaw,
  leader: task.leaderRaw,
  deadline: task.deadlineRaw,
});

/** Whitespace and empty cells are not changes: a re-typed table must not amend every task. */
const normalized = (text: string | null) => text?.replace(/\s+/g, ' ').trim() || null;

/**
 * Compares a plan as stored with an amended version of it. Tasks are matched by `key`
 * (section + ordinal, see `taskKey`); the texts of the row are compared, not the task's current
 * values, so that a deadline extended or a task reassigned since the import is not undone
 * unless the plan itself changed that cell. A cancelled task still answers for its row (a row
 * cancelled during the year is not new when the plan comes again); only live tasks can be
 * removed, and the caller decides what a change to a settled task means.
 */
export function diffPlan(stored: StoredTask[], incoming: PlannedTask[]): PlanDiff {
  // A key answered by a cancelled task and by a live one (restored by hand) means the live one.
  const byKey = new Map<string, StoredTask>();
  for (const task of stored) {
    const known = byKey.get(task.key);
    if (!known || known.state === 'cancelled') byKey.set(task.key, task);
  }
  const incomingKeys = new Set(incoming.map((task) => task.key));
  const diff: PlanDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const task of incoming) {
    const before = byKey.get(task.key);
    if (!before) {
      diff.added.push(task);
      continue;
    }
    const [was, is] = [cells(before), cells(task)];
    const fields = COMPARED_FIELDS.filter(
      (field) => normalized(was[field]) !== normalized(is[field]),
    ).map((field) => ({ field, before: was[field], after: is[field] }));
    if (fields.length > 0) diff.changed.push({ task: before, fields, incoming: task });
    else diff.unchanged += 1;
  }
  diff.removed = [...byKey.values()].filter(
    (task) => task.state !== 'cancelled' && !incomingKeys.has(task.key),
  );
  return diff;
}
