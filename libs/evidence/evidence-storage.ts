import type { Readable } from 'node:stream';

/**
 * Where the bytes of evidence files live, addressed by their SHA-256 (hex): the same bytes are
 * kept once however many times they are uploaded. The local disk today; an S3-compatible
 * store can take its place behind this interface.
 */
export interface EvidenceStorage {
  /** Keeps the bytes under their hash; nothing happens when they are already there. */
  put(sha256: string, data: Buffer): Promise<void>;
  /** The bytes stored under the hash. */
  get(sha256: string): Promise<Readable>;
}

/** Nest injection token of the EvidenceStorage. */
export const EVIDENCE_STORAGE = Symbol('EVIDENCE_STORAGE');
