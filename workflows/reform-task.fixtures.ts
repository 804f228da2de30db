// Test fixtures for the reform-task specs (not part of the public surface).
import { transition } from 'xstate';
import {
  Actor,
  ExtensionRequest,
  IsoDate,
  NotifyEffect,
  ReformTaskContext,
  ReformTaskEvent,
  Role,
  SYSTEM_ACTOR,
  TaskEventType,
  TaskState,
} from '@cchc/domain';
import { reformTaskMachine } from './reform-task.machine';

export const DUE: IsoDate = '2026-03-31';
export const BEFORE_DUE: IsoDate = '2026-03-20';
export const AFTER_DUE: IsoDate = '2026-04-10';
export const LATER: IsoDate = '2026-05-31';

function user(userId: string, role: Role, unitId: string | null): Actor {
  return { kind: 'user', userId, role, unitId };
}

export const actors = {
  officer: user('officer-1', 'officer', 'unit-A'),
  unitHead: user('head-1', 'unit_head', 'unit-A'),
  otherOfficer: user('officer-2', 'officer', 'unit-B'),
  otherUnitHead: user('head-2', 'unit_head', 'unit-B'),
  leader: user('leader-1', 'leader', 'office'),
  otherLeader: user('leader-2', 'leader', 'office'),
  chairman: user('chair-1', 'chairman', null),
  coordinator: user('coord-1', 'coordinator', 'office'),
  inspector: user('insp-1', 'inspector', null),
  oneStop: user('onestop-1', 'one_stop_officer', 'unit-A'),
  system: SYSTEM_ACTOR,
} satisfies Record<string, Actor>;
export type ActorName = keyof typeof actors;
export const ACTOR_NAMES = Object.keys(actors) as ActorName[];

export const baseContext: ReformTaskContext = {
  leadUnitId: 'unit-A',
  leaderId: 'leader-1',
  dueDate: DUE,
  late: false,
  resumeState: null,
  extensionRequest: null,
};

export const pendingRequest: ExtensionRequest = {
  proposedDueDate: LATER,
  reason: 'Chờ hướng dẫn của thành phố',
  requestedBy: 'officer-1',
  requestedOn: BEFORE_DUE,
};

/** A realistic context for a task sitting in `state`. */
export function contextIn(
  state: TaskState,
  overrides: Partial<ReformTaskContext> = {},
): ReformTaskContext {
  const stateFacts: Partial<ReformTaskContext> =
    state === 'overdue' ? { late: true, resumeState: 'inProgress' } : {};
  return { ...baseContext, ...stateFacts, ...overrides };
}

/** A snapshot in `state`, as the engine would restore it from the database. */
export function snapshotIn(state: TaskState, overrides: Partial<ReformTaskContext> = {}) {
  return reformTaskMachine.resolveState({ value: state, context: contextIn(state, overrides) });
}

/** Who normally sends each event type. */
export const DEFAULT_SENDER: Record<TaskEventType, ActorName> = {
  START: 'officer',
  SUBMIT_REPORT: 'officer',
  APPROVE: 'leader',
  RETURN: 'leader',
  DEADLINE_PASSED: 'system',
  REQUEST_EXTENSION: 'officer',
  DECIDE_EXTENSION: 'leader',
  REASSIGN: 'coordinator',
  CANCEL: 'chairman',
  AMEND: 'coordinator',
  REMIND: 'system',
  ESCALATE: 'system',
  CHILDREN_COMPLETED: 'system',
};

/** A well-formed event of this type, with a payload that passes every precondition. */
export function validEvent(
  type: TaskEventType,
  actor: Actor = actors[DEFAULT_SENDER[type]],
  today: IsoDate = type === 'DEADLINE_PASSED' ? DUE : BEFORE_DUE,
): ReformTaskEvent {
  const base = { actor, today };
  switch (type) {
    case 'START':
    case 'APPROVE':
    case 'DEADLINE_PASSED':
      return { ...base, type };
    case 'SUBMIT_REPORT':
      return { ...base, type, report: 'Đã ban hành kế hoạch', product: 'Kế hoạch số 12/KH-UBND' };
    case 'RETURN':
      return { ...base, type, reason: 'Thiếu số liệu quý I' };
    case 'REQUEST_EXTENSION':
      return { ...base, type, proposedDueDate: LATER, reason: 'Chờ hướng dẫn của thành phố' };
    case 'DECIDE_EXTENSION':
      return { ...base, type, decision: 'approve' };
    case 'REASSIGN':
      return { ...base, type, leadUnitId: 'unit-B' };
    case 'CANCEL':
      return { ...base, type, reason: 'Nhiệm vụ không còn phù hợp' };
    case 'AMEND':
      return { ...base, type, reason: 'Điều chỉnh kế hoạch', changes: { leadUnitId: 'unit-B' } };
    case 'REMIND':
      return { ...base, type, dueDate: DUE, level: 1, to: ['leadUnit'] };
    case 'ESCALATE':
      return { ...base, type, dueDate: DUE, level: 1, to: ['chairman'] };
    case 'CHILDREN_COMPLETED':
      return { ...base, type, late: false };
  }
}

type Snapshot = ReturnType<typeof snapshotIn>;

/** Sends one event through xstate's pure `transition()`. */
export function send(snapshot: Snapshot, event: ReformTaskEvent) {
  const [next, actions] = transition(reformTaskMachine, snapshot, event);
  return {
    snapshot: next,
    actions,
    notifications: actions.filter((a) => a.type === 'notify').map((a) => a.params as NotifyEffect),
  };
}
