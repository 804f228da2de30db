// Shapes of the API's answers used by the console.
import type { Role } from '@cchc/domain';

export type { Role };

export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  wardId: string;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
}

export type SlaStatus =
  'onTrack' | 'dueSoon' | 'overdue' | 'completedOnTime' | 'completedLate' | 'none';

export interface Sla {
  status: SlaStatus;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
}

export interface Task {
  id: string;
  title: string;
  content: string;
  leadUnitId: string;
  coordinatingUnitIds: string[];
  leaderId: string | null;
  product: string | null;
  requirement: string | null;
  dueDate: string | null;
  state: string;
  stateLabel: string;
  late: boolean;
  version: number;
  sla?: Sla;
  extensionRequest: { requestedDueDate: string; reason: string } | null;
  createdAt: string;
  updatedAt: string;
  allowedEvents?: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HistoryEntry {
  seq: number;
  event: string;
  from: string | null;
  to: string;
  actorId: string | null;
  actorName?: string | null;
  actorRole: string;
  reason: string | null;
  payload: Record<string, unknown> | null;
  at: string;
  /** Evidence files a report named (GET /evidence/:id downloads one). */
  attachments?: { id: string; name: string }[];
}

export interface EvidenceFile {
  id: string;
  name: string;
}

export interface InboxItem {
  task: Task;
  /** Why it is here, e.g. the reason a report was returned. */
  note: string | null;
}

export interface InboxSection {
  key: string;
  title: string;
  count: number;
  items: InboxItem[];
}

export interface Inbox {
  sections: InboxSection[];
  total: number;
}

export type StateCounts = Record<string, number>;

export interface PlanSummary {
  id: string;
  number: string | null;
  title: string | null;
  year: number;
  issuedOn: string | null;
  sourceFile: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  tasks: number;
}

export interface PlanAreaView {
  code: string;
  title: string;
  tasks: number;
  byState: StateCounts;
}

export interface PlanView extends PlanSummary {
  byState: StateCounts;
  areas: PlanAreaView[];
}

/** A warning or error of a plan import; `row` is the source row, null for the plan as a whole. */
export interface PlanProblem {
  row: number | null;
  field: string | null;
  message: string;
}

export interface PlanTaskPreview {
  sourceRow: number;
  ordinal: string | null;
  area: string | null;
  parent: string | null;
  isGroup: boolean;
  content: string;
  leadUnit: { raw: string; unitId: string | null } | null;
  deadline: { due: string | null; raw: string } | null;
}

export interface PlanImportPreview {
  plan: {
    number: string | null;
    title: string | null;
    year: number | null;
    issueDate: string | null;
  };
  areas: { code: string; title: string }[];
  tasks: PlanTaskPreview[];
  warnings: PlanProblem[];
  errors: PlanProblem[];
}

export interface PlanDiffView {
  added: { ordinal: string; area: string | null; title: string; sourceRow: number }[];
  changed: {
    taskId: string;
    ordinal: string;
    area: string | null;
    title: string;
    state: string;
    fields: { field: string; before: string | null; after: string | null }[];
  }[];
  removed: { taskId: string; ordinal: string; area: string | null; title: string; state: string }[];
  unchanged: number;
}

export interface PlanAmendment {
  /** `diff`: nothing written yet, confirm to apply; `amended`: applied. */
  status: 'diff' | 'amended';
  planId: string;
  revision: number;
  diff: PlanDiffView;
  warnings: PlanProblem[];
}

export type PlanImportOutcome =
  | { status: 'created'; planId: string; areas: number; tasks: number; warnings: PlanProblem[] }
  | PlanAmendment;

/** GET /notifications: newest first. */
export interface AppNotification {
  id: string;
  topic: string;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** POST /tasks/bulk: what happened to each selected task. */
export interface BulkTaskResult {
  taskId: string;
  ok: boolean;
  status?: number;
  message?: string;
}
