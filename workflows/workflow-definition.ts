import {
  AnyStateMachine,
  ContextFrom,
  EventFrom,
  getNextTransitions,
  SnapshotFrom,
  StateValue,
} from 'xstate';
import { Actor } from '@cchc/domain';

/**
 * What the engine needs to know about every persisted machine (reform task now, TTHC dossier
 * later): its name and version, its labels, and its rules, so that refusals and the actions
 * offered in the UI come from the same functions as the machine's guards.
 */
export interface WorkflowDefinition<TMachine extends AnyStateMachine = AnyStateMachine> {
  /** Stable name stored next to each instance, e.g. 'reform-task'. */
  readonly name: string;
  /** Bump when the machine changes incompatibly (a persisted snapshot may no longer fit). */
  readonly version: number;
  readonly machine: TMachine;
  /** What an instance is called in messages, lower case, e.g. 'nhiệm vụ' or 'hồ sơ'. */
  readonly subject: string;
  /** Vietnamese label of every state, by state name. */
  readonly stateLabels: Readonly<Record<string, string>>;
  /** Every event type the machine knows, in the order the UI offers them. */
  readonly eventTypes: readonly EventFrom<TMachine>['type'][];
  /** Vietnamese label of every event type. */
  readonly eventLabels: Readonly<Record<string, string>>;
  /**
   * null when the actor may send this event type to an instance with this context; otherwise a
   * Vietnamese sentence saying why not (→ HTTP 403). Role rules live here and nowhere else.
   */
  authorize(context: ContextFrom<TMachine>, eventType: string, actor: Actor): string | null;
  /**
   * Preconditions that do not depend on the event's payload or on today's date (e.g. "no
   * extension request is pending"): null, or why this event type cannot be sent now.
   */
  unavailable?(context: ContextFrom<TMachine>, eventType: string): string | null;
  /** Every precondition of this event, payload included (role rules excluded). */
  precondition?(context: ContextFrom<TMachine>, event: EventFrom<TMachine>): string | null;
}

export type RefusalKind = 'state' | 'role' | 'precondition';

/**
 * Why an event is refused. The engine maps `state` → 409 Conflict, `role` → 403 Forbidden and
 * `precondition` → 422 Unprocessable Entity (a suggestion; the mapping belongs to the API).
 */
export interface Refusal {
  kind: RefusalKind;
  message: string;
}

/** The Vietnamese label of the snapshot's current state. */
export function stateLabel<TMachine extends AnyStateMachine>(
  definition: WorkflowDefinition<TMachine>,
  snapshot: SnapshotFrom<TMachine>,
): string {
  const value = (snapshot as { value: StateValue }).value;
  if (typeof value === 'string') return definition.stateLabels[value] ?? value;
  return JSON.stringify(value);
}

function eventLabel(definition: WorkflowDefinition, eventType: string): string {
  return definition.eventLabels[eventType] ?? eventType;
}

/** Event types the snapshot's current state has a transition for (guards not evaluated). */
export function acceptedEventTypes<TMachine extends AnyStateMachine>(
  snapshot: SnapshotFrom<TMachine>,
): Set<string> {
  const machineSnapshot = snapshot as SnapshotFrom<AnyStateMachine>;
  if (machineSnapshot.status !== 'active') return new Set();
  return new Set(getNextTransitions(machineSnapshot).map((t) => t.eventType));
}

/**
 * `null` when the snapshot accepts the event; otherwise why not:
 * - `state`: the current state does not take this event type at all;
 * - `role`: `authorize` refuses the event's actor;
 * - `precondition`: anything else (no pending request, empty report, a date in the past...).
 */
export function refusal<TMachine extends AnyStateMachine>(
  definition: WorkflowDefinition<TMachine>,
  snapshot: SnapshotFrom<TMachine>,
  event: EventFrom<TMachine>,
): Refusal | null {
  const machineSnapshot = snapshot as SnapshotFrom<AnyStateMachine>;
  if (machineSnapshot.status === 'active' && machineSnapshot.can(event)) return null;

  const type = (event as { type: string }).type;
  const label = stateLabel(definition, snapshot);
  const subject = definition.subject;
  if (!(definition.eventTypes as readonly string[]).includes(type)) {
    return {
      kind: 'state',
      message: `Loại thao tác "${type}" không có trong quy trình ${subject}.`,
    };
  }
  if (!acceptedEventTypes(snapshot).has(type)) {
    return {
      kind: 'state',
      message: `Không thể "${eventLabel(definition, type)}" khi ${subject} đang ở trạng thái "${label}".`,
    };
  }

  const context = machineSnapshot.context as ContextFrom<TMachine>;
  const actor = (event as { actor?: Actor }).actor as Actor;
  const forbidden = definition.authorize(context, type, actor);
  if (forbidden !== null) return { kind: 'role', message: forbidden };

  const unmet =
    definition.precondition?.(context, event) ?? definition.unavailable?.(context, type) ?? null;
  return {
    kind: 'precondition',
    message:
      unmet ??
      `Chưa đủ điều kiện để "${eventLabel(definition, type)}" khi ${subject} đang ở trạng thái "${label}".`,
  };
}

/**
 * Event types this actor may send now: accepted by the current state, authorized, and not
 * blocked by a payload-independent precondition. Payload and date checks (e.g. a report must
 * not be empty, the deadline must have come) are left to `refusal` once the event is known.
 */
export function allowedEvents<TMachine extends AnyStateMachine>(
  definition: WorkflowDefinition<TMachine>,
  snapshot: SnapshotFrom<TMachine>,
  actor: Actor,
): EventFrom<TMachine>['type'][] {
  const accepted = acceptedEventTypes(snapshot);
  const context = (snapshot as SnapshotFrom<AnyStateMachine>).context as ContextFrom<TMachine>;
  return definition.eventTypes.filter(
    (type) =>
      accepted.has(type) &&
      definition.authorize(context, type, actor) === null &&
      (definition.unavailable?.(context, type) ?? null) === null,
  );
}

/** What the engine stores for an instance: `JSON.parse(JSON.stringify(snapshot))` fits. */
export interface PersistedWorkflowSnapshot<TMachine extends AnyStateMachine = AnyStateMachine> {
  value: StateValue;
  context: ContextFrom<TMachine>;
}

/** Rebuilds a live snapshot from its stored JSON, ready for `transition()`. */
export function restoreSnapshot<TMachine extends AnyStateMachine>(
  definition: WorkflowDefinition<TMachine>,
  persisted: PersistedWorkflowSnapshot<TMachine>,
): SnapshotFrom<TMachine> {
  return definition.machine.resolveState({
    value: persisted.value,
    context: persisted.context,
  }) as SnapshotFrom<TMachine>;
}
