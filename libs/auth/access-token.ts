import { JwtModuleOptions } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig, requireJwtSecret } from '@cchc/common';

/** Claims of an access token: who, and when they last typed their password. */
export interface AccessClaims {
  sub: string;
  /** Seconds since the epoch of the password login this token descends from (renewals keep it). */
  auth_time: number;
}

/** A renewal is refused this long after the password login: sign in again. */
export const SESSION_MAX_SECONDS = 12 * 60 * 60;

const ALGORITHM = 'HS256';
const ISSUER = 'cchc-api';
const AUDIENCE = 'cchc';

/**
 * One algorithm, issuer and audience, pinned for signing and verifying, so that a token of
 * another system (or `alg: none`) is never taken. Expiry counts real time, not the app's Clock:
 * the Clock is the business date that tests and replays move. The secret is handed over as a key
 * object (the same bytes): given a string, jsonwebtoken first tries to parse it as a PEM public key
 * on every verify, and that failed parse was a tenth of the API's CPU per request.
 */
export function jwtOptions(config: AppConfig): JwtModuleOptions {
  return {
    secret: createSecretKey(Buffer.from(requireJwtSecret(config), 'utf8')),
    signOptions: {
      algorithm: ALGORITHM,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: config.jwtExpiresIn as never,
    },
    verifyOptions: { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE },
  };
}

/**
 * A sign-in's time for its token's auth_time: real time (like the token's iat), in seconds to the
 * millisecond, so that a session begun in the same second as a password change is still told
 * apart from it (passwordChangedAt is stored to the millisecond).
 */
export function signInTime(): number {
  return Date.now() / 1000;
}
