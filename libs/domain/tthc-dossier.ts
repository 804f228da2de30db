import { Actor, IsoDate } from './actor';

/*
 * An administrative-procedure dossier (hồ sơ thủ tục hành chính, TTHC) and its apology slips
 * ("Phiếu xin lỗi và hẹn lại ngày trả kết quả"). See ../shared/domain.md.
 */

export const DOSSIER_STATES = [
  'received',
  'processing',
  'supplementRequested',
  'resultReady',
  'returned',
  'rejected',
  'withdrawn',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** States a dossier never leaves. */
export const DOSSIER_FINAL_STATES: readonly DossierState[] = ['returned', 'rejected', 'withdrawn'];

/** Where a dossier's apology slips stand: none started, one waiting for the head, all signed. */
export const APOLOGY_STATUSES = ['none', 'pending', 'signed'] as const;
export type ApologyStatus = (typeof APOLOGY_STATUSES)[number];

export const DOSSIER_STATE_LABELS: Record<DossierState, string> = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  supplementRequested: 'Chờ bổ sung',
  resultReady: 'Có kết quả',
  returned: 'Đã trả kết quả',
  rejected: 'Từ chối',
  withdrawn: 'Đã rút hồ sơ',
};

/** Every event type, in the order the UI offers them. */
export const DOSSIER_EVENT_TYPES = [
  'START_PROCESSING',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT_RECEIVED',
  'RECORD_RESULT',
  'RETURN_RESULT',
  'REPORT_DELAY',
  'APPROVE_APOLOGY',
  'APPOINTMENT_MISSED',
  'REJECT',
  'WITHDRAW',
] as const;
export type DossierEventType = (typeof DOSSIER_EVENT_TYPES)[number];

export const DOSSIER_EVENT_LABELS: Record<DossierEventType, string> = {
  START_PROCESSING: 'Bắt đầu xử lý',
  REQUEST_SUPPLEMENT: 'Yêu cầu bổ sung hồ sơ',
  SUPPLEMENT_RECEIVED: 'Tiếp nhận hồ sơ bổ sung',
  RECORD_RESULT: 'Cập nhật kết quả giải quyết',
  RETURN_RESULT: 'Trả kết quả',
  REPORT_DELAY: 'Báo trước hồ sơ trễ hạn',
  APPROVE_APOLOGY: 'Ký phiếu xin lỗi và hẹn lại',
  APPOINTMENT_MISSED: 'Quá hạn hẹn trả',
  REJECT: 'Từ chối giải quyết',
  WITHDRAW: 'Rút hồ sơ',
};

/** Facts every dossier event carries; `today` comes from the engine's clock, never from a machine. */
interface DossierEventBase {
  actor: Actor;
  today: IsoDate;
}

export type DossierEvent = DossierEventBase &
  (
    | { type: 'START_PROCESSING' }
    | {
        type: 'REQUEST_SUPPLEMENT';
        reason: string;
        /**
         * Working days from today to the appointment date, counted by the caller with the
         * working calendar (the machine has none): 0 on the appointment date itself, negative
         * (minus the working days overrun) once it has passed — overrun days stay overrun.
         */
        remainingWorkingDays: number;
      }
    | {
        type: 'SUPPLEMENT_RECEIVED';
        /**
         * The working day `remainingWorkingDays` working days after today (today itself, or the
         * next working day, when none were left), computed by the caller with the calendar. A
         * dossier whose appointment was missed before the pause keeps it: the caller sends the
         * current appointment, and only an apology slip sets the next one.
         */
        newAppointmentDate: IsoDate;
      }
    | { type: 'RECORD_RESULT' }
    | { type: 'RETURN_RESULT' }
    | {
        type: 'REPORT_DELAY';
        /** Why the result will be late; printed on the apology slip unless the head edits it. */
        reason: string;
        /** The appointment date the unit proposes instead; after the current one. */
        proposedDate: IsoDate;
      }
    | {
        type: 'APPROVE_APOLOGY';
        newAppointmentDate: IsoDate;
        /** The slip's reason; defaults to the delay reason. Required for an overdue slip. */
        reason?: string;
      }
    | { type: 'APPOINTMENT_MISSED' }
    | { type: 'REJECT'; reason: string }
    | { type: 'WITHDRAW'; reason: string }
  );

/** Why an apology slip was started. */
export type ApologyTrigger = 'delay-reported' | 'overdue';

/** An apology slip started and not yet signed by the head of the handling unit. */
export interface PendingApology {
  /** 1 for the dossier's first slip, 2 for the second ... */
  round: number;
  reason: ApologyTrigger;
  /** The appointment date the slip is about (about to be missed, or missed). */
  appointmentDate: IsoDate;
  /** The day the slip was started. */
  startedOn: IsoDate;
  /** The date the unit proposed (REPORT_DELAY); null for an overdue slip. */
  proposedDate: IsoDate | null;
  /** The unit's reason (REPORT_DELAY); null for an overdue slip. */
  delayReason: string | null;
}

