import { createHash } from 'node:crypto';

/** A chain's last event at the time of a checkpoint. */
export interface ChainHead {
  instanceId: string;
  seq: number;
  hash: string;
}

function digest(prefix: number, ...parts: (string | Buffer)[]): Buffer {
  const hash = createHash('sha256').update(Buffer.of(prefix));
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** Heads in the order the root is computed over: by instance id. */
export function sortHeads(heads: ChainHead[]): ChainHead[] {
  return [...heads].sort((a, b) =>
    a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0,
  );
}

/**
 * Merkle root (hex) over chain heads sorted by instance. Leaves and inner nodes are hashed with
 * different prefixes (0 and 1), so a leaf can never pass for a node; an odd node is carried up
 * unchanged. No heads: the hash of the empty leaf set.
 */
export function merkleRoot(heads: ChainHead[]): string {
  let level = sortHeads(heads).map((head) =>
    digest(0, JSON.stringify([head.instanceId, head.seq, head.hash])),
  );
  if (level.length === 0) return digest(0).toString('hex');
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? digest(1, level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0].toString('hex');
}
