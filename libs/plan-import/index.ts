export * from './types';
export { assertImportable, PlanImportError } from './plan-import-error';
export { readPlanFile, readPlanText, type PlanFile } from './readers/read-plan-file';
export { readDelimitedText } from './readers/read-delimited-text';
export { csvMessage, csvOptions, detectDelimiter, parseCsv, readCsv } from './readers/read-csv';
export { readXlsx } from './readers/read-xlsx';
export { readDocx } from './readers/read-docx';
export { readUpload } from './readers/read-upload';
export type { UploadFormat } from './readers/read-source';
export { UploadTooLargeError } from './readers/upload-limits';
export { measuredZip } from './readers/safe-zip';
export { readPdfText } from './readers/pdf-text/read-pdf-text';
export { buildPlanPreview, type PlanPreviewOptions } from './preview/build-plan-preview';
export { createUnitResolver, type UnitAlias, type UnitRecord } from './units/unit-resolver';
export { splitUnitCell, type ResolvedName } from './units/split-unit-cell';
export { unitNameKey } from './units/unit-name-key';
export {
  DEFAULT_UNIT_ALIASES,
  defaultAliasesFor,
  defaultGroupMembers,
  GROUP_CODES,
  UNIT_GROUPS,
  type DefaultUnitAlias,
} from './units/default-aliases';
export {
  planImport,
  taskKey,
  titleOf,
  type MemberUnit,
  type PlannedImport,
  type PlannedTask,
  type WardImportRules,
} from './commit/planned-tasks';
export { planContentHash } from './commit/content-hash';
export { importWrites, type ImportWrites } from './commit/past-due';
export {
  COMPARED_FIELDS,
  diffPlan,
  type ComparedField,
  type FieldChange,
  type PlanDiff,
  type StoredTask,
  type TaskChange,
} from './commit/diff-plan';
export {
  createAssignedLeader,
  type AssignedLeaderOf,
  type LeaderAssignment,
  type LeaderRule,
} from './people/leader-assignment';
export {
  createLeaderResolver,
  type LeaderMatch,
  type LeaderRecord,
  type ResolveLeader,
} from './people/leader-resolver';
