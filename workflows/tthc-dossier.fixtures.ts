// Test fixtures for the TTHC dossier specs (not part of the public surface).
import { transition } from 'xstate';
import {
  Actor,
  DossierContext,
  DossierEvent,
  DossierEventType,
  DossierInput,
  DossierNotifyEffect,
  DossierState,
  IsoDate,
  IssueApologyEffect,
  PendingApology,
  Role,
  StartApologyEffect,
  SYSTEM_ACTOR,
} from '@cchc/domain';
import { tthcDossierMachine } from './tthc-dossier.machine';

/*
 * A 10-working-day procedure received on Monday 2 March 2026: appointment Monday 16 March.
 * A supplement request on Friday 6 March leaves 6 working days (9–13, 16 March); the
 * supplement arrives on Tuesday 10 March, so the new appointment is Wednesday 18 March.
 */
export const RECEIVED_ON: IsoDate = '2026-03-02';
export const PAUSED_ON: IsoDate = '2026-03-06';
export const BEFORE: IsoDate = '2026-03-10';
export const APPOINTMENT: IsoDate = '2026-03-16';
export const RESUMED_APPOINTMENT: IsoDate = '2026-03-18';
export const AFTER: IsoDate = '2026-03-20';
export const LATER: IsoDate = '2026-03-27';
export const MUCH_LATER: IsoDate = '2026-04-10';

export const DELAY_REASON = 'Chờ kết quả xác minh của Công an phường';
export const SLIP_REASON = 'Chờ ý kiến của cơ quan chuyên môn cấp trên';

function user(userId: string, role: Role, unitId: string | null): Actor {
  return { kind: 'user', userId, role, unitId };
}

export const actors = {
  officer: user('officer-1', 'officer', 'unit-A'),
  unitHead: user('head-1', 'unit_head', 'unit-A'),
  otherOfficer: user('officer-2', 'officer', 'unit-B'),
  otherUnitHead: user('head-2', 'unit_head', 'unit-B'),
  oneStop: user('onestop-1', 'one_stop_officer', 'desk'),
  leader: user('leader-1', 'leader', 'office'),
  chairman: user('chair-1', 'chairman', null),
  coordinator: user('coord-1', 'coordinator', 'office'),
  inspector: user('insp-1', 'inspector', null),
  system: SYSTEM_ACTOR,
} satisfies Record<string, Actor>;
export type ActorName = keyof typeof actors;
export const ACTOR_NAMES = Object.keys(actors) as ActorName[];

export const input: DossierInput = {
  handlingUnitId: 'unit-A',
  receivedOn: RECEIVED_ON,
  processingDays: 10,
  appointmentDate: APPOINTMENT,
};

export const baseContext: DossierContext = {
  handlingUnitId: 'unit-A',
  receivedOn: RECEIVED_ON,
  processingDays: 10,
  originalAppointmentDate: APPOINTMENT,
  appointmentDate: APPOINTMENT,
  pausedOn: null,
  remainingWorkingDays: null,
  supplementRequests: 0,
  overdue: false,
  delayReported: false,
  apologyRound: 0,
  apologyPending: null,
  resultOn: null,
  resultLate: false,
  returnedOn: null,
  returnedLate: false,
  lateSince: null,
  closedOn: null,
};

/** Round 1 started by the unit's delay report, before the appointment. */
export const pendingDelayApology: PendingApology = {
  round: 1,
  reason: 'delay-reported',
  appointmentDate: APPOINTMENT,
  startedOn: BEFORE,
  proposedDate: LATER,
  delayReason: DELAY_REASON,
};

/** Round 1 started because the appointment passed without a result. */
export const pendingOverdueApology: PendingApology = {
  round: 1,
  reason: 'overdue',
  appointmentDate: APPOINTMENT,
  startedOn: APPOINTMENT,
  proposedDate: null,
  delayReason: null,
};

/** Context overrides of a dossier with a slip pending, started in either way. */
export const delayPending: Partial<DossierContext> = {
  delayReported: true,
  apologyRound: 1,
  apologyPending: pendingDelayApology,
  lateSince: BEFORE,
};
export const overduePending: Partial<DossierContext> = {
  overdue: true,
  apologyRound: 1,
  apologyPending: pendingOverdueApology,
  lateSince: APPOINTMENT,
};

