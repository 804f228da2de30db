import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { hash } from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { oneTimePassword as generateOneTimePassword, signInTime } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { Actor, Role, ROLE_LABELS, ROLES } from '@cchc/domain';
import { OrgUnitEntity, UserEntity } from '@cchc/database';
import { AuditLog, isDuplicateKey } from '@cchc/engine';
import {
  AccountView,
  CreateUserDto,
  ProvisionedAccountView,
  UpdateUserDto,
} from './dto/account.dto';
import { SheetUser, UNIT_ROLES } from './staff-sheet';

/** What a ward's admin may give: every role but the system administrator's. */
export const WARD_ASSIGNABLE_ROLES: readonly Role[] = ROLES.filter(
  (role) => role !== 'system_admin',
);

export type NewAccount = Omit<SheetUser, 'sourceRow'>;
export type AccountWithPassword = NewAccount & { oneTimePassword: string; passwordHash: string };

/**
 * A ward's staff accounts, managed by its admin (or the operator's CLI): create them with
 * one-time passwords, change role, unit or contact, lock, reset a password. Every change
 * is audited (`instance_type = 'user'`) in the transaction that makes it; roles, units and the
 * active flag are read per request, so a change takes effect at once.
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
    private readonly clock: Clock,
  ) {}

  /** Every account of the ward, locked ones included. */
  async list(wardId: string): Promise<AccountView[]> {
    const users = await this.users.find({ where: { wardId }, order: { username: 'ASC' } });
    return users.map(toAccountView);
  }

  async create(
    actor: Actor,
    wardId: string,
    dto: CreateUserDto,
    assignable: readonly Role[] = WARD_ASSIGNABLE_ROLES,
  ): Promise<ProvisionedAccountView> {
    assertAssignable(dto.role, assignable);
    const unitId = await this.unitOf(wardId, dto.role, dto.unitId ?? null);
    const account: NewAccount = {
      username: dto.username,
      fullName: dto.fullName.trim(),
      role: dto.role,
      unitId,
      email: dto.email ?? null,
      phone: dto.phone ?? null,
    };
    const prepared = await this.withPasswords([account]);
    const [created] = await this.dataSource.transaction((manager) =>
      this.insert(manager, actor, wardId, prepared),
    );
    return created;
  }

  /**
   * Fresh one-time passwords and their hashes, made before the transaction that inserts the
   * accounts (hashing a sheet of them takes seconds).
   */
  async withPasswords(accounts: NewAccount[]): Promise<AccountWithPassword[]> {
    const prepared: AccountWithPassword[] = [];
    // Two at a time: argon2 runs on libuv's four threads, which sign-ins and file reads share.
    for (let i = 0; i < accounts.length; i += 2) {
      const pair = accounts.slice(i, i + 2).map(async (account) => {
        const oneTimePassword = generateOneTimePassword();
        return { ...account, oneTimePassword, passwordHash: await hash(oneTimePassword) };
      });
      prepared.push(...(await Promise.all(pair)));
    }
    return prepared;
  }

  /**
   * Inserts accounts (from withPasswords), each audited as USER_CREATED, in the caller's
   * transaction (a ward and its first admin are one).
   */
  async insert(
    manager: EntityManager,
    actor: Actor,
    wardId: string,
    accounts: AccountWithPassword[],
  ): Promise<ProvisionedAccountView[]> {
    if (accounts.length === 0) return [];
    const entities = accounts.map(({ oneTimePassword: _, ...account }) =>
      manager.create(UserEntity, {
        ...account,
        id: randomUUID(),
        wardId,
        active: true,
        mustChangePassword: true,
        createdAt: this.clock.now(),
      }),
    );
    try {
      await manager.insert(UserEntity, entities);
    } catch (error) {
      if (isDuplicateKey(error, 'uq_users_username'))
        throw new ConflictException('username: tên đăng nhập đã có tài khoản');
      throw error;
    }
    for (const user of entities) {
      await this.audit(manager, actor, user, 'USER_CREATED', null, 'active', {
        username: user.username,
        role: user.role,
        unitId: user.unitId,
      });
    }
    return entities.map((user, index) => ({
      ...toAccountView(user),
      oneTimePassword: accounts[index].oneTimePassword,
    }));
  }

  /**
   * Changes an account; absent fields stay. An admin cannot lock themselves out or change their
   * own role (409).
   */
  async update(
    actor: Actor,
    wardId: string,
    id: string,
    dto: UpdateUserDto,
    assignable: readonly Role[] = WARD_ASSIGNABLE_ROLES,
  ): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockAccount(manager, wardId, id);
      if (dto.role !== undefined && dto.role !== user.role) assertAssignable(dto.role, assignable);
      if (user.role === 'system_admin' && !assignable.includes('system_admin'))
        throw new ConflictException('id: tài khoản quản trị hệ thống không sửa được ở đây');
      const isSelf = actor.kind === 'user' && actor.userId === user.id;
      if (isSelf && (dto.active === false || (dto.role && dto.role !== user.role)))
        throw new ConflictException('Không tự khóa tài khoản hay đổi vai trò của chính mình');
      const role = dto.role ?? user.role;
      const unitId = await this.unitOf(
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
      await manager.update(UserEntity, user.id, changed);
      const eventType =
        changed.active === false
          ? 'USER_DEACTIVATED'
          : changed.active === true
            ? 'USER_REACTIVATED'
            : 'USER_UPDATED';
      await this.audit(
        manager,
        actor,
        user,
        eventType,
        stateOf(user.active),
        stateOf(changes.active as boolean),
        { changes: changed, before: pick(user, Object.keys(changed)) },
      );
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
      const user = await this.lockAccount(manager, wardId, id);
      if (!assignable.includes(user.role))
        throw new ConflictException('id: tài khoản quản trị hệ thống không cấp lại mật khẩu ở đây');
      // Ends the user's live sessions too (tokens carry their sign-in time, see signInTime).
      const passwordChangedAt = new Date(signInTime() * 1000);
      await manager.update(UserEntity, user.id, {
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt,
      });
      await this.audit(manager, actor, user, 'PASSWORD_RESET', null, stateOf(user.active), {
        username: user.username,
      });
      return {
        ...toAccountView({ ...user, mustChangePassword: true } as UserEntity),
        oneTimePassword: password,
      };
    });
  }

  private async lockAccount(
    manager: EntityManager,
    wardId: string,
    id: string,
  ): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, {
      where: { id, wardId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw new NotFoundException(`id: không có tài khoản ${id} trong phường`);
    return user;
  }

  /** The unit, checked to be the ward's; required for the roles whose work is a unit's. */
  private async unitOf(wardId: string, role: Role, unitId: string | null): Promise<string | null> {
    if (unitId === null) {
      if (UNIT_ROLES.includes(role))
        throw new BadRequestException(`unitId: vai trò ${ROLE_LABELS[role]} cần đơn vị công tác`);
      return null;
    }
    const unit = await this.units.findOne({ where: { id: unitId, wardId } });
    if (!unit) throw new BadRequestException(`unitId: không có đơn vị ${unitId} trong phường`);
    return unit.id;
  }

  private audit(
    manager: EntityManager,
    actor: Actor,
    user: { id: string; wardId: string },
    eventType: string,
    fromState: string | null,
    toState: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    return AuditLog.append(manager, {
      instanceType: 'user',
      instanceId: user.id,
      // In the ward's checkpoints and its audit queries from the first event on.
      wardId: user.wardId,
      eventType,
      fromState,
      toState,
      actor,
      reason: null,
      payload,
      occurredAt: this.clock.now(),
    });
  }
}

function assertAssignable(role: Role, assignable: readonly Role[]): void {
  if (!assignable.includes(role))
    throw new BadRequestException(
      `role: không được cấp vai trò ${ROLE_LABELS[role]}; chỉ: ${assignable.join(', ')}`,
    );
}

function stateOf(active: boolean): string {
  return active ? 'active' : 'inactive';
}

function pick(user: UserEntity, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, user[key as keyof UserEntity]]));
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
