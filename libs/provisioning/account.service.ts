import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { hash } from 'argon2';
import { DataSource, In, Repository } from 'typeorm';
import { oneTimePassword as generateOneTimePassword, signInTime } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { Actor, Role } from '@cchc/domain';
import { UserEntity } from '@cchc/database';
import {
  assertAssignable,
  auditAccount,
  lockAccount,
  stateOf,
  toAccountView,
  unitFor,
  WARD_ASSIGNABLE_ROLES,
} from './account-records';
import { AccountView, ProvisionedAccountView, UpdateUserDto } from './dto/account.dto';

/**
 * A ward's staff accounts, managed by its admin (or the operator's CLI): list them, change role,
 * unit or contact, lock, reset a password (new accounts: AccountCreationService). Every change is
 * audited in the transaction that makes it; roles, units and the active flag are read per
 * request, so a change takes effect at once.
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly clock: Clock,
  ) {}

  /** Every account of the ward the caller may manage, locked ones included. */
  async list(
    wardId: string,
    manageable: readonly Role[] = WARD_ASSIGNABLE_ROLES,
  ): Promise<AccountView[]> {
    const users = await this.users.find({
      where: { wardId, role: In([...manageable]) },
      order: { username: 'ASC' },
    });
    return users.map(toAccountView);
  }

  /**
   * Changes an account; absent fields stay. An admin cannot lock themselves out or change their
   * own role (409). `active: false` also ends the account's sessions (see below).
   */
  async update(
    actor: Actor,
    wardId: string,
    id: string,
    dto: UpdateUserDto,
    assignable: readonly Role[] = WARD_ASSIGNABLE_ROLES,
  ): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockAccount(manager, wardId, id, assignable);
      if (dto.role !== undefined && dto.role !== user.role) assertAssignable(dto.role, assignable);
      const isSelf = actor.kind === 'user' && actor.userId === user.id;
      if (isSelf && (dto.active === false || (dto.role && dto.role !== user.role)))
        throw new ConflictException('Không tự khóa tài khoản hay đổi vai trò của chính mình');
      const role = dto.role ?? user.role;
      const unitId = await unitFor(
        manager,
        wardId,
        role,
        dto.unitId === undefined ? user.unitId : dto.unitId,
      );
      const changes: Partial<UserEntity> = {
        fullName: dto.fullName?.trim() ?? user.fullName,
        role,
        unitId,
        email: dto.email === undefined ? user.email : dto.email,
        phone: dto.phone === undefined ? user.phone : dto.phone,
        active: dto.active ?? user.active,
      };
      const changed = Object.fromEntries(
        Object.entries(changes).filter(([key, value]) => user[key as keyof UserEntity] !== value),
      );
      if (Object.keys(changed).length === 0) return toAccountView(user);
      // A lock ends the sessions for good: tokens from before it stay dead after an unlock
      // (the guard refuses a token whose sign-in is older than passwordChangedAt).
      const sessionsEnd =
        changed.active === false ? { passwordChangedAt: new Date(signInTime() * 1000) } : {};
      await manager.update(UserEntity, user.id, { ...changed, ...sessionsEnd });
      await auditAccount(manager, {
        actor,
        user,
        eventType:
          changed.active === false
            ? 'USER_DEACTIVATED'
            : changed.active === true
              ? 'USER_REACTIVATED'
              : 'USER_UPDATED',
        fromState: stateOf(user.active),
        toState: stateOf(changes.active as boolean),
        payload: { changes: changed, before: pick(user, Object.keys(changed)) },
        at: this.clock.now(),
      });
      return toAccountView({ ...user, ...changed } as UserEntity);
    });
  }

  /** A new one-time password; the user's sessions end and they change it at the next sign-in. */
  async resetPassword(
    actor: Actor,
    wardId: string,
    id: string,
    assignable: readonly Role[] = WARD_ASSIGNABLE_ROLES,
  ): Promise<ProvisionedAccountView> {
    const password = generateOneTimePassword();
    const passwordHash = await hash(password);
    return this.dataSource.transaction(async (manager) => {
      const user = await lockAccount(manager, wardId, id, assignable);
      // One's own password is changed with the current one (POST /auth/password): a stolen token
      // alone must not buy a fresh password and end the owner's sessions.
      if (actor.kind === 'user' && actor.userId === user.id)
        throw new ConflictException(
          'Không tự cấp lại mật khẩu của chính mình; hãy đổi mật khẩu bằng mật khẩu hiện tại',
        );
      // Ends the user's live sessions too (tokens carry their sign-in time, see signInTime).
      const passwordChangedAt = new Date(signInTime() * 1000);
      await manager.update(UserEntity, user.id, {
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt,
      });
      await auditAccount(manager, {
        actor,
        user,
        eventType: 'PASSWORD_RESET',
        fromState: null,
        toState: stateOf(user.active),
        payload: { username: user.username },
        at: this.clock.now(),
      });
      return {
        ...toAccountView({ ...user, mustChangePassword: true } as UserEntity),
        oneTimePassword: password,
      };
    });
  }
}

function pick(user: UserEntity, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, user[key as keyof UserEntity]]));
}
