// The PAR-Index answers of the API, as its OpenAPI document (schema.d.ts) describes them.
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type Assessment = Schemas['AssessmentView'];
export type Criterion = Schemas['CriterionView'];
export type AreaTotal = Schemas['AreaTotalView'];
export type LostPoints = Schemas['LostPointsView'];

/** The score dialog's fields: a score with what supports it, a survey's result, or a return's reason. */
export interface ScoreValues {
  score?: number;
  rate?: number;
  source?: string;
  note?: string;
  evidenceIds?: string[];
  taskIds?: string[];
  figures?: NonNullable<Criterion['score']>['figures'];
  reason?: string;
}
