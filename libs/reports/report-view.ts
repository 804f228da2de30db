import { allowedEvents, restoreSnapshot } from '@cchc/workflows';
import {
  Actor,
  CONTRIBUTION_STATE_LABELS,
  ContributionContext,
  ContributionState,
  IsoDate,
  REPORT_STATE_LABELS,
  ReportContext,
  ReportCorrection,
  ReportPeriodKind,
  ReportState,
} from '@cchc/domain';
import type { HistoryEntry } from '@cchc/engine';
import { periodicReportPersistence, reportContributionPersistence } from './report.persistence';
import type { RevisionView } from './report-revisions';

export interface ContributionView {
  id: string;
  unitId: string;
  unitName: string;
  state: ContributionState;
  stateLabel: string;
  dueDate: IsoDate;
  late: boolean;
  overdue: boolean;
  submittedOn: IsoDate | null;
  results: string;
  problems: string;
  proposals: string;
  evidenceIds: string[];
  returnReason: string | null;
  reminded: number[];
  escalated: number[];
  version: number;
  allowedEvents: string[];
}

export interface ReportSummary {
  id: string;
  periodKind: ReportPeriodKind;
  periodYear: number;
  periodIndex: number;
  periodLabel: string;
  from: IsoDate;
  cutoffDate: IsoDate;
  contributionDueDate: IsoDate;
  upstreamDueDate: IsoDate;
  planId: string | null;
  state: ReportState;
  stateLabel: string;
  revision: number;
  number: string | null;
  late: boolean;
  sentOn: IsoDate | null;
}

export interface ReportView extends ReportSummary {
  version: number;
  contentHash: string | null;
  returnReason: string | null;
  awaiting: string | null;
  /** The sent report this one is correcting and replaces (null if it corrects none). */
  corrects: ReportCorrection | null;
  allowedEvents: string[];
  contributions: ContributionView[];
  revisions: RevisionView[];
  history: HistoryEntry[];
}

/** A `periodic_reports` row as read with DATE_FORMAT'ed dates. */
export interface ReportRow {
  id: string;
  ward_id: string;
  plan_id: string | null;
  period_kind: ReportPeriodKind;
  period_year: number;
  period_index: number;
  period_label: string;
  period_from: IsoDate;
  cutoff_date: IsoDate;
  contribution_due_date: IsoDate;
  upstream_due_date: IsoDate;
  state: ReportState;
  revision: number;
  number: string | null;
  late: number;
  sent_on: IsoDate | null;
  version: number;
  snapshot: string | { value: string; context: ReportContext };
}

export const REPORT_COLUMNS = `r.id, r.ward_id, r.plan_id, r.period_kind, r.period_year, r.period_index,
  r.period_label, DATE_FORMAT(r.period_from, '%Y-%m-%d') AS period_from,
  DATE_FORMAT(r.cutoff_date, '%Y-%m-%d') AS cutoff_date,
  DATE_FORMAT(r.contribution_due_date, '%Y-%m-%d') AS contribution_due_date,
  DATE_FORMAT(r.upstream_due_date, '%Y-%m-%d') AS upstream_due_date, r.state, r.revision,
  r.number, r.late, DATE_FORMAT(r.sent_on, '%Y-%m-%d') AS sent_on, r.version, r.snapshot`;

function parsed<T>(snapshot: string | T): T {
  return typeof snapshot === 'string' ? (JSON.parse(snapshot) as T) : snapshot;
}

export function reportSummary(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    periodKind: row.period_kind,
    periodYear: row.period_year,
    periodIndex: row.period_index,
    periodLabel: row.period_label,
    from: row.period_from,
    cutoffDate: row.cutoff_date,
    contributionDueDate: row.contribution_due_date,
    upstreamDueDate: row.upstream_due_date,
    planId: row.plan_id,
    state: row.state,
    stateLabel: REPORT_STATE_LABELS[row.state] ?? row.state,
    revision: row.revision,
    number: row.number,
    late: row.late === 1,
    sentOn: row.sent_on,
  };
}

export function reportView(
  row: ReportRow,
  actor: Actor,
  parts: Pick<ReportView, 'contributions' | 'revisions' | 'history'>,
): ReportView {
  const persisted = parsed<{ value: string; context: ReportContext }>(row.snapshot);
  const snapshot = restoreSnapshot(periodicReportPersistence.definition, persisted);
  return {
    ...reportSummary(row),
    version: row.version,
    contentHash: persisted.context.contentHash,
    returnReason: persisted.context.returnReason,
    awaiting: persisted.context.awaiting,
    corrects: persisted.context.corrects ?? null,
    allowedEvents: allowedEvents(periodicReportPersistence.definition, snapshot, actor),
    ...parts,
  };
}

export interface ContributionRow {
  id: string;
  unit_id: string;
  unit_name: string;
  state: ContributionState;
  version: number;
  snapshot: string | { value: string; context: ContributionContext };
}

export function contributionView(row: ContributionRow, actor: Actor): ContributionView {
  const persisted = parsed<{ value: string; context: ContributionContext }>(row.snapshot);
  const { context } = persisted;
  const snapshot = restoreSnapshot(reportContributionPersistence.definition, persisted);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    state: row.state,
    stateLabel: CONTRIBUTION_STATE_LABELS[row.state] ?? row.state,
    dueDate: context.dueDate,
    late: context.late,
    overdue: context.overdue,
    submittedOn: context.submittedOn,
    results: context.results,
    problems: context.problems,
    proposals: context.proposals,
    evidenceIds: context.evidenceIds,
    returnReason: context.returnReason,
    reminded: context.reminded,
    escalated: context.escalated,
    version: row.version,
    allowedEvents: allowedEvents(reportContributionPersistence.definition, snapshot, actor),
  };
}
