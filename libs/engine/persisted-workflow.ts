import { AnyStateMachine, SnapshotFrom } from 'xstate';
import { WorkflowDefinition } from '@cchc/workflows';
import { SqlStatement } from './sql-batch';

/** Where an action the machine emits goes: a BullMQ queue and job name. */
export interface JobRoute {
  queue: string;
  jobName: string;
  /**
   * A condition on the instance's row (SQL over its table's columns): the job is written only
   * for a row that meets it, as the writing transaction reads it. For work that most instances
   * do not need and their snapshot cannot tell (a task's parent group).
   */
  onlyIf?: string;
}

/** An action the machine emitted, with the instance and the step that emitted it. */
export interface InstanceEffect {
  instanceType: string;
  instanceId: string;
  seq: number;
  params: Record<string, unknown>;
  at: Date;
}

/**
 * How one workflow is stored: its table, the columns mirrored from the snapshot
 * (indexed, so lists and deadline scans never open the JSON) and the routes of its effects.
 */
export interface PersistedWorkflow<TMachine extends AnyStateMachine = AnyStateMachine> {
  definition: WorkflowDefinition<TMachine>;
  /** Audit `instance_type`, e.g. 'reform-task'. */
  instanceType: string;
  table: string;
  project(snapshot: SnapshotFrom<TMachine>): Record<string, unknown>;
  /** Machine actions (by type) that become outbox jobs; other actions are ignored. */
  jobRoutes: Record<string, JobRoute>;
  /**
   * Machine actions (by type) written by a statement in the step's own transaction, after its
   * row and audit event (a notification: rows for the database alone need no job); null writes
   * nothing.
   */
  writes?: Record<string, (effect: InstanceEffect) => SqlStatement | null>;
  /**
   * A job written at creation and by every transition that changes what `inputsOf` returns, e.g.
   * to re-plan the instance's timers, which depend on nothing else of the snapshot: a transition
   * that leaves them as they were gives the worker no job to do.
   */
  replan?: {
    route: JobRoute;
    /** What the job's work depends on, comparable with `===` (a string). */
    inputsOf(snapshot: SnapshotFrom<TMachine>): string;
  };
  /**
   * The table's triggers keep counters per ward (e.g. `task_counts`): a group commit locks the
   * wards' rows first, so that concurrent groups of one ward take its counter rows one after the
   * other instead of each in the order of its instances (a deadlock in about every third group at
   * 16 clients on one ward). A creation and a transition in a caller's transaction lock it too,
   * and a caller that locks such an instance's row before writing it uses WorkflowEngine.lockRow.
   */
  lockWardFirst?: boolean;
}
