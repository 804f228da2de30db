import { generateKeyPairSync } from 'node:crypto';
import { loadConfig, StartupError } from '@cchc/common';
import { auditSigningKey } from './audit-signing-key';
import { developmentSigningKey, keyId } from './signing';

const JWT_SECRET = 'x'.repeat(32);
const ed25519 = generateKeyPairSync('ed25519').privateKey;

describe('auditSigningKey', () => {
  it('refuses to start in production, and outside development, without AUDIT_SIGNING_KEY', () => {
    for (const env of [
      { NODE_ENV: 'production', JWT_SECRET },
      { NODE_ENV: 'test', JWT_SECRET },
    ]) {
      expect(() => auditSigningKey(loadConfig(env), env)).toThrow(StartupError);
      expect(() => auditSigningKey(loadConfig(env), env)).toThrow(/AUDIT_SIGNING_KEY must be set/);
    }
  });

  it('uses the development key only where a built-in secret is allowed', () => {
    for (const env of [{ NODE_ENV: 'development' }, { NODE_ENV: 'test', ALLOW_DEV_SECRET: 'true' }])
      expect(keyId(auditSigningKey(loadConfig(env), env))).toBe(keyId(developmentSigningKey()));
  });

  it('reads a PEM or base64 PKCS#8 Ed25519 key, and names what is wrong with another', () => {
    const pem = ed25519.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = ed25519.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    for (const AUDIT_SIGNING_KEY of [pem, der]) {
      const env = { NODE_ENV: 'production', JWT_SECRET, AUDIT_SIGNING_KEY };
      expect(keyId(auditSigningKey(loadConfig(env), env))).toBe(keyId(ed25519));
    }
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    for (const [AUDIT_SIGNING_KEY, message] of [
      [rsa, /must be an Ed25519 key, not rsa/],
      ['not a key', /not a PEM or base64 PKCS#8 private key/],
    ] as const) {
      const env = { NODE_ENV: 'production', JWT_SECRET, AUDIT_SIGNING_KEY };
      expect(() => auditSigningKey(loadConfig(env), env)).toThrow(message);
    }
  });
});
