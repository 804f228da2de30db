import { Role } from '@cchc/domain';

/**
 * What a ward's admin may give, and the accounts they may see and manage: the ward's own staff,
 * its admins included. Listed, not derived from ROLES, so that a new role is out of reach until
 * named here. The province officer (reads every ward of the province) and the system
 * administrator are the operator's to give (CLI): a ward admin neither creates nor touches them.
 * In a file of its own so that the DTOs of POST /users and PATCH /users/:id can name it.
 */
export const WARD_ASSIGNABLE_ROLES: readonly Role[] = [
  'chairman',
  'leader',
  'coordinator',
  'unit_head',
  'officer',
  'one_stop_officer',
  'inspector',
  'admin',
];
