import { PlanKind } from '@cchc/domain';
import { FieldChange, PlanDiff } from '@cchc/plan-import';

/** The plan's kind as stored and as the import leaves it (the same unless `kind` says another). */
export interface PlanKindChange {
  before: PlanKind;
  after: PlanKind;
}

/** A diff as the person confirming it reads it. */
export interface PlanDiffView {
  added: { ordinal: string; area: string | null; title: string; sourceRow: number }[];
  changed: {
    taskId: string;
    ordinal: string;
    area: string | null;
    title: string;
    state: string;
    fields: FieldChange[];
  }[];
  removed: { taskId: string; ordinal: string; area: string | null; title: string; state: string }[];
  unchanged: number;
  kind: PlanKindChange;
}

export function toDiffView(diff: PlanDiff, kind: PlanKindChange): PlanDiffView {
  return {
    added: diff.added.map(({ ordinal, area, title, sourceRow }) => ({
      ordinal,
      area,
      title,
      sourceRow,
    })),
    changed: diff.changed.map(({ task, fields }) => ({
      taskId: task.id,
      ordinal: task.ordinal,
      area: task.area,
      title: task.title,
      state: task.state,
      fields,
    })),
    removed: diff.removed.map(({ id, ordinal, area, title, state }) => ({
      taskId: id,
      ordinal,
      area,
      title,
      state,
    })),
    unchanged: diff.unchanged,
    kind,
  };
}
