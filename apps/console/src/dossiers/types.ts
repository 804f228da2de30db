// The dossier answers of the API (GET /dossiers, /dossiers/{code}, …/apologies), generated.
import type { components } from '../api/schema';

export type ApologySlip = components['schemas']['ApologySlipViewDto'];
export type Dossier = components['schemas']['DossierViewDto'];
