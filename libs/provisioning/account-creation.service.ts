import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { oneTimePassword as generateOneTimePassword } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { Actor, Role } from '@cchc/domain';
import { UserEntity } from '@cchc/database';
import { isDuplicateKey } from '@cchc/engine';
import {
  assertAssignable,
  auditAccount,
  toAccountView,
  unitFor,
  WARD_ASSIGNABLE_ROLES,
} from './account-records';
import { CreateUserDto, ProvisionedAccountView } from './dto/account.dto';
import { SheetUser } from './staff-sheet';

export type NewAccount = Omit<SheetUser, 'sourceRow'>;
export type AccountWithPassword = NewAccount & { oneTimePassword: string; passwordHash: string };

/**
 * New staff accounts, one by one (the admin's form), by sheet or with a new ward's first admin:
 * each with a one-time password shown once and changed at the first sign-in, audited as
 * USER_CREATED in the transaction that inserts it.
 */
@Injectable()
export class AccountCreationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(
    actor: Actor,
    wardId: string,
    dto: CreateUserDto,
    assignable: readonly Role[] = WARD_ASSIGNABLE_ROLES,
  ): Promise<ProvisionedAccountView> {
    assertAssignable(dto.role, assignable);
    const unitId = await unitFor(this.dataSource.manager, wardId, dto.role, dto.unitId ?? null);
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
    const at = this.clock.now();
    const entities = accounts.map(({ oneTimePassword: _, ...account }) =>
      manager.create(UserEntity, {
        ...account,
        id: randomUUID(),
        wardId,
        active: true,
        mustChangePassword: true,
        createdAt: at,
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
      await auditAccount(manager, {
        actor,
        user,
        eventType: 'USER_CREATED',
        fromState: null,
        toState: 'active',
        payload: { username: user.username, role: user.role, unitId: user.unitId },
        at,
      });
    }
    return entities.map((user, index) => ({
      ...toAccountView(user),
      oneTimePassword: accounts[index].oneTimePassword,
    }));
  }
}
