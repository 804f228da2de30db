import { ReformTaskMachine, reformTaskWorkflow } from '@cchc/workflows';
import { PersistedWorkflow } from '@cchc/engine';
import { QUEUES } from '@cchc/queue';
import { taskTimerPhase } from '@cchc/domain';
import { TIMER_PLAN_ROUTE } from '@cchc/timers';
import { notifyInTransaction } from '@cchc/notifications';

/** Reform tasks live in `reform_tasks`; these columns mirror the snapshot for filters and deadlines. */
export const reformTaskPersistence: PersistedWorkflow<ReformTaskMachine> = {
  definition: reformTaskWorkflow,
  instanceType: 'reform-task',
  table: 'reform_tasks',
  project: (snapshot) => ({
    state: snapshot.value,
    due_date: snapshot.context.dueDate,
    lead_unit_id: snapshot.context.leadUnitId,
    leader_id: snapshot.context.leaderId,
    late: snapshot.context.late,
  }),
  jobRoutes: {
    // A settled child may complete its group task (libs/plans GroupCompletionService); a task
    // outside a group (most) has nothing to complete.
    settled: { queue: QUEUES.groupTasks, jobName: 'settled', onlyIf: 'parent_id IS NOT NULL' },
  },
  writes: notifyInTransaction,
  // Its timers (libs/escalations TaskTimerPlanner) follow what it waits for and its due date: a transition that
  // changes either has them re-planned; START or APPROVE, say, changes neither.
  replan: {
    route: TIMER_PLAN_ROUTE,
    inputsOf: (snapshot) => `${taskTimerPhase(snapshot.value)} ${snapshot.context.dueDate ?? ''}`,
  },
  // The task counts' triggers (migration TaskCounts) upsert the ward's counters.
  lockWardFirst: true,
};
