import { PersistedWorkflow } from '@cchc/engine';
import { InspectionCampaignMachine, inspectionCampaignWorkflow } from '@cchc/workflows';
import { notifyInTransaction } from '@cchc/notifications';

/** Campaigns live in `inspection_campaigns`; their visits are mirrored in `inspection_visits`. */
export const inspectionCampaignPersistence: PersistedWorkflow<InspectionCampaignMachine> = {
  definition: inspectionCampaignWorkflow,
  instanceType: 'inspection-campaign',
  table: 'inspection_campaigns',
  project: ({ value, context }) => ({
    state: value,
    notice_number: context.noticeNumber,
    concluded_on: context.concludedOn,
  }),
  // The team and the units in scope hear of the start (CampaignNotifyEffect); a unit learns of its
  // remediation task from the task itself.
  jobRoutes: {},
  writes: notifyInTransaction,
};
