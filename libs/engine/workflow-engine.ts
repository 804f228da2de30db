import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnyStateMachine, InputFrom, initialTransition } from 'xstate';
import { Clock } from '@cchc/common';
import { todayIn } from '@cchc/calendar';
import { Actor, RecordedAuditEvent } from '@cchc/domain';
import { Metrics } from '@cchc/metrics';
import { restoreSnapshot } from '@cchc/workflows';
import {
  EventRefusedError,
  InstanceNotFoundError,
  MachineVersionError,
  StaleVersionError,
} from './engine-errors';
import { GroupCommit, GuardedWrite, lockWardsSql } from './group-commit';
import { PersistedWorkflow } from './persisted-workflow';
import { GroupRead, InstanceRow, instanceRowSql } from './group-read';
import { RecentRows } from './recent-rows';
import { driverPool, isDuplicateKey, runBatch } from './sql-batch';
import { GENESIS_HASH } from '@cchc/audit';
import { AuditLog } from './audit-log';
import { Outbox } from './outbox';
import { insertSql, PersistedSnapshot } from './statements';
import {
  EventWithoutContext,
  HeldInstance,
  jobsFor,
  LoadedInstance,
  persist,
  planTransition,
  stateOf,
  TransitionResult,
  writesFor,
  written,
} from './transition-plan';

/** Rows kept for the next transition of their instance (about a kilobyte each). */
const RECENT_ROWS = 10_000;

export interface CreateCommand<TMachine extends AnyStateMachine> {
  id: string;
  input: InputFrom<TMachine>;
  actor: Actor;
  /** Columns of the instance's row that do not come from the snapshot (title, ward ...). */
  columns: Record<string, unknown>;
  /** What the creation audit event records (e.g. the source row of an import). */
  auditPayload?: Record<string, unknown>;
  /** The creation event's type (CREATED unless the subject names it, e.g. RECEIVED). */
  auditEvent?: RecordedAuditEvent;
}

/**
 * Runs persisted XState machines. A transition is computed with xstate's pure `transition()`,
 * then written atomically: the row (snapshot, mirrored columns, version + 1 guarded by the version
 * the client saw), an append-only audit event, the outbox rows for the jobs the machine asked
 * for and the statements of its other effects (PersistedWorkflow.writes). Of several concurrent transitions on one instance exactly one is applied; the others get a
 * StaleVersionError. On its own the engine batches concurrent reads (GroupRead), group-commits
 * concurrent transitions (GroupCommit) and keeps the rows it wrote last (RecentRows), so that an
 * instance's next transition needs no read; inside a caller's transaction it uses that transaction.
 */
@Injectable()
export class WorkflowEngine {
  private readonly groupCommit: GroupCommit;
  private readonly groupRead: GroupRead;
  private readonly recent = new RecentRows(RECENT_ROWS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    // Absent where the engine runs outside an application (benchmarks).
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.groupCommit = new GroupCommit(() => driverPool(dataSource));
    this.groupRead = new GroupRead(() => driverPool(dataSource));
  }

  today(): string {
    return todayIn(this.clock.now());
  }

  async create<TMachine extends AnyStateMachine>(
    workflow: PersistedWorkflow<TMachine>,
    command: CreateCommand<TMachine>,
    manager?: EntityManager,
  ): Promise<TransitionResult<TMachine>> {
    const [snapshot, actions] = initialTransition(workflow.definition.machine, command.input);
    const now = this.clock.now();
    const row: Record<string, unknown> = {
      ...command.columns,
      ...workflow.project(snapshot),
      id: command.id,
      version: 1,
      machine_version: workflow.definition.version,
      snapshot: JSON.stringify(persist(snapshot)),
      created_at: now,
      updated_at: now,
    };
    const jobs = jobsFor(workflow, command.id, 1, actions, snapshot);
    const statements = writesFor(workflow, command.id, 1, actions, now);
    const toState = stateOf(snapshot);
    const outbox = Outbox.forInstance(jobs, now, { table: workflow.table, id: command.id });
    const audit = AuditLog.row({
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
      prevHash: GENESIS_HASH,
      wardId: typeof row.ward_id === 'string' ? row.ward_id : null,
    });
    const wardLock = workflow.lockWardFirst && typeof row.ward_id === 'string' ? row.ward_id : null;
    if (manager && wardLock) await lockWardIn(manager, wardLock);
    await runBatch(manager ?? this.dataSource, [
      ...(wardLock && !manager ? [lockWardsSql([wardLock])] : []),
      insertSql({ table: workflow.table, columns: Object.keys(row), rows: [Object.values(row)] }),
      insertSql(audit),
      ...(outbox.rows ? [insertSql(outbox.rows)] : []),
      ...outbox.statements,
      ...statements,
    ]);
    // Inside a caller's transaction the row may yet be rolled back.
    if (!manager)
      this.recent.set(workflow.table, written(workflow, command.id, 1, row.snapshot, audit));
    return {
      id: command.id,
      version: 1,
      snapshot,
      fromState: toState,
      toState,
      jobs,
      effects: actions.map(({ type, params }) => ({ type, params })),
      columns: row,
    };
  }

  async load<TMachine extends AnyStateMachine>(
    workflow: PersistedWorkflow<TMachine>,
    id: string,
    manager?: EntityManager,
  ): Promise<HeldInstance<TMachine>> {
    const row = manager
      ? (
          (await manager.query(instanceRowSql(workflow.table, 't.id = ?'), [id])) as InstanceRow[]
        )[0]
      : await this.groupRead.read(workflow.table, id);
    return this.held(workflow, id, row);
  }

