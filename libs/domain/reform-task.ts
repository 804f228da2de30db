import { Actor, IsoDate } from './actor';

export const TASK_STATES = [
  'assigned',
  'inProgress',
  'reported',
  'accepted',
  'overdue',
  'cancelled',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/**
 * What a task in a state waits for, which decides its timers: its due date (reminders and the
 * deadline), its escalations once overdue, or nothing.
 */
export type TaskTimerPhase = 'beforeDue' | 'overdue' | 'none';

export function taskTimerPhase(state: TaskState): TaskTimerPhase {
  if (state === 'assigned' || state === 'inProgress') return 'beforeDue';
  return state === 'overdue' ? 'overdue' : 'none';
}

/** States as read beside the event buttons: a status, never the verb of a button. */
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  assigned: 'Đã giao',
  inProgress: 'Đang thực hiện',
  reported: 'Chờ nghiệm thu',
  accepted: 'Đã nghiệm thu',
  overdue: 'Quá hạn',
  cancelled: 'Đã hủy',
};

export const TASK_EVENT_TYPES = [
  'START',
  'SUBMIT_REPORT',
  'APPROVE',
  'RETURN',
  'DEADLINE_PASSED',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
  'REASSIGN',
  'CANCEL',
  'AMEND',
  'REMIND',
  'ESCALATE',
  'CHILDREN_COMPLETED',
] as const;
export type TaskEventType = (typeof TASK_EVENT_TYPES)[number];

export const TASK_EVENT_LABELS: Record<TaskEventType, string> = {
  START: 'Bắt đầu thực hiện',
  SUBMIT_REPORT: 'Gửi báo cáo',
  APPROVE: 'Nghiệm thu',
  RETURN: 'Trả lại báo cáo',
  DEADLINE_PASSED: 'Quá hạn',
  REQUEST_EXTENSION: 'Đề nghị gia hạn',
  DECIDE_EXTENSION: 'Quyết định gia hạn',
  REASSIGN: 'Giao lại',
  CANCEL: 'Hủy nhiệm vụ',
  AMEND: 'Điều chỉnh nhiệm vụ',
  REMIND: 'Nhắc hạn',
  ESCALATE: 'Chuyển cấp trên xử lý',
  CHILDREN_COMPLETED: 'Hoàn thành các nhiệm vụ thành phần',
};

/** Event types only the engine itself (timers, jobs) sends. */
export const SYSTEM_TASK_EVENTS: readonly TaskEventType[] = [
  'DEADLINE_PASSED',
  'REMIND',
  'ESCALATE',
  'CHILDREN_COMPLETED',
];

/** What a plan amendment may change in the machine's context. */
export interface TaskAmendment {
  dueDate?: IsoDate | null;
  leadUnitId?: string;
  leaderId?: string | null;
}

/** Facts every task event carries; `today` is supplied by the engine's clock, never read inside a machine. */
interface TaskEventBase {
  actor: Actor;
  today: IsoDate;
}

export type ReformTaskEvent = TaskEventBase &
  (
    | { type: 'START' }
    | {
        type: 'SUBMIT_REPORT';
        report: string;
        product?: string;
        evidenceUrl?: string;
        /** Evidence files of the task (libs/evidence) the report names. */
        evidenceIds?: string[];
      }
    | { type: 'APPROVE'; comment?: string }
    | { type: 'RETURN'; reason: string }
    | { type: 'DEADLINE_PASSED' }
    | { type: 'REQUEST_EXTENSION'; proposedDueDate: IsoDate; reason: string }
    | {
        type: 'DECIDE_EXTENSION';
        decision: 'approve' | 'reject';
        newDueDate?: IsoDate;
        reason?: string;
      }
    | { type: 'REASSIGN'; leadUnitId?: string; leaderId?: string | null; reason?: string }
    | { type: 'CANCEL'; reason: string }
    | {
        type: 'AMEND';
        reason: string;
        changes: TaskAmendment;
        /** Fields kept outside the machine (title, content, product...) as they were and are now, for the audit. */
        edits?: Record<string, { before: string | null; after: string | null }>;
      }
    /** A timer fired before the due date; `dueDate` is the one it was planned for. */
    | { type: 'REMIND'; dueDate: IsoDate; level: number; to: NotifyRecipient[] }
    /** A timer fired while the task is overdue; `dueDate` is the one it was planned for. */
    | { type: 'ESCALATE'; dueDate: IsoDate; level: number; to: NotifyRecipient[] }
    /** Every child of a group task is settled; `late` when one of them finished late. */
    | { type: 'CHILDREN_COMPLETED'; late: boolean }
  );

export interface ExtensionRequest {
  proposedDueDate: IsoDate;
  reason: string;
  requestedBy: string | null;
  requestedOn: IsoDate;
}

/** What the task machine remembers; mirrored into indexed columns by the engine. */
export interface ReformTaskContext {
  leadUnitId: string;
  leaderId: string | null;
  /** null for recurring or event-driven tasks that have no date yet. */
  dueDate: IsoDate | null;
  /** Reported (or still open) after the due date: "hoàn thành quá hạn" once accepted. */
  late: boolean;
  /** Where an overdue task goes back to when its deadline is extended. */
  resumeState: 'assigned' | 'inProgress' | null;
  extensionRequest: ExtensionRequest | null;
}

export type ReformTaskInput = Pick<ReformTaskContext, 'leadUnitId' | 'leaderId' | 'dueDate'>;

/** Who is told about a transition; the engine writes their notifications in its transaction. */
export type NotifyRecipient = 'leadUnit' | 'leadUnitHead' | 'leader' | 'chairman' | 'coordinator';

export const NOTIFY_RECIPIENTS: readonly NotifyRecipient[] = [
  'leadUnit',
  'leadUnitHead',
  'leader',
  'chairman',
  'coordinator',
];

/** Params of the `settled` action: the task reached a final state. */
export interface SettledEffect {
  state: 'accepted' | 'cancelled';
}

export interface NotifyEffect {
  to: NotifyRecipient[];
  /** Short machine-readable reason, e.g. 'task.reported'. */
  topic: string;
  /** A reminder's or escalation's level (lần 1, 2 …), said in its text: levels may fire together. */
  level?: number;
}

/** Where a task stands against its due date (its SLA badge, libs/escalations' taskSla). */
export const SLA_STATUSES = [
  'onTrack',
  'dueSoon',
  'overdue',
  'reportedOnTime',
  'completedOnTime',
  'completedLate',
  'none',
] as const;

export type SlaStatus = (typeof SLA_STATUSES)[number];