/** A realistic context for a dossier sitting in `state`. */
export function contextIn(
  state: DossierState,
  overrides: Partial<DossierContext> = {},
): DossierContext {
  const facts: Partial<Record<DossierState, Partial<DossierContext>>> = {
    supplementRequested: { pausedOn: PAUSED_ON, remainingWorkingDays: 6, supplementRequests: 1 },
    resultReady: { resultOn: BEFORE },
    returned: { resultOn: BEFORE, returnedOn: BEFORE },
    rejected: { closedOn: BEFORE },
    withdrawn: { closedOn: BEFORE },
  };
  return { ...baseContext, ...facts[state], ...overrides };
}

/** A snapshot in `state`, as the engine would restore it from the database. */
export function snapshotIn(state: DossierState, overrides: Partial<DossierContext> = {}) {
  return tthcDossierMachine.resolveState({ value: state, context: contextIn(state, overrides) });
}
export type Snapshot = ReturnType<typeof snapshotIn>;

/** Who normally sends each event type. */
export const DEFAULT_SENDER: Record<DossierEventType, ActorName> = {
  START_PROCESSING: 'oneStop',
  REQUEST_SUPPLEMENT: 'officer',
  SUPPLEMENT_RECEIVED: 'oneStop',
  RECORD_RESULT: 'officer',
  RETURN_RESULT: 'oneStop',
  REPORT_DELAY: 'officer',
  APPROVE_APOLOGY: 'unitHead',
  APPOINTMENT_MISSED: 'system',
  REJECT: 'unitHead',
  WITHDRAW: 'oneStop',
};

/** The day each event type is normally sent on (before the appointment, except the miss). */
export function defaultToday(type: DossierEventType): IsoDate {
  return type === 'APPOINTMENT_MISSED' ? APPOINTMENT : BEFORE;
}

/** A well-formed event of this type, with a payload that passes every precondition. */
export function validEvent(
  type: DossierEventType,
  actor: Actor = actors[DEFAULT_SENDER[type]],
  today: IsoDate = defaultToday(type),
): DossierEvent {
  const base = { actor, today };
  switch (type) {
    case 'START_PROCESSING':
    case 'RECORD_RESULT':
    case 'RETURN_RESULT':
    case 'APPOINTMENT_MISSED':
      return { ...base, type };
    case 'REQUEST_SUPPLEMENT':
      return {
        ...base,
        type,
        reason: 'Thiếu bản sao giấy chứng nhận quyền sử dụng đất',
        remainingWorkingDays: 4,
      };
    case 'SUPPLEMENT_RECEIVED':
      return { ...base, type, newAppointmentDate: RESUMED_APPOINTMENT };
    case 'REPORT_DELAY':
      return { ...base, type, reason: DELAY_REASON, proposedDate: LATER };
    case 'APPROVE_APOLOGY':
      return { ...base, type, newAppointmentDate: LATER, reason: SLIP_REASON };
    case 'REJECT':
      return { ...base, type, reason: 'Không thuộc thẩm quyền giải quyết của phường' };
    case 'WITHDRAW':
      return { ...base, type, reason: 'Người nộp đề nghị rút hồ sơ' };
  }
}

export type EmittedAction =
  | { type: 'notify'; params: DossierNotifyEffect }
  | { type: 'startApology'; params: StartApologyEffect }
  | { type: 'issueApology'; params: IssueApologyEffect };

/** Sends one event through xstate's pure `transition()`. */
export function send(snapshot: Snapshot, event: DossierEvent) {
  const [next, actions] = transition(tthcDossierMachine, snapshot, event);
  const emitted = actions.map((a) => ({ type: a.type, params: a.params }) as EmittedAction);
  return {
    snapshot: next,
    actions,
    /** Every returned action as `{type, params}`, in order. */
    emitted,
    notifications: emitted.filter((a) => a.type === 'notify').map((a) => a.params),
    startApology: emitted.filter((a) => a.type === 'startApology').map((a) => a.params),
    issueApology: emitted.filter((a) => a.type === 'issueApology').map((a) => a.params),
  };
}
