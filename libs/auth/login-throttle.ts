import { ExecutionContext } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@cchc/common';

const MINUTE_MS = 60_000;

/** Longest user name that counts as its own; longer ones are refused by validation anyway. */
const USERNAME_KEY_LENGTH = 64;

function usernameOf(request: { body?: { username?: unknown } }): string {
  const username = request.body?.username;
  return typeof username === 'string'
    ? username.trim().toLowerCase().slice(0, USERNAME_KEY_LENGTH)
    : '';
}

function addressOf(request: { ip?: string }): string {
  return request.ip ?? '';
}

/** The signed-in account (set by the auth guard, which runs first), for a password change. */
function accountOf(request: { user?: { id?: string } }): string {
  return request.user?.id ?? '';
}

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest();

/**
 * Attempts at a password counted per user name (guessing one account's password at login), per
 * signed-in account (guessing the current password of a stolen session at a password change)
 * and per client address (trying many accounts); over any limit → 429. Applied with
 * `@UseGuards(ThrottlerGuard)` on the login and password-change routes only.
 */
export const LoginThrottleModule = ThrottlerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    throttlers: [
      {
        name: 'username',
        ttl: MINUTE_MS,
        limit: config.loginLimitPerUser,
        getTracker: usernameOf,
        skipIf: (context) => !usernameOf(requestOf(context)),
      },
      {
        name: 'account',
        ttl: MINUTE_MS,
        limit: config.loginLimitPerUser,
        getTracker: accountOf,
        skipIf: (context) => !accountOf(requestOf(context)),
      },
      {
        name: 'address',
        ttl: MINUTE_MS,
        limit: config.loginLimitPerAddress,
        getTracker: addressOf,
      },
    ],
    errorMessage: (context: ExecutionContext, detail: { timeToBlockExpire: number }) =>
      `${accountOf(requestOf(context)) ? 'Đổi mật khẩu' : 'Đăng nhập'} quá nhiều lần; ` +
      `hãy thử lại sau ${detail.timeToBlockExpire} giây`,
  }),
});
