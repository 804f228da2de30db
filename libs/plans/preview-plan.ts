import { parseDeadline } from '@cchc/deadlines';
import {
  buildPlanPreview,
  createUnitResolver,
  defaultAliasesFor,
  PlanFile,
  PlanPreview,
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

/** Reads a plan file and turns its task table into a preview: nothing is written. */
export async function previewPlan(input: PreviewInput): Promise<PlanPreview> {
  const source = await readPlanFile(input.file);
  return buildPlanPreview(source, {
    year: input.year,
    parseDeadline,
    resolveUnit: createUnitResolver(input.units, wardAliases(input.units, input.aliases)),
  });
}
