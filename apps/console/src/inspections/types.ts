// The inspection answers of the API, as its OpenAPI document (schema.d.ts) describes them.
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type CampaignSummary = Schemas['CampaignSummaryView'];
export type Campaign = Schemas['CampaignView'];
export type Visit = Schemas['VisitView'];
export type Finding = Schemas['FindingView'];
export type InspectionFigures = Schemas['InspectionFigures'];
