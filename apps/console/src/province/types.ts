// The province's answers of the API, as its OpenAPI document (schema.d.ts) describes them.
import type { components } from '../api/schema';

export type WardRanking = components['schemas']['WardRankingView'];
