import { CAMPAIGN_EVENT_LABELS, CAMPAIGN_EVENT_TYPES, CAMPAIGN_STATE_LABELS } from '@cchc/domain';
import {
  inspectionCampaignMachine,
  InspectionCampaignMachine,
} from './inspection-campaign.machine';
import {
  authorizeInspectionCampaign,
  inspectionCampaignPrecondition,
  inspectionCampaignUnavailable,
} from './inspection-campaign.rules';
import { WorkflowDefinition } from './workflow-definition';

export { inspectionCampaignMachine } from './inspection-campaign.machine';
export type { InspectionCampaignMachine } from './inspection-campaign.machine';
export {
  authorizeInspectionCampaign,
  findingAllowedEvents,
  visitAllowedEvents,
} from './inspection-campaign.rules';

/** The inspection campaign (đợt kiểm tra) workflow, as the engine sees it. */
export const inspectionCampaignWorkflow: WorkflowDefinition<InspectionCampaignMachine> = {
  name: 'inspection-campaign',
  version: 1,
  machine: inspectionCampaignMachine,
  subject: 'đợt kiểm tra',
  stateLabels: CAMPAIGN_STATE_LABELS,
  eventTypes: CAMPAIGN_EVENT_TYPES,
  eventLabels: CAMPAIGN_EVENT_LABELS,
  authorize: authorizeInspectionCampaign,
  unavailable: inspectionCampaignUnavailable,
  precondition: inspectionCampaignPrecondition,
};
