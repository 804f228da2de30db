import { TASK_EVENT_LABELS, TASK_EVENT_TYPES, TASK_STATE_LABELS } from '@cchc/domain';
import { reformTaskMachine, ReformTaskMachine } from './reform-task.machine';
import {
  authorizeReformTask,
  reformTaskPrecondition,
  reformTaskUnavailable,
} from './reform-task.rules';
import { WorkflowDefinition } from './workflow-definition';

/** The administrative-reform task (nhiệm vụ CCHC) workflow, as the engine sees it. */
export const reformTaskWorkflow: WorkflowDefinition<ReformTaskMachine> = {
  name: 'reform-task',
  version: 1,
  machine: reformTaskMachine,
  subject: 'nhiệm vụ',
  stateLabels: TASK_STATE_LABELS,
  eventTypes: TASK_EVENT_TYPES,
  eventLabels: TASK_EVENT_LABELS,
  authorize: authorizeReformTask,
  unavailable: reformTaskUnavailable,
  precondition: reformTaskPrecondition,
};
