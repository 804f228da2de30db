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

/**
 * Login attempts counted per user name (guessing one account's password) and per client
 * address (trying many accounts); over either limit → 429. Applied with
 * `@UseGuards(ThrottlerGuard)` on the login route only.
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
      },
      {
        name: 'address',
        ttl: MINUTE_MS,
        limit: config.loginLimitPerAddress,
        getTracker: addressOf,
      },
    ],
    errorMessage: (_: ExecutionContext, detail: { timeToBlockExpire: number }) =>
      `Đăng nhập quá nhiều lần; hãy thử lại sau ${detail.timeToBlockExpire} giây`,
  }),
});
