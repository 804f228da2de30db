import { KeyObject } from 'node:crypto';
import { parsePublicKey } from './signing';
import { AuditVerifier, StoredCheckpoint, StoredEvent, VerifyReport } from './verify';

export const BUNDLE_FORMAT = 'cchc-audit-bundle/1';

/** First line of a bundle: what it holds and the public key that signed its checkpoints. */
export interface BundleHeader {
  kind: 'bundle';
  format: typeof BUNDLE_FORMAT;
  wardId: string;
  from: string | null;
  to: string | null;
  createdAt: string;
  publicKey: string;
  /** The events start inside the chains (a `from` date): first events are anchors. */
  partial: boolean;
}

/**
 * An NDJSON bundle: the header, then every checkpoint, then the events in the order they were
 * written (instances interleaved). Each line is one JSON object with `kind`.
 */
export function bundleLine(
  item:
    BundleHeader | ({ kind: 'checkpoint' } & StoredCheckpoint) | ({ kind: 'event' } & StoredEvent),
): string {
  return `${JSON.stringify(item)}\n`;
}

export class BundleError extends Error {}

/**
 * Verifies a bundle line by line, without any database. The key that signed the checkpoints is the
 * one in the bundle unless `trustedKey` pins another (a bundle could carry a forger's key).
 */
export async function verifyBundle(
  lines: AsyncIterable<string>,
  trustedKey?: KeyObject,
): Promise<VerifyReport & { header: BundleHeader }> {
  let header: BundleHeader | null = null;
  const checkpoints: StoredCheckpoint[] = [];
  let verifier: AuditVerifier | null = null;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let item: Record<string, unknown>;
    try {
      item = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new BundleError(`Dòng ${lineNo}: không phải JSON`);
    }
    if (!header) {
      if (item.kind !== 'bundle' || item.format !== BUNDLE_FORMAT)
        throw new BundleError(`Dòng ${lineNo}: tệp không phải gói nhật ký ${BUNDLE_FORMAT}`);
      header = item as unknown as BundleHeader;
      continue;
    }
    if (item.kind === 'checkpoint') {
      if (verifier) throw new BundleError(`Dòng ${lineNo}: điểm kiểm tra nằm sau các sự kiện`);
      checkpoints.push({
        ...(item as unknown as StoredCheckpoint),
        createdAt: dateOf(item.createdAt, lineNo),
      });
    } else if (item.kind === 'event') {
      verifier ??= new AuditVerifier(checkpoints, trustedKey ?? parsePublicKey(header.publicKey), {
        partial: header.partial,
      });
      verifier.add({
        ...(item as unknown as StoredEvent),
        occurredAt: dateOf(item.occurredAt, lineNo),
      });
    } else {
      throw new BundleError(`Dòng ${lineNo}: loại dòng không rõ (${String(item.kind)})`);
    }
  }
  if (!header) throw new BundleError('Tệp rỗng: không có gói nhật ký');
  verifier ??= new AuditVerifier(checkpoints, trustedKey ?? parsePublicKey(header.publicKey), {
    partial: header.partial,
  });
  return { ...verifier.finish(), header };
}

function dateOf(value: unknown, lineNo: number): Date {
  const date = new Date(typeof value === 'string' || typeof value === 'number' ? value : NaN);
  if (Number.isNaN(date.getTime())) throw new BundleError(`Dòng ${lineNo}: thời điểm không hợp lệ`);
  return date;
}
