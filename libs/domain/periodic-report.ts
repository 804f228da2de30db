import { Actor, IsoDate } from './actor';
import { NotifyRecipient } from './reform-task';
import { Role } from './roles';

/** Reporting period kinds: month, quarter, 6 months, 9 months, year. */
export const REPORT_PERIOD_KINDS = ['thang', 'quy', 'sau_thang', 'chin_thang', 'nam'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

export const REPORT_PERIOD_KIND_LABELS: Record<ReportPeriodKind, string> = {
  thang: 'Tháng',
  quy: 'Quý',
  sau_thang: '6 tháng',
  chin_thang: '9 tháng',
  nam: 'Năm',
};

// ---------------------------------------------------------------- the periodic report

export const REPORT_STATES = [
  'open',
  'compiling',
  'submittedForApproval',
  'approved',
  'signed',
  'sent',
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  open: 'Đang thu thập',
  compiling: 'Đang tổng hợp',
  submittedForApproval: 'Trình duyệt',
  approved: 'Đã duyệt',
  signed: 'Đã ký',
  sent: 'Đã gửi',
};

export const REPORT_EVENT_TYPES = [
  'START_COMPILING',
  'COMPILE',
  'SUBMIT_FOR_APPROVAL',
  'APPROVE',
  'SIGN',
  'SEND',
  'RETURN',
  'CORRECT',
] as const;
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number];

export const REPORT_EVENT_LABELS: Record<ReportEventType, string> = {
  START_COMPILING: 'Bắt đầu tổng hợp',
  COMPILE: 'Tổng hợp số liệu',
  SUBMIT_FOR_APPROVAL: 'Trình duyệt',
  APPROVE: 'Duyệt báo cáo',
  SIGN: 'Ký báo cáo',
  SEND: 'Gửi cấp trên',
  RETURN: 'Trả lại',
  CORRECT: 'Đính chính báo cáo đã gửi',
};

/** The sent report a correction (báo cáo đính chính) replaces, as it was signed. */
export interface ReportCorrection {
  revision: number;
  number: string;
  signedOn: IsoDate;
  /** Why the coordinator corrects it. */
  reason: string;
}

export interface ReportContext {
  /** The last day counted (inclusive), Asia/Ho_Chi_Minh. */
  cutoffDate: IsoDate;
  /** The day the report must reach the province by. */
  upstreamDueDate: IsoDate;
  /** The latest frozen figures: revision number (0 = none yet) and its content hash. */
  revision: number;
  contentHash: string | null;
  /** `…/BC-UBND` of the latest revision, given when the chairman signs it. */
  number: string | null;
  signedOn: IsoDate | null;
  /** The day the report first reached the province: a correction sent later does not move it. */
  sentOn: IsoDate | null;
  /** First sent after the upstream due date. */
  late: boolean;
  /**
   * The sent report being corrected, from CORRECT on (the latest one when corrected again).
   * Absent from snapshots stored before corrections existed: read as null.
   */
  corrects?: ReportCorrection | null;
  returnReason: string | null;
  /** Whose step it is now (null once sent). */
  awaiting: Role | null;
}

export type ReportInput = Pick<ReportContext, 'cutoffDate' | 'upstreamDueDate'>;

interface EventBase {
  actor: Actor;
  today: IsoDate;
}

export type ReportEvent = EventBase &
  (
    | { type: 'START_COMPILING' }
    /** The server froze the figures as revision `revision` with this sha-256. */
    | { type: 'COMPILE'; revision: number; contentHash: string }
    | { type: 'SUBMIT_FOR_APPROVAL' }
    | { type: 'APPROVE'; comment?: string }
    | { type: 'SIGN'; number: string }
    | { type: 'SEND' }
    | { type: 'RETURN'; reason: string }
    /** A sent report is reopened for a báo cáo đính chính that will replace it. */
    | { type: 'CORRECT'; reason: string }
  );

// ---------------------------------------------------------------- a unit's contribution

export const CONTRIBUTION_STATES = ['requested', 'submitted', 'accepted', 'returned'] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];

export const CONTRIBUTION_STATE_LABELS: Record<ContributionState, string> = {
  requested: 'Chờ đơn vị gửi',
  submitted: 'Đã gửi',
  accepted: 'Đã tiếp nhận',
  returned: 'Trả lại',
};

export const CONTRIBUTION_EVENT_TYPES = [
  'SUBMIT',
  'ACCEPT',
  'RETURN',
  'DEADLINE_PASSED',
  'REMIND',
  'ESCALATE',
] as const;
export type ContributionEventType = (typeof CONTRIBUTION_EVENT_TYPES)[number];

export const CONTRIBUTION_EVENT_LABELS: Record<ContributionEventType, string> = {
  SUBMIT: 'Gửi báo cáo đóng góp',
  ACCEPT: 'Tiếp nhận',
  RETURN: 'Trả lại',
  DEADLINE_PASSED: 'Quá hạn gửi',
  REMIND: 'Nhắc hạn',
  ESCALATE: 'Chuyển cấp trên xử lý',
};

export const SYSTEM_CONTRIBUTION_EVENTS: readonly ContributionEventType[] = [
  'DEADLINE_PASSED',
  'REMIND',
  'ESCALATE',
];

export interface ContributionText {
  results: string;
  problems: string;
  proposals: string;
}

export interface ContributionContext extends ContributionText {
  unitId: string;
  dueDate: IsoDate;
  /** Evidence files (libs/evidence) the unit attached. */
  evidenceIds: string[];
  submittedOn: IsoDate | null;
  /** The due date passed before the unit's text arrived. */
  late: boolean;
  overdue: boolean;
  returnReason: string | null;
  /** Levels already fired, so each reminder and escalation happens once. */
  reminded: number[];
  escalated: number[];
}

export type ContributionInput = Pick<ContributionContext, 'unitId' | 'dueDate'>;

export type ContributionEvent = EventBase &
  (
    | ({ type: 'SUBMIT'; evidenceIds?: string[] } & ContributionText)
    | { type: 'ACCEPT'; comment?: string }
    | { type: 'RETURN'; reason: string }
    | { type: 'DEADLINE_PASSED' }
    | { type: 'REMIND'; level: number; to: NotifyRecipient[] }
    | { type: 'ESCALATE'; level: number; to: NotifyRecipient[] }
  );
