import { Role } from '@cchc/domain';

/** Roles that read wards and change nothing in them: the province's Sở Nội vụ. */
export const READ_ONLY_ROLES: readonly Role[] = ['province_officer'];

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether the guard refuses this request as a write by a read-only role: every method but a read,
 * on every route (new ones included: fail closed), except the user's own account — the routes
 * open with a one-time password (changing it, renewing the session).
 */
export function refusesWardWrite(role: Role, method: string, ownAccountRoute: boolean): boolean {
  return READ_ONLY_ROLES.includes(role) && !READS.has(method.toUpperCase()) && !ownAccountRoute;
}
