import { KeyObject } from 'node:crypto';
import { AppConfig, StartupError } from '@cchc/common';
import { developmentSigningKey, parseSigningKey } from './signing';

/** Nest token of the checkpoint signing key (an Ed25519 private KeyObject). */
export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');

/**
 * AUDIT_SIGNING_KEY (PEM or base64 PKCS#8 Ed25519). Without it a process refuses to start, except
 * where a built-in secret is allowed (NODE_ENV=development or ALLOW_DEV_SECRET, as for the JWT
 * secret; the config refuses both in production): there the development key signs.
 */
export function auditSigningKey(config: AppConfig, env = process.env): KeyObject {
  const given = env.AUDIT_SIGNING_KEY;
  if (given !== undefined && given.trim() !== '') {
    try {
      return parseSigningKey(given);
    } catch (error) {
      throw new StartupError((error as Error).message);
    }
  }
  // jwtSecret is non-null without JWT_SECRET only when the built-in secret is allowed.
  if (config.isDevelopment || (env.JWT_SECRET === undefined && config.jwtSecret !== null))
    return developmentSigningKey();
  throw new StartupError(
    'AUDIT_SIGNING_KEY must be set (an Ed25519 private key, PEM or base64 PKCS#8, e.g. ' +
      '`openssl genpkey -algorithm ed25519`); a built-in key is used only with ' +
      'NODE_ENV=development or ALLOW_DEV_SECRET=true',
  );
}
