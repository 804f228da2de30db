import { createHash } from 'node:crypto';

/** The `prev_hash` of an instance's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Names the canonical form; a new form would get a new tag, never a silent change. */
const EVENT_FORM = 'cchc-audit-event/1';

/** What an audit event's hash covers: its content and the hash of the event before it. */
export interface ChainedContent {
  instanceType: string;
  instanceId: string;
  seq: number;
  eventType: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorRole: string;
  reason: string | null;
  payload: unknown;
  occurredAt: Date;
}

/**
 * JSON with object keys sorted (by UTF-16 code unit), no spaces; values are first taken through
 * JSON (Dates become ISO strings, undefined members vanish) exactly as the database stores them,
 * so the form of a value written and of the same value read back are equal.
 */
export function canonicalJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? 'null' : sorted(JSON.parse(json));
}

function sorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sorted).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${sorted(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The exact text an event's hash is computed over (time as UTC milliseconds). */
export function canonicalEvent(event: ChainedContent, prevHash: string): string {
  return JSON.stringify([
    EVENT_FORM,
    event.instanceType,
    event.instanceId,
    event.seq,
    event.eventType,
    event.fromState,
    event.toState,
    event.actorId,
    event.actorRole,
    event.reason,
    event.payload === null || event.payload === undefined ? null : canonicalJson(event.payload),
    event.occurredAt.getTime(),
    prevHash,
  ]);
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The event's own hash: SHA-256 of its canonical form, which includes the previous hash. */
export function eventHash(event: ChainedContent, prevHash: string): string {
  return sha256Hex(canonicalEvent(event, prevHash));
}
