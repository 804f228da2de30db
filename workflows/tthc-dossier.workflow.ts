import { DOSSIER_EVENT_LABELS, DOSSIER_EVENT_TYPES, DOSSIER_STATE_LABELS } from '@cchc/domain';
import { tthcDossierMachine, TthcDossierMachine } from './tthc-dossier.machine';
import {
  authorizeTthcDossier,
  tthcDossierPrecondition,
  tthcDossierUnavailable,
} from './tthc-dossier.rules';
import { WorkflowDefinition } from './workflow-definition';

// The dossier workflow's public surface, re-exported through workflows/index.ts.
export { tthcDossierMachine } from './tthc-dossier.machine';
export type { TthcDossierMachine } from './tthc-dossier.machine';
export {
  apologyReason,
  authorizeTthcDossier,
  isDossierEventType,
  tthcDossierPrecondition,
  tthcDossierUnavailable,
} from './tthc-dossier.rules';

/** The administrative-procedure dossier (hồ sơ TTHC) workflow, as the engine sees it. */
export const tthcDossierWorkflow: WorkflowDefinition<TthcDossierMachine> = {
  name: 'tthc-dossier',
  version: 1,
  machine: tthcDossierMachine,
  subject: 'hồ sơ',
  stateLabels: DOSSIER_STATE_LABELS,
  eventTypes: DOSSIER_EVENT_TYPES,
  eventLabels: DOSSIER_EVENT_LABELS,
  authorize: authorizeTthcDossier,
  unavailable: tthcDossierUnavailable,
  precondition: tthcDossierPrecondition,
};
