import { AnyStateMachine, SnapshotFrom } from 'xstate';
import { WorkflowDefinition } from '@cchc/workflows';

/** Where an action the machine emits goes: a BullMQ queue and job name. */
export interface JobRoute {
  queue: string;
  jobName: string;
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
  /** A job written with every transition (creation included), e.g. to re-plan the instance's timers. */
  afterEveryTransition?: JobRoute;
}
