import {
  AnyMachineSnapshot,
  AnyStateMachine,
  EventFrom,
  EventFromLogic,
  EventObject,
  SnapshotFrom,
} from 'xstate';
import { GENESIS_HASH } from '@cchc/audit';
import { todayIn } from '@cchc/calendar';
import { Actor } from '@cchc/domain';
import { allowedEvents, refusal } from '@cchc/workflows';
import { AuditHead, AuditLog } from './audit-log';
import { EventRefusedError } from './engine-errors';
import { GuardedWrite } from './group-commit';
import { InstanceRow } from './group-read';
import { machineStep } from './machine-step';
import { Outbox, OutboxJob } from './outbox';
import { PersistedWorkflow } from './persisted-workflow';
import { SqlStatement } from './sql-batch';
import { InsertRows, PersistedSnapshot } from './statements';

/*
 * A transition as data, computed without any I/O: the next snapshot, the guarded row update, its
 * audit event and outbox rows. The engine decides where it is written (group commit or the
 * caller's transaction).
 */

export interface LoadedInstance<TMachine extends AnyStateMachine> {
  id: string;
  version: number;
  snapshot: SnapshotFrom<TMachine>;
}

/** A loaded instance with its audit chain head, which its next event links to. */
export interface HeldInstance<TMachine extends AnyStateMachine> extends LoadedInstance<TMachine> {
  /** The last audit event's hash and ward; null when that event is missing (a broken chain). */
  auditHead: AuditHead | null;
}

export interface TransitionResult<
  TMachine extends AnyStateMachine,
> extends LoadedInstance<TMachine> {
  fromState: string;
  toState: string;
  /** The jobs the step asked for (a route's `onlyIf` may have left one unwritten). */
  jobs: OutboxJob[];
  /** The actions the machine emitted (notifications among them), as data. */
  effects: MachineAction[];
  /** The row's columns this write set (database names, version included), for answering without a read. */
  columns: Record<string, unknown>;
}

export type EventWithoutContext<TMachine extends AnyStateMachine> = Omit<
  EventFromLogic<TMachine>,
  'actor' | 'today'
>;

/** Computes a transition at `now` and the writes that persist it; refuses what the machine refuses. */
export function planTransition<TMachine extends AnyStateMachine>(
  workflow: PersistedWorkflow<TMachine>,
  current: HeldInstance<TMachine>,
  event: EventWithoutContext<TMachine>,
  actor: Actor,
  now: Date,
): { result: TransitionResult<TMachine>; write: GuardedWrite; row: InstanceRow } {
  const { definition } = workflow;
  const fullEvent = { ...event, actor, today: todayIn(now) } as EventFrom<TMachine>;
  const refused = refusal(definition, current.snapshot, fullEvent);
  if (refused) {
    const state = stateOf(current.snapshot);
    throw new EventRefusedError(
      refused.kind,
      refused.message,
      state,
      definition.stateLabels[state] ?? state,
      allowedEvents(definition, current.snapshot, actor),
    );
  }
  // Typed loosely here: callers are typed by TMachine, the engine works for any machine.
  const machine: AnyStateMachine = definition.machine;
  const [nextSnapshot, actions] = machineStep(
    machine,
    current.snapshot as AnyMachineSnapshot,
    fullEvent as EventObject,
  );
  const next = nextSnapshot as SnapshotFrom<TMachine>;
  const version = current.version + 1;
  const jobs = jobsFor(workflow, current.id, version, actions, next, current.snapshot);
  const statements = writesFor(workflow, current.id, version, actions, now);
  const fromState = stateOf(current.snapshot);
  const toState = stateOf(next);
  const columns: Record<string, unknown> = {
    ...workflow.project(next),
    snapshot: JSON.stringify(persist(next)),
    updated_at: now,
  };
  const { type, reason, ...payload } = event as unknown as { type: string; reason?: string };
  const audit = AuditLog.row({
    instanceType: workflow.instanceType,
    instanceId: current.id,
    seq: version,
    eventType: type,
    fromState,
    toState,
    actor,
    reason: reason ?? null,
    payload: Object.keys(payload).length > 0 ? payload : null,
    occurredAt: now,
    // Without its head (a deleted event) the chain stays visibly broken at this seq.
    prevHash: current.auditHead?.hash ?? GENESIS_HASH,
    wardId: current.auditHead?.wardId ?? null,
  });
  const outbox = Outbox.forInstance(jobs, now, { table: workflow.table, id: current.id });
  const write: GuardedWrite = {
    lockKey: current.id,
    wardLock: (workflow.lockWardFirst && current.auditHead?.wardId) || undefined,
    guard: {
      sql:
        `UPDATE ${workflow.table} SET ${Object.keys(columns)
          .map((name) => `${name} = ?`)
          .join(', ')}, version = ? ` + `WHERE id = ? AND version = ?`,
      params: [...Object.values(columns), version, current.id, current.version],
    },
    inserts: outbox.rows ? [audit, outbox.rows] : [audit],
    statements: [...outbox.statements, ...statements],
  };
  return {
    result: {
      id: current.id,
      version,
      snapshot: next,
      fromState,
      toState,
      jobs,
      effects: actions.map(({ type, params }) => ({ type, params })),
      columns: { ...columns, version },
    },
    write,
    row: written(workflow, current.id, version, columns.snapshot, audit),
  };
}

