import { PersistedWorkflow } from '@cchc/engine';
import { QUEUES } from '@cchc/queue';
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
  jobRoutes: { notify: { queue: QUEUES.notifications, jobName: 'notify' } },
};

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
  jobRoutes: { notify: { queue: QUEUES.notifications, jobName: 'notify' } },
};