  /**
   * The instance from its row as the caller has read it (snapshot, version, machine version),
   * without reading it again: e.g. a view's allowed events from the row the view shows.
   */
  restore<TMachine extends AnyStateMachine>(
    workflow: PersistedWorkflow<TMachine>,
    row: Pick<InstanceRow, 'id' | 'snapshot' | 'version' | 'machine_version'>,
  ): LoadedInstance<TMachine> {
    const { id, version, snapshot } = this.held(workflow, row.id, {
      ...row,
      audit_hash: null,
      audit_ward_id: null,
    });
    return { id, version, snapshot };
  }

  private held<TMachine extends AnyStateMachine>(
    workflow: PersistedWorkflow<TMachine>,
    id: string,
    row: InstanceRow | null | undefined,
  ): HeldInstance<TMachine> {
    if (!row) throw new InstanceNotFoundError(workflow.instanceType, id);
    if (row.machine_version !== workflow.definition.version) {
      throw new MachineVersionError(
        `${workflow.instanceType} ${id} was written by machine version ${row.machine_version}; ` +
          `this engine runs version ${workflow.definition.version} and has no migration for it`,
      );
    }
    const persisted = (
      typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot
    ) as PersistedSnapshot;
    return {
      id,
      version: row.version,
      snapshot: restoreSnapshot(workflow.definition, persisted as never),
      auditHead: row.audit_hash ? { hash: row.audit_hash, wardId: row.audit_ward_id } : null,
    };
  }

  /**
   * Applies an event sent by `actor` to the instance the client saw at `expectedVersion`.
   * `loaded`: the instance row as the caller has just read it for this request (with its chain
   * head, see instanceRowSql), so that the engine does not read it again.
   */
  async send<TMachine extends AnyStateMachine>(
    workflow: PersistedWorkflow<TMachine>,
    id: string,
    event: EventWithoutContext<TMachine>,
    actor: Actor,
    expectedVersion: number,
    manager?: EntityManager,
    loaded?: InstanceRow,
  ): Promise<TransitionResult<TMachine>> {
    const counted = (outcome: 'applied' | 'refused' | 'stale') =>
      this.metrics?.transitions.inc({
        machine: workflow.instanceType,
        event: (event as unknown as { type: string }).type,
        outcome,
      });
    try {
      const result = await this.apply(workflow, id, event, actor, expectedVersion, manager, loaded);
      counted('applied');
      return result;
    } catch (error) {
      if (error instanceof EventRefusedError) counted('refused');
      else if (error instanceof StaleVersionError) counted('stale');
      throw error;
    }
  }

  private async apply<TMachine extends AnyStateMachine>(
    workflow: PersistedWorkflow<TMachine>,
    id: string,
    event: EventWithoutContext<TMachine>,
    actor: Actor,
    expectedVersion: number,
    manager?: EntityManager,
    loaded?: InstanceRow,
  ): Promise<TransitionResult<TMachine>> {
    const known =
      loaded ?? (manager ? undefined : this.recent.get(workflow.table, id, expectedVersion));
    const current = known ? this.held(workflow, id, known) : await this.load(workflow, id, manager);
    if (current.version !== expectedVersion)
      throw new StaleVersionError(expectedVersion, current.version);
    const { result, write, row } = planTransition(
      workflow,
      current,
      event,
      actor,
      this.clock.now(),
    );
    if (manager) {
      this.recent.forget(workflow.table, id);
      await this.writeInTransaction(manager, write, expectedVersion);
    } else if (await this.groupCommit.submit(write)) {
      this.recent.set(workflow.table, row);
    } else {
      this.recent.forget(workflow.table, id);
      const latest = await this.load(workflow, id);
      throw new StaleVersionError(expectedVersion, latest.version);
    }
    return result;
  }

  private async writeInTransaction(
    manager: EntityManager,
    write: GuardedWrite,
    expectedVersion: number,
  ): Promise<void> {
    if (write.wardLock) await lockWardIn(manager, write.wardLock);
    const update = (await manager.query(write.guard.sql, write.guard.params)) as {
      affectedRows?: number;
    };
    if (update.affectedRows === 0)
      throw new StaleVersionError(expectedVersion, expectedVersion + 1);
    try {
      for (const rows of write.inserts) {
        const { sql, params } = insertSql(rows);
        await manager.query(sql, params);
      }
      for (const { sql, params } of write.statements) await manager.query(sql, params);
    } catch (error) {
      if (isDuplicateKey(error, 'uq_audit_instance_seq'))
        throw new StaleVersionError(expectedVersion, expectedVersion + 1);
      throw error;
    }
  }

  /**
   * Locks an instance's row in a caller's transaction that will write it, in the order the
   * engine's own writes lock: its ward's row first when the workflow says so (lockWardFirst).
   * A caller that locked the instance alone and then sent it an event would hold the row a group
   * commit of its ward waits for, while waiting for that group's ward or counters: a deadlock.
   * `wardId` is the row's ward (it never changes), read by the caller without a lock.
   */
  async lockRow(
    manager: EntityManager,
    workflow: PersistedWorkflow<AnyStateMachine>,
    id: string,
    wardId: string,
  ): Promise<void> {
    if (workflow.lockWardFirst) await lockWardIn(manager, wardId);
    await manager.query(`SELECT id FROM ${workflow.table} WHERE id = ? FOR UPDATE`, [id]);
  }
}

/**
 * Locks the ward's row in a caller's transaction, before an instance's row, as a group commit
 * does (PersistedWorkflow.lockWardFirst); again for each write, a lock already held costs a
 * round trip.
 */
async function lockWardIn(manager: EntityManager, wardId: string): Promise<void> {
  const { sql, params } = lockWardsSql([wardId]);
  await manager.query(sql, params);
}
