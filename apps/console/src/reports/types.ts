// The periodic-report answers of the API, as its OpenAPI document (schema.d.ts) describes them.
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type ReportingCalendar = Schemas['ReportingCalendarViewDto'];
export type ReportSummary = Schemas['ReportSummaryDto'];
export type Report = Schemas['ReportViewDto'];
export type Contribution = Schemas['ContributionViewDto'];
export type Revision = Schemas['RevisionViewDto'];
