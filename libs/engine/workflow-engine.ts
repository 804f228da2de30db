import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnyMachineSnapshot,
  AnyStateMachine,
  EventFrom,
  EventFromLogic,
  EventObject,
  InputFrom,
  SnapshotFrom,
  initialTransition,
  transition,
} from 'xstate';
import { Clock } from '@cchc/common';
import { todayIn } from '@cchc/calendar';
import { Actor } from '@cchc/domain';
import { allowedEvents, refusal, restoreSnapshot } from '@cchc/workflows';
import {
  EventRefusedError,
  InstanceNotFoundError,
  MachineVersionError,
  StaleVersionError,
} from './engine-errors';
import { PersistedWorkflow } from './persisted-workflow';
import { SqlStatement, isDuplicateKey, runBatch } from './sql-batch';
import { auditInsert, outboxInsert, OutboxJob, PersistedSnapshot } from './statements';

export interface LoadedInstance<TMachine extends AnyStateMachine> {
  id: string;
  version: number;
  snapshot: SnapshotFrom<TMachine>;
}

export interface TransitionResult<
  TMachine extends AnyStateMachine,
> extends LoadedInstance<TMachine> {
  fromState: string;
  toState: string;
  jobs: OutboxJob[];
}

export interface CreateCommand<TMachine extends AnyStateMachine> {
  id: string;
  input: InputFrom<TMachine>;
  actor: Actor;
  /** Columns of the instance's row that do not come from the snapshot (title, ward ...). */
  columns: Record<string, unknown>;
  /** What the creation audit event records (e.g. the source row of an import). */
  auditPayload?: Record<string, unknown>;
  auditEvent?: string;
}

/**
 * Runs persisted XState machines. A transition is computed with xstate's pure `transition()`,
 * then written as ONE transaction: the row (snapshot, mirrored columns, version + 1), an
 * append-only audit event and the outbox rows for the jobs the machine asked for.
 * Exactly one of several concurrent transitions wins: the version check on the row and the
 * unique (instance, seq) audit key turn every other one into a StaleVersionError.
 */