/** An action object of a machine step: `{ type: 'notify', params: { … } }`. */
export interface MachineAction {
  type: string;
  params?: unknown;
}

/**
 * The jobs of a step: its actions' routes, then the workflow's re-plan when the step changed its
 * inputs (`before` is the snapshot the step started from; a creation has none).
 */
export function jobsFor<TMachine extends AnyStateMachine>(
  workflow: PersistedWorkflow<TMachine>,
  instanceId: string,
  seq: number,
  actions: MachineAction[],
  after: SnapshotFrom<TMachine>,
  before?: SnapshotFrom<TMachine>,
): OutboxJob[] {
  const instance = { instanceType: workflow.instanceType, instanceId, seq };
  const jobs: OutboxJob[] = actions.flatMap((action) => {
    const route = workflow.jobRoutes[action.type];
    if (!route) return [];
    const params = (action.params ?? {}) as Record<string, unknown>;
    return [{ ...route, payload: { ...params, ...instance } }];
  });
  const { replan } = workflow;
  if (!replan || (before && replan.inputsOf(before) === replan.inputsOf(after))) return jobs;
  return [...jobs, { ...replan.route, payload: instance }];
}

/** The statements a step's actions write in its own transaction (PersistedWorkflow.writes). */
export function writesFor(
  workflow: PersistedWorkflow,
  instanceId: string,
  seq: number,
  actions: MachineAction[],
  at: Date,
): SqlStatement[] {
  return actions.flatMap((action) => {
    const write = workflow.writes?.[action.type];
    const statement = write?.({
      instanceType: workflow.instanceType,
      instanceId,
      seq,
      params: (action.params ?? {}) as Record<string, unknown>,
      at,
    });
    return statement ? [statement] : [];
  });
}

/** The row just written, as a read of it returns it. */
export function written(
  workflow: PersistedWorkflow,
  id: string,
  version: number,
  snapshot: unknown,
  audit: InsertRows,
): InstanceRow {
  const head = AuditLog.headOf(audit);
  return {
    id,
    snapshot,
    version,
    machine_version: workflow.definition.version,
    audit_hash: head.hash,
    audit_ward_id: head.wardId,
  };
}

export function persist(snapshot: { value: unknown; context: unknown }): PersistedSnapshot {
  return { value: snapshot.value, context: snapshot.context };
}

export function stateOf(snapshot: { value: unknown }): string {
  return typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value);
}
