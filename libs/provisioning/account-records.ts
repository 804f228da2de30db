import { BadRequestException, NotFoundException } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Actor, RecordedAuditEvent, Role, ROLE_LABELS } from '@cchc/domain';
import { OrgUnitEntity, UserEntity } from '@cchc/database';
import { AuditLog } from '@cchc/engine';
import { AccountView } from './dto/account.dto';
import { UNIT_ROLES } from './staff-sheet';

export { WARD_ASSIGNABLE_ROLES } from './ward-roles';

export function assertAssignable(role: Role, assignable: readonly Role[]): void {
  if (!assignable.includes(role))
    throw new BadRequestException(
      `role: không được cấp vai trò ${ROLE_LABELS[role]}; chỉ: ${assignable.join(', ')}`,
    );
}

/** The unit, checked to be the ward's; required for the roles whose work is a unit's. */
export async function unitFor(
  manager: EntityManager,
  wardId: string,
  role: Role,
  unitId: string | null,
): Promise<string | null> {
  if (unitId === null) {
    if (UNIT_ROLES.includes(role))
      throw new BadRequestException(`unitId: vai trò ${ROLE_LABELS[role]} cần đơn vị công tác`);
    return null;
  }
  const unit = await manager.findOne(OrgUnitEntity, { where: { id: unitId, wardId } });
  if (!unit) throw new BadRequestException(`unitId: không có đơn vị ${unitId} trong phường`);
  return unit.id;
}

/**
 * The account, locked for the change, if the caller may manage it: one of the ward's with a role
 * in `manageable`. Any other answers 404, as an unknown one (another ward's, the province's).
 */
export async function lockAccount(
  manager: EntityManager,
  wardId: string,
  id: string,
  manageable: readonly Role[],
): Promise<UserEntity> {
  const user = await manager.findOne(UserEntity, {
    where: { id, wardId, role: In([...manageable]) },
    lock: { mode: 'pessimistic_write' },
  });
  if (!user) throw new NotFoundException(`id: không có tài khoản ${id} trong phường`);
  return user;
}

/** One change to an account, in the audit (`instance_type = 'user'`) of the ward. */
export function auditAccount(
  manager: EntityManager,
  change: {
    actor: Actor;
    user: { id: string; wardId: string };
    eventType: RecordedAuditEvent;
    fromState: string | null;
    toState: string;
    payload: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  return AuditLog.append(manager, {
    instanceType: 'user',
    instanceId: change.user.id,
    // In the ward's checkpoints and its audit queries from the first event on.
    wardId: change.user.wardId,
    eventType: change.eventType,
    fromState: change.fromState,
    toState: change.toState,
    actor: change.actor,
    reason: null,
    payload: change.payload,
    occurredAt: change.at,
  });
}

export function stateOf(active: boolean): string {
  return active ? 'active' : 'inactive';
}

export function toAccountView(user: UserEntity): AccountView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    unitId: user.unitId,
    email: user.email,
    phone: user.phone,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
  };
}
