import {
  createPrivateKey,
  createPublicKey,
  KeyObject,
  sign as signBytes,
  verify as verifyBytes,
} from 'node:crypto';
import { sha256Hex } from './canonical';

/** What a ward checkpoint signs: its scope, day, moment, size and Merkle root. */
export interface CheckpointContent {
  /** A ward id, or GLOBAL_SCOPE for the chains of no ward (calendar years, unknown log-ins). */
  scope: string;
  /** The calendar day (Asia/Ho_Chi_Minh) the checkpoint stands for, yyyy-mm-dd. */
  day: string;
  createdAt: Date;
  instanceCount: number;
  root: string;
}

export const GLOBAL_SCOPE = 'global';
const CHECKPOINT_FORM = 'cchc-audit-checkpoint/1';

export function checkpointMessage(content: CheckpointContent): Buffer {
  return Buffer.from(
    JSON.stringify([
      CHECKPOINT_FORM,
      content.scope,
      content.day,
      content.createdAt.getTime(),
      content.instanceCount,
      content.root,
    ]),
    'utf8',
  );
}

/** Base64 Ed25519 signature of the checkpoint. */
export function signCheckpoint(content: CheckpointContent, privateKey: KeyObject): string {
  return signBytes(null, checkpointMessage(content), privateKey).toString('base64');
}

export function checkpointSignatureValid(
  content: CheckpointContent,
  signature: string,
  publicKey: KeyObject,
): boolean {
  try {
    return verifyBytes(
      null,
      checkpointMessage(content),
      publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** Ed25519 private key from PEM or base64 PKCS#8 DER; throws a sentence saying what is wrong. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('AUDIT_SIGNING_KEY is not a PEM or base64 PKCS#8 private key');
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`AUDIT_SIGNING_KEY must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

/** Ed25519 public key from PEM or base64 SPKI DER (as a bundle or `--key` gives it). */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the public key is not Ed25519');
  return key;
}

export function publicKeyPem(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

/** Short id of a public key (first 16 hex digits of the SHA-256 of its DER form). */
export function keyId(key: KeyObject): string {
  return sha256Hex(createPublicKey(key).export({ type: 'spki', format: 'der' })).slice(0, 16);
}

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The development key: derived from a fixed phrase, so checkpoints made on a developer machine
 * stay verifiable across restarts. Printed here, hence never accepted in production.
 */
export function developmentSigningKey(): KeyObject {
  const seed = Buffer.from(sha256Hex('cchc development audit signing key'), 'hex');
  return createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}
