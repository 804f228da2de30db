export * from './workflow-definition';
export { reformTaskMachine } from './reform-task.machine';
export type { ReformTaskMachine } from './reform-task.machine';
export {
  authorizeReformTask,
  reformTaskUnavailable,
  reformTaskPrecondition,
  approvedDueDate,
  isIsoDate,
  isTaskEventType,
} from './reform-task.rules';
export { reformTaskWorkflow } from './reform-task.workflow';
export * from './tthc-dossier.workflow';
export * from './inspection-campaign.workflow';
export * from './periodic-report.workflow';