@Injectable()
export class WorkflowEngine {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return todayIn(this.clock.now());
  }

  async create<TMachine extends AnyStateMachine>(
    workflow: PersistedWorkflow<TMachine>,
    command: CreateCommand<TMachine>,
    manager?: EntityManager,
  ): Promise<TransitionResult<TMachine>> {
    const { machine } = workflow.definition;
    const [snapshot, actions] = initialTransition(machine, command.input);
    const now = this.clock.now();
    const row = {
      ...command.columns,
      ...workflow.project(snapshot),
      id: command.id,
      version: 1,
      machine_version: workflow.definition.version,
      snapshot: JSON.stringify(persist(snapshot)),
      created_at: now,
      updated_at: now,
    };
    const names = Object.keys(row);
    const jobs = this.jobsFor(workflow, command.id, 1, actions);
    const toState = stateOf(snapshot);
    await runBatch(manager ?? this.dataSource, [
      {
        sql: `INSERT INTO ${workflow.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        params: names.map((name) => row[name as keyof typeof row]),
      },
      auditInsert({
        instanceType: workflow.instanceType,
        instanceId: command.id,
        seq: 1,
        eventType: command.auditEvent ?? 'CREATED',
        fromState: null,
        toState,
        actor: command.actor,
        reason: null,
        payload: command.auditPayload ?? null,
        occurredAt: now,
      }),
      ...outboxInsert(jobs, now),
    ]);
    return { id: command.id, version: 1, snapshot, fromState: toState, toState, jobs };
  }

  async load<TMachine extends AnyStateMachine>(
    workflow: PersistedWorkflow<TMachine>,
    id: string,
    manager?: EntityManager,
  ): Promise<LoadedInstance<TMachine>> {
    const rows = (await (manager ?? this.dataSource).query(
      `SELECT snapshot, version, machine_version FROM ${workflow.table} WHERE id = ?`,
      [id],
    )) as { snapshot: PersistedSnapshot | string; version: number; machine_version: number }[];
    if (rows.length === 0) throw new InstanceNotFoundError(workflow.instanceType, id);
    const [row] = rows;
    if (row.machine_version !== workflow.definition.version) {
      throw new MachineVersionError(
        `${workflow.instanceType} ${id} was written by machine version ${row.machine_version}; ` +
          `this engine runs version ${workflow.definition.version} and has no migration for it`,
      );
    }
    const persisted = typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot;
    return { id, version: row.version, snapshot: restoreSnapshot(workflow.definition, persisted) };
  }

  /** Applies an event sent by `actor` to the instance the client saw at `expectedVersion`. */
  async send<TMachine extends AnyStateMachine>(
    workflow: PersistedWorkflow<TMachine>,
    id: string,
    event: Omit<EventFromLogic<TMachine>, 'actor' | 'today'>,
    actor: Actor,
    expectedVersion: number,
    manager?: EntityManager,
  ): Promise<TransitionResult<TMachine>> {
    const current = await this.load(workflow, id, manager);
    if (current.version !== expectedVersion)
      throw new StaleVersionError(expectedVersion, current.version);

    const now = this.clock.now();
    const fullEvent = { ...event, actor, today: todayIn(now) } as EventFrom<TMachine>;
    const { definition } = workflow;
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
    const [nextSnapshot, actions] = transition(
      machine,
      current.snapshot as AnyMachineSnapshot,
      fullEvent as EventObject,
    );
    const next = nextSnapshot as SnapshotFrom<TMachine>;
    const version = current.version + 1;
    const jobs = this.jobsFor(workflow, id, version, actions);
    const fromState = stateOf(current.snapshot);
    const toState = stateOf(next);
    const columns = {
      ...workflow.project(next),
      snapshot: JSON.stringify(persist(next)),
      updated_at: now,
    };
    const names = Object.keys(columns);
    const { type, reason, ...payload } = event as unknown as { type: string; reason?: string };
    const statements: SqlStatement[] = [
      {
        sql:
          `UPDATE ${workflow.table} SET ${names.map((name) => `${name} = ?`).join(', ')}, version = ? ` +
          `WHERE id = ? AND version = ?`,
        params: [
          ...names.map((name) => columns[name as keyof typeof columns]),
          version,
          id,
          current.version,
        ],
      },
      auditInsert({
        instanceType: workflow.instanceType,
        instanceId: id,
        seq: version,
        eventType: type,
        fromState,
        toState,
        actor,
        reason: reason ?? null,
        payload: Object.keys(payload).length > 0 ? payload : null,
        occurredAt: now,
      }),
      ...outboxInsert(jobs, now),
    ];
    try {
      await runBatch(manager ?? this.dataSource, statements);
    } catch (error) {
      // A concurrent transition committed seq `version` first.
      if (isDuplicateKey(error, 'uq_audit_instance_seq'))
        throw new StaleVersionError(expectedVersion, version);
      throw error;
    }
    return { id, version, snapshot: next, fromState, toState, jobs };
  }

  private jobsFor(
    workflow: PersistedWorkflow,
    instanceId: string,
    seq: number,
    actions: { type: string; params?: unknown }[],
  ): OutboxJob[] {
    return actions.flatMap((action) => {
      const route = workflow.jobRoutes[action.type];
      if (!route) return [];
      const params = (action.params ?? {}) as Record<string, unknown>;
      return [
        {
          ...route,
          payload: { ...params, instanceType: workflow.instanceType, instanceId, seq },
        },
      ];
    });
  }
}

function persist(snapshot: { value: unknown; context: unknown }): PersistedSnapshot {
  return { value: snapshot.value, context: snapshot.context };
}

function stateOf(snapshot: { value: unknown }): string {
  return typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value);
}
