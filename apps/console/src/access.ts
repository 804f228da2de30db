import { ROLES } from '@cchc/domain';
import type { Role } from './api/types';

/** Every role working in a ward: all but the province officer, who reads the wards from above. */
const WARD_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'province_officer');

/**
 * Who may open each screen: the one list both the navigation (which links a role sees) and the
 * route guard (which pages answer a typed URL) read, matching the roles the API serves them.
 */
export const SCREEN_ROLES = {
  inbox: WARD_ROLES,
  tasks: WARD_ROLES,
  dashboard: WARD_ROLES,
  dossiers: WARD_ROLES,
  plans: WARD_ROLES,
  planImport: ['coordinator', 'chairman'],
  // Those the inspection scope shows anything (libs/inspections/inspection-scope.ts).
  inspections: [
    'chairman',
    'leader',
    'coordinator',
    'inspector',
    'unit_head',
    'officer',
    'one_stop_officer',
  ],
  reports: WARD_ROLES,
  // Those who score, review or answer for the self-assessment.
  par: ['coordinator', 'chairman', 'leader', 'unit_head', 'officer'],
  ranking: ['province_officer'],
  // Who did what, and whether the history is intact: for those who examine or answer for it.
  audit: ['inspector', 'chairman'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Screen = keyof typeof SCREEN_ROLES;

export function mayOpen(role: Role, screen: Screen): boolean {
  return (SCREEN_ROLES[screen] as readonly Role[]).includes(role);
}
