import { AuthUser } from '@cchc/auth';
import { Role } from '@cchc/domain';

/**
 * What of the ward's inspections a user may see — decided here and nowhere else, failing closed:
 * - the ward's leadership, the coordinator and inspectors see every campaign;
 * - the staff of a unit see only campaigns that visit their unit, only their unit's visit and
 *   findings, and an unannounced visit (không báo trước) only once it has started;
 * - anyone else sees nothing.
 */
export type InspectionScope =
  { kind: 'ward' } | { kind: 'unit'; unitId: string } | { kind: 'none' };

const WARD_WIDE: readonly Role[] = ['chairman', 'leader', 'coordinator', 'inspector'];
const UNIT_STAFF: readonly Role[] = ['unit_head', 'officer', 'one_stop_officer'];

export function inspectionScope(user: Pick<AuthUser, 'role' | 'unitId'>): InspectionScope {
  if (WARD_WIDE.includes(user.role)) return { kind: 'ward' };
  if (UNIT_STAFF.includes(user.role) && user.unitId) return { kind: 'unit', unitId: user.unitId };
  return { kind: 'none' };
}

export interface VisitVisibility {
  unitId: string;
  unannounced: boolean;
  state: string;
}

/** Whether a visit (and its findings) shows to a user of this scope. */
export function visitVisible(scope: InspectionScope, visit: VisitVisibility): boolean {
  if (scope.kind === 'ward') return true;
  if (scope.kind === 'none') return false;
  return visit.unitId === scope.unitId && (!visit.unannounced || visit.state !== 'scheduled');
}

/**
 * The same rule as SQL over `inspection_visits` aliased `alias`: a condition and its parameters
 * (always false for `none`).
 */
export function visibleVisitSql(scope: InspectionScope, alias: string): [string, unknown[]] {
  if (scope.kind === 'ward') return ['TRUE', []];
  if (scope.kind === 'none') return ['FALSE', []];
  return [
    `(${alias}.unit_id = ? AND (${alias}.unannounced = 0 OR ${alias}.state <> 'scheduled'))`,
    [scope.unitId],
  ];
}
