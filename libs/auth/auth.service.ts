import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { hash, verify } from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { Clock } from '@cchc/common';
import { Actor, SYSTEM_ACTOR } from '@cchc/domain';
import { UserEntity } from '@cchc/database';
import { AuditLog, Coalescer, driverPool } from '@cchc/engine';
import { AccessClaims, SESSION_MAX_SECONDS, signInTime } from './access-token';
import { SignedInUser } from './auth-user';
import { passwordProblem } from './password-policy';

/** The console shows this exact sentence; unknown user, wrong password and locked account alike. */
export const WRONG_CREDENTIALS = 'Sai tên đăng nhập hoặc mật khẩu';
const INVALID_TOKEN = 'Mã truy cập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại';

/** What a request's authorisation needs of its user's row. */
interface AccountRow {
  id: string;
  username: string;
  role: SignedInUser['role'];
  unit_id: string | null;
  ward_id: string;
  active: number;
  must_change_password: number;
  password_changed_at: Date | null;
}

export interface AccessToken {
  accessToken: string;
  /** Seconds until it expires; renew it with POST /auth/refresh before then. */
  expiresIn: number;
  /** The password is a one-time one: only POST /auth/password is open until it is changed. */
  mustChangePassword: boolean;
}

/**
 * Sign-in and the identity behind every request. A token only says who; what they may do
 * (role, unit, ward, whether the account is active) is read from the database on each request,
 * so a locked account or a changed role takes effect at once.
 */
@Injectable()
export class AuthService {
  /** Verified when the user name is unknown, so that it costs what a wrong password costs. */
  private readonly dummyHash = hash(randomBytes(32));
  /**
   * Each request's account read, from the primary: reads that arrive while one is in flight go
   * together as one `WHERE id IN (...)`, each begun after its request arrived, so a lock or a new
   * role still counts for the next request. Plain SQL: the ORM's query building was a fifth of
   * the API's CPU per request.
   */
  private readonly accounts = new Coalescer<string, AccountRow | undefined>(async (ids) => {
    const [rows] = (await driverPool(this.dataSource).query(
      'SELECT id, username, role, unit_id, ward_id, active, must_change_password, ' +
        'password_changed_at FROM users WHERE id IN (?)',
      [[...new Set(ids)]],
    )) as [AccountRow[], unknown];
    return ids.map((id) => rows.find((row) => row.id === id));
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string, address: string): Promise<AccessToken> {
    const user = await this.users.findOne({
      where: { username },
      select: ['id', 'role', 'unitId', 'wardId', 'active', 'passwordHash', 'mustChangePassword'],
    });
    const passwordHash = user?.active ? user.passwordHash : await this.dummyHash;
    const matches = await verify(passwordHash, password).catch(() => false);
    const accepted = user?.active === true && matches;
    await AuditLog.append(this.dataSource, {
      // In the account's history; an unknown name gets an instance of its own.
      instanceType: 'user',
      instanceId: user?.id ?? randomUUID(),
      eventType: accepted ? 'LOGIN' : 'LOGIN_FAILED',
      fromState: null,
      toState: accepted ? 'signed-in' : 'refused',
      actor: accepted && user ? userActor(user) : SYSTEM_ACTOR,
      reason: null,
      payload: { username: username.slice(0, 64), address },
      // A name no account has belongs to no ward: its attempts are checkpointed globally.
      wardId: user?.wardId ?? null,
      occurredAt: this.clock.now(),
    });
    if (!accepted || !user) throw new UnauthorizedException(WRONG_CREDENTIALS);
    return this.issue(user, signInTime());
  }

  /** A fresh token for the same session, while it is younger than SESSION_MAX_SECONDS. */
  async refresh(token: string): Promise<AccessToken> {
    const claims = await this.claimsOf(token);
    const user = await this.userOf(claims);
    if (Date.now() / 1000 - claims.auth_time > SESSION_MAX_SECONDS) {
      throw new UnauthorizedException('Phiên đăng nhập đã quá 12 giờ; hãy đăng nhập lại');
    }
    return this.issue(user, claims.auth_time);
  }

  /** The user a token stands for, as the database has them now. */
  async verify(token: string): Promise<SignedInUser> {
    return this.userOf(await this.claimsOf(token));
  }

  /**
   * Replaces the user's password (a one-time one included) after checking the current one and
   * the strength rule; 400 naming the field otherwise. Audited as PASSWORD_CHANGED. Every other
   * session of the user ends; the answer is a token for this one.
   */
  async changePassword(user: SignedInUser, current: string, next: string): Promise<AccessToken> {
    const stored = await this.users.findOne({
      where: { id: user.id },
      select: ['id', 'passwordHash'],
    });
    const matches = stored ? await verify(stored.passwordHash, current).catch(() => false) : false;
    if (!matches) throw new BadRequestException('currentPassword: mật khẩu hiện tại không đúng');
    const problem =
      passwordProblem(next, user.username) ??
      (next === current ? 'newPassword: phải khác mật khẩu hiện tại' : null);
    if (problem) throw new BadRequestException(problem);
    const passwordHash = await hash(next);
    const authTime = signInTime();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, user.id, {
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(authTime * 1000),
      });
      await AuditLog.append(manager, {
        instanceType: 'user',
        instanceId: user.id,
        eventType: 'PASSWORD_CHANGED',
        fromState: null,
        toState: 'active',
        actor: userActor(user),
        reason: null,
        payload: { wasOneTime: user.mustChangePassword },
        occurredAt: this.clock.now(),
      });
    });
    return this.issue({ id: user.id, mustChangePassword: false }, authTime);
  }

  private async issue(
    user: Pick<UserEntity, 'id' | 'mustChangePassword'>,
    authTime: number,
  ): Promise<AccessToken> {
    const claims: AccessClaims = { sub: user.id, auth_time: authTime };
    const accessToken = await this.jwt.signAsync(claims);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat, mustChangePassword: user.mustChangePassword };
  }

  private async claimsOf(token: string): Promise<AccessClaims> {
    try {
      return await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw new UnauthorizedException(INVALID_TOKEN);
    }
  }

  private async userOf(claims: AccessClaims): Promise<SignedInUser> {
    const user =
      typeof claims.sub === 'string' && typeof claims.auth_time === 'number'
        ? await this.accounts.submit(claims.sub)
        : undefined;
    if (!user) throw new UnauthorizedException(INVALID_TOKEN);
    if (!user.active) {
      throw new UnauthorizedException('Tài khoản đã bị khóa; hãy liên hệ quản trị hệ thống');
    }
    const changedAt = user.password_changed_at;
    if (changedAt && claims.auth_time < changedAt.getTime() / 1000) {
      // Moved by a password change or reset, and by a lock (so an unlock revives no token).
      throw new UnauthorizedException(
        'Phiên đăng nhập đã kết thúc (mật khẩu được đổi, cấp lại hoặc tài khoản bị khóa); hãy đăng nhập lại',
      );
    }
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      unitId: user.unit_id,
      wardId: user.ward_id,
      mustChangePassword: Boolean(user.must_change_password),
    };
  }
}

function userActor(user: Pick<UserEntity, 'id' | 'role' | 'unitId'>): Actor {
  return { kind: 'user', userId: user.id, role: user.role, unitId: user.unitId };
}
