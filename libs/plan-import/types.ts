import type { IsoDate, ParsedDeadline } from '@cchc/domain';

/** One row of a source grid, as the reader saw it. */
export interface SourceRow {
  /** 1-based: line (text/TSV/PDF text), sheet row (XLSX), record (CSV), block (DOCX paragraph or table row). */
  sourceRow: number;
  cells: string[];
}

export interface SourceTable {
  rows: SourceRow[];
}

/** A paragraph outside the tables; plan metadata (number, title, dates) is looked for here. */
export interface SourceLine {
  sourceRow: number;
  text: string;
}

export type SourceFormat = 'tsv' | 'csv' | 'xlsx' | 'docx' | 'pdf-text';

/** What every reader returns: grids, the surrounding text, and doubts the reader already had. */
export interface SourceDocument {
  format: SourceFormat;
  tables: SourceTable[];
  text: SourceLine[];
  warnings: PlanProblem[];
}

/** The columns of a task table, identified by header meaning. */
export const PLAN_FIELDS = [
  'ordinal',
  'content',
  'leadUnit',
  'coordinatingUnits',
  'leader',
  'product',
  'requirement',
  'deadline',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export type PlanProblemField = PlanField | 'table' | 'number' | 'title' | 'year' | 'issueDate';

/** A warning or error shown to the person importing; `message` is Vietnamese. */
export interface PlanProblem {
  /** Source row number, or null for the plan as a whole. */
  row: number | null;
  field: PlanProblemField | null;
  message: string;
}

/** Where an alias comes from: shipped with the product, or the ward's own table. */
export type AliasSource = 'default' | 'ward';

/** What a unit resolver answers for one name. */
export interface UnitMatch {
  unitId: string | null;
  /** A phrase naming several units ("Các phòng, đơn vị chuyên môn"). */
  groupCode?: string | null;
  /** The alias the name was resolved through, if not the unit's own name. */
  alias?: { alias: string; source: AliasSource };
  /** Something the person should know about the match, e.g. a typo that was interpreted. */
  note?: string;
}

export type ResolveUnit = (raw: string) => UnitMatch;

export interface UnitRef {
  raw: string;
  unitId: string | null;
  groupCode: string | null;
  /** Set when an alias resolved the name ("CC TP-HT" → Văn phòng HĐND&UBND). */
  alias?: UnitMatch['alias'];
}

export interface PlanMetadata {
  /** e.g. "07/KH-UBND"; null when blank (a draft "Số: /QĐ-UBND") or not found. */
  number: string | null;
  title: string | null;
  year: number | null;
  issueDate: IsoDate | null;
}

export interface PlanArea {
  /** Roman numeral of the section, e.g. 'I'. */
  code: string;
  title: string;
}

export interface PlanTaskPreview {
  sourceRow: number;
  /** As written ('3', '2.1'); null when the row had none (reported). */
  ordinal: string | null;
  /** Code of the area (section) the row sits in. */
  area: string | null;
  /** Ordinal of the group row this task belongs to. */
  parent: string | null;
  isGroup: boolean;
  content: string;
  requirement: string | null;
  product: string | null;
  leader: string | null;
  leadUnit: UnitRef | null;
  coordinatingUnits: UnitRef[];
  deadline: ParsedDeadline | null;
}

/** The dry-run answer of a plan import. */
export interface PlanPreview {
  plan: PlanMetadata;
  areas: PlanArea[];
  tasks: PlanTaskPreview[];
  warnings: PlanProblem[];
  errors: PlanProblem[];
}