/**
 * What the dossier machine remembers. Every date is an IsoDate (Asia/Ho_Chi_Minh).
 *
 * Invariants:
 * - `pausedOn` and `remainingWorkingDays` are both set exactly in `supplementRequested`;
 * - `delayReported` implies `apologyPending !== null` (the delay report started it);
 * - `apologyRound` counts the slips ever started; `apologyPending.round === apologyRound`.
 *
 * A dossier is resolved in time iff it was returned with `apologyRound === 0`, never `overdue`,
 * and neither `resultLate` nor `returnedLate`: an apology slip moves the appointment but not
 * the fault, and a supplement pause never gives back working days already overrun. Of those,
 * "trước hạn" (early) were returned on a day before the appointment date, "đúng hạn" (on time)
 * on the appointment date itself (QĐ 766/QĐ-TTg counts the two separately).
 */
export interface DossierContext {
  /** The unit that handles the dossier (its officers and head act on it). */
  handlingUnitId: string;
  receivedOn: IsoDate;
  /** Statutory processing time of the procedure, in working days. */
  processingDays: number;
  /** The appointment on the receipt; never changes. */
  originalAppointmentDate: IsoDate;
  /** The current promised return date (moved by a supplement or a signed apology slip). */
  appointmentDate: IsoDate;
  /** The day a supplement request stopped the clock; null while the clock runs. */
  pausedOn: IsoDate | null;
  /**
   * Working days that were left when the clock stopped (negative: overrun); null while the
   * clock runs.
   */
  remainingWorkingDays: number | null;
  /** How many times the dossier was sent back for supplementing. */
  supplementRequests: number;
  /**
   * The current appointment passed without a result: APPOINTMENT_MISSED from the timer, or any
   * event dated after the appointment while the clock ran (whichever came first).
   */
  overdue: boolean;
  /** The unit reported a delay for the current appointment (REPORT_DELAY). */
  delayReported: boolean;
  /** Apology slips started so far; every missed (or announced) appointment starts one. */
  apologyRound: number;
  apologyPending: PendingApology | null;
  /** The day the result was recorded, and whether that was after the appointment. */
  resultOn: IsoDate | null;
  resultLate: boolean;
  /** The day the result was handed to the applicant, and whether that was after the appointment. */
  returnedOn: IsoDate | null;
  returnedLate: boolean;
  /**
   * The day the dossier was rejected or withdrawn: in hand until then (figures as of an earlier
   * cut-off count it pending). Null otherwise; a snapshot stored before the field existed has
   * none, read as null.
   */
  closedOn: IsoDate | null;
  /**
   * The day by whose end the dossier was first late, set once and never changed (figures as of
   * a cut-off count it late from then): the appointment it missed (an appointment is missed at
   * the end of its day, whether the timer, a later event or a late return records it), or the
   * day a delay report started an apology round. Null while never late; a snapshot stored before
   * the field existed has none, read as null.
   */
  lateSince: IsoDate | null;
}

/** What the one-stop desk knows when it creates a dossier; the appointment comes from the calendar. */
export type DossierInput = Pick<
  DossierContext,
  'handlingUnitId' | 'receivedOn' | 'processingDays' | 'appointmentDate'
>;

/**
 * Who is told about a dossier transition: the handling unit's staff, its head only, or the
 * one-stop desk of the dossier's ward. The applicant is told by the apology job, not here.
 */
export type DossierNotifyRecipient = 'handlingUnit' | 'handlingUnitHead' | 'oneStop';

/** Params of a dossier `notify` action (the same shape as the reform task's NotifyEffect). */
export interface DossierNotifyEffect {
  to: DossierNotifyRecipient[];
  /** Short machine-readable reason, e.g. 'dossier.overdue'. */
  topic: string;
}

/** Params of a `startApology` action: a new round of apology slip begins (drafting). */
export type StartApologyEffect =
  | {
      round: number;
      reason: 'delay-reported';
      proposedDate: IsoDate;
      delayReason: string;
      /** The appointment that will be missed. */
      appointmentDate: IsoDate;
    }
  | {
      round: number;
      reason: 'overdue';
      /** The appointment that was missed. */
      appointmentDate: IsoDate;
    };

/** Params of an `issueApology` action: the head signed; number, store and announce the slip. */
export interface IssueApologyEffect {
  round: number;
  newAppointmentDate: IsoDate;
  /** The reason printed on the slip. */
  reason: string;
  /** The appointment the slip replaces. */
  appointmentDate: IsoDate;
}
