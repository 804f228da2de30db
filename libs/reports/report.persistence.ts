import { ContributionContext, ContributionState, TaskState } from '@cchc/domain';
import { PersistedWorkflow } from '@cchc/engine';
import { TIMER_PLAN_ROUTE } from '@cchc/timers';
import { notifyInTransaction } from '@cchc/notifications';
import {
  PeriodicReportMachine,
  periodicReportWorkflow,
  ReportContributionMachine,
  reportContributionWorkflow,
} from '@cchc/workflows';

/** Periodic reports live in `periodic_reports`; these columns mirror the snapshot for lists. */
export const periodicReportPersistence: PersistedWorkflow<PeriodicReportMachine> = {
  definition: periodicReportWorkflow,
  instanceType: 'periodic-report',
  table: 'periodic_reports',
  project: ({ value, context }) => ({
    state: value,
    revision: context.revision,
    content_hash: context.contentHash,
    number: context.number,
    late: context.late,
    sent_on: context.sentOn,
  }),
  jobRoutes: {},
  writes: notifyInTransaction,
};

/** The states in which a contribution waits for its unit, and so has timers. */
export const WAITING_STATES: readonly ContributionState[] = ['requested', 'returned'];

/**
 * What a contribution's timers are planned as: waiting, like a task in progress (reminders and
 * the deadline), and once its due date passed like an overdue one (escalations); else none.
 */
export function contributionTimerState(snapshot: {
  value: unknown;
  context: ContributionContext;
}): TaskState {
  if (!WAITING_STATES.includes(snapshot.value as ContributionState)) return 'accepted';
  return snapshot.context.overdue ? 'overdue' : 'inProgress';
}

/** Units' contributions live in `report_contributions`; due_date is indexed for the timers. */
export const reportContributionPersistence: PersistedWorkflow<ReportContributionMachine> = {
  definition: reportContributionWorkflow,
  instanceType: 'report-contribution',
  table: 'report_contributions',
  project: ({ value, context }) => ({
    state: value,
    due_date: context.dueDate,
    late: context.late,
    submitted_on: context.submittedOn,
  }),
  jobRoutes: {},
  writes: notifyInTransaction,
  // Its timers (ContributionService, a TimerPlanner) are planned by the worker after a step that
  // changes what it waits for or its due date, as a task's are.
  replan: {
    route: TIMER_PLAN_ROUTE,
    inputsOf: (snapshot) => `${contributionTimerState(snapshot)} ${snapshot.context.dueDate}`,
  },
};
