import {
  CONTRIBUTION_EVENT_LABELS,
  CONTRIBUTION_EVENT_TYPES,
  CONTRIBUTION_STATE_LABELS,
  REPORT_EVENT_LABELS,
  REPORT_EVENT_TYPES,
  REPORT_STATE_LABELS,
} from '@cchc/domain';
import {
  periodicReportMachine,
  PeriodicReportMachine,
  reportContributionMachine,
  ReportContributionMachine,
} from './periodic-report.machine';
import {
  authorizeContribution,
  authorizeReport,
  contributionPrecondition,
  reportPrecondition,
} from './periodic-report.rules';
import { WorkflowDefinition } from './workflow-definition';

export { periodicReportMachine, reportContributionMachine } from './periodic-report.machine';
export type { PeriodicReportMachine, ReportContributionMachine } from './periodic-report.machine';
export {
  authorizeContribution,
  authorizeReport,
  contributionPrecondition,
  isContributionEventType,
  isReportEventType,
  reportPrecondition,
} from './periodic-report.rules';

/** The periodic report (báo cáo định kỳ CCHC), as the engine sees it. */
export const periodicReportWorkflow: WorkflowDefinition<PeriodicReportMachine> = {
  name: 'periodic-report',
  version: 1,
  machine: periodicReportMachine,
  subject: 'báo cáo',
  stateLabels: REPORT_STATE_LABELS,
  eventTypes: REPORT_EVENT_TYPES,
  eventLabels: REPORT_EVENT_LABELS,
  authorize: authorizeReport,
  precondition: reportPrecondition,
};

/** A unit's contribution to a periodic report, as the engine sees it. */
export const reportContributionWorkflow: WorkflowDefinition<ReportContributionMachine> = {
  name: 'report-contribution',
  version: 1,
  machine: reportContributionMachine,
  subject: 'báo cáo đóng góp',
  stateLabels: CONTRIBUTION_STATE_LABELS,
  eventTypes: CONTRIBUTION_EVENT_TYPES,
  eventLabels: CONTRIBUTION_EVENT_LABELS,
  authorize: authorizeContribution,
  precondition: contributionPrecondition,
};
