import { isDateWithin, PLANNABLE_RANGE } from '@cchc/common';
import { parseDeadline } from '@cchc/deadlines';
import {
  buildPlanPreview,
  createUnitResolver,
  defaultAliasesFor,
  PlanFile,
  PlanPreview,
  PlanProblem,
  readPlanFile,
  UnitAlias,
  unitNameKey,
  UnitRecord,
} from '@cchc/plan-import';

export interface PreviewInput {
  file: PlanFile;
  /** The ward's units, which lead and coordinating unit names are mapped to. */
  units: UnitRecord[];
  /** The ward's own aliases, on top of the shipped ones. */
  aliases?: UnitAlias[];
  /** The plan's year when the file does not say it (or says it wrongly). */
  year?: number;
}

/** The shipped aliases, except those the ward has redefined: the ward's word wins. */
export function wardAliases(units: UnitRecord[], aliases: UnitAlias[] = []): UnitAlias[] {
  const redefined = new Set(aliases.map((alias) => unitNameKey(alias.alias).key));
  const defaults = defaultAliasesFor(units).filter(
    (alias) => !redefined.has(unitNameKey(alias.alias).key),
  );
  return [...defaults, ...aliases];
}

/** A preview and the plan's narrative (its lines outside the task table, one per line). */
export interface ReadPlan {
  preview: PlanPreview;
  narrative: string;
}

/** Reads a plan file and turns its task table into a preview: nothing is written. */
export async function previewPlan(input: PreviewInput): Promise<ReadPlan> {
  const source = await readPlanFile(input.file);
  const preview = buildPlanPreview(source, {
    year: input.year,
    parseDeadline,
    resolveUnit: createUnitResolver(input.units, wardAliases(input.units, input.aliases)),
  });
  const errors = [...preview.errors, ...unplannableDeadlines(preview)];
  return {
    preview: { ...preview, errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) },
    narrative: source.text.map((line) => line.text).join('\n'),
  };
}

/** A deadline the worker could not plan reminders and escalations for is an error, not a task. */
function unplannableDeadlines(preview: PlanPreview): PlanProblem[] {
  return preview.tasks.flatMap((task) => {
    const dates = [...(task.deadline?.milestones ?? []), task.deadline?.due ?? null];
    const outside = dates.find((date) => date !== null && !isDateWithin(date, PLANNABLE_RANGE));
    return outside
      ? [
          {
            row: task.sourceRow,
            field: 'deadline',
            message:
              `Hạn ${outside} ('${task.deadline?.raw}') nằm ngoài khoảng hệ thống lập lịch được ` +
              `(${PLANNABLE_RANGE.first} – ${PLANNABLE_RANGE.last}).`,
          },
        ]
      : [];
  });
}
