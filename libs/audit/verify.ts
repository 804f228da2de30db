import { KeyObject } from 'node:crypto';
import { canonicalForm, ChainedContent, eventHash, GENESIS_HASH, sha256Hex } from './canonical';
import { ChainHead, merkleRoot } from './merkle';
import { CheckpointContent, checkpointSignatureValid } from './signing';

/** An audit event as stored: its content, the previous event's hash and its own. */
export interface StoredEvent extends ChainedContent {
  prevHash: string | null;
  hash: string | null;
}

/**
 * An event as the database holds it: the payload as its stored JSON text, which the writer makes
 * the canonical form, so it is hashed as it is instead of parsed and written again.
 */
export interface StoredRow extends Omit<StoredEvent, 'payload'> {
  payloadJson: string | null;
}

/** A signed ward checkpoint with the chain heads its root was computed over. */
export interface StoredCheckpoint extends CheckpointContent {
  id: string;
  heads: ChainHead[];
  signature: string;
  keyId: string;
}

/** One place where the history no longer matches what was written. */
export interface AuditBreak {
  instanceType: string | null;
  instanceId: string | null;
  seq: number | null;
  checkpointId: string | null;
  /** Vietnamese, for the person verifying. */
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  instances: number;
  checkpoints: number;
  /** Checkpoint heads whose event lies outside the range read (only with a partial range). */
  uncheckedHeads: number;
  /** The first breaks found (at most MAX_BREAKS), in instance order; the first is the one to name. */
  breaks: AuditBreak[];
}

export interface VerifyOptions {
  /**
   * The events read start somewhere inside the chains (a `from` date): an instance's first event
   * read is trusted as the anchor, and checkpoint heads not among the events are not counted as
   * missing. Without it every chain must start at event 1.
   */
  partial: boolean;
}

const MAX_BREAKS = 100;

interface ExpectedHead {
  checkpoint: StoredCheckpoint;
  hash: string;
  found: boolean;
}

/**
 * Walks audit chains (events grouped by instance, ascending seq) and checks every event's link and
 * hash, then that each checkpoint is signed by the trusted key, that its root is the Merkle root of
 * its heads, and that each head is still the event the chain holds at that number. Pure: the same
 * code checks the database (`audit verify`) and an exported bundle (`audit verify-bundle`).
 */
export class AuditVerifier {
  private readonly breaks: AuditBreak[] = [];
  /** By instance, then seq: one lookup per instance, a numeric one per event. */
  private readonly expectedHeads = new Map<string, Map<number, ExpectedHead[]>>();
  private readonly finished = new Set<string>();
  private current: {
    instanceId: string;
    nextSeq: number;
    prevHash: string;
    broken: boolean;
    /** The checkpoint heads of this instance, by seq. */
    heads: Map<number, ExpectedHead[]> | undefined;
  } | null = null;
  private events = 0;
  private instances = 0;

  constructor(
    private readonly checkpoints: StoredCheckpoint[],
    publicKey: KeyObject,
    private readonly options: VerifyOptions = { partial: false },
  ) {
    for (const checkpoint of checkpoints) {
      const label = `Điểm kiểm tra ngày ${checkpoint.day} (${checkpoint.scope})`;
      if (!checkpointSignatureValid(checkpoint, checkpoint.signature, publicKey)) {
        this.fail(
          null,
          null,
          null,
          checkpoint.id,
          `${label}: chữ ký không hợp lệ với khóa công khai`,
        );
        continue;
      }
      if (
        merkleRoot(checkpoint.heads) !== checkpoint.root ||
        checkpoint.heads.length !== checkpoint.instanceCount
      ) {
        this.fail(
          null,
          null,
          null,
          checkpoint.id,
          `${label}: danh sách đầu chuỗi không khớp gốc Merkle đã ký`,
        );
        continue;
      }
      for (const head of checkpoint.heads) {
        const bySeq = this.expectedHeads.get(head.instanceId) ?? new Map<number, ExpectedHead[]>();
        const list = bySeq.get(head.seq) ?? [];
        list.push({ checkpoint, hash: head.hash, found: false });
        bySeq.set(head.seq, list);
        this.expectedHeads.set(head.instanceId, bySeq);
      }
    }
  }

  /** The next event; events of one instance must come together, in ascending seq. */
  add(event: StoredEvent | StoredRow): void {
    this.events++;
    if (this.current?.instanceId !== event.instanceId) this.startInstance(event);
    const chain = this.current!;
    if (!chain.broken) {
      const problem = this.linkProblem(chain, event);
      if (problem) {
        chain.broken = true;
        this.fail(event.instanceType, event.instanceId, problem.seq, null, problem.message);
      }
    }
    chain.nextSeq = event.seq + 1;
    chain.prevHash = event.hash ?? '';
    this.checkHead(event);
  }

  finish(): VerifyReport {
    let unchecked = 0;
    for (const [instanceId, bySeq] of this.expectedHeads) {
      for (const [seq, expected] of bySeq) {
        for (const head of expected) {
          if (head.found) continue;
          if (this.options.partial) {
            unchecked++;
            continue;
          }
          this.fail(
            null,
            instanceId,
            seq,
            head.checkpoint.id,
            `Sự kiện số ${seq} của ${instanceId} đã được ký trong điểm kiểm tra ngày ` +
              `${head.checkpoint.day} nhưng không còn trong nhật ký`,
          );
        }
      }
    }
    return {
      ok: this.breaks.length === 0,
      events: this.events,
      instances: this.instances,
      checkpoints: this.checkpoints.length,
      uncheckedHeads: unchecked,
      breaks: this.breaks,
    };
  }

  private startInstance(event: StoredEvent | StoredRow): void {
    if (this.current) this.finished.add(this.current.instanceId);
    this.instances++;
    const outOfOrder = this.finished.has(event.instanceId);
    const anchored = this.options.partial && event.seq > 1;
    this.current = {
      instanceId: event.instanceId,
      nextSeq: anchored ? event.seq : 1,
      prevHash: anchored ? (event.prevHash ?? '') : GENESIS_HASH,
      broken: false,
      heads: this.expectedHeads.get(event.instanceId),
    };
    if (outOfOrder) {
      this.current.broken = true;
      this.fail(
        event.instanceType,
        event.instanceId,
        event.seq,
        null,
        `Sự kiện số ${event.seq} của ${describe(event)} nằm sai thứ tự`,
      );
    }
  }

  private linkProblem(
    chain: { nextSeq: number; prevHash: string },
    event: StoredEvent | StoredRow,
  ): { seq: number; message: string } | null {
    if (event.seq > chain.nextSeq)
      return {
        seq: chain.nextSeq,
        message: `Thiếu sự kiện số ${chain.nextSeq} của ${describe(event)}`,
      };
    if (event.seq < chain.nextSeq)
      return {
        seq: event.seq,
        message: `Sự kiện số ${event.seq} của ${describe(event)} bị lặp hoặc sai thứ tự`,
      };
    if (event.prevHash !== chain.prevHash)
      return {
        seq: event.seq,
        message: `Sự kiện số ${event.seq} của ${describe(event)} không nối với sự kiện trước (prev_hash khác)`,
      };
    if (!hashMatches(event, chain.prevHash))
      return {
        seq: event.seq,
        message: `Sự kiện số ${event.seq} của ${describe(event)} đã bị sửa (hash không khớp nội dung)`,
      };
    return null;
  }

  private checkHead(event: StoredEvent | StoredRow): void {
    const expected = this.current?.heads?.get(event.seq);
    if (!expected) return;
    for (const head of expected) {
      head.found = true;
      if (head.hash !== event.hash)
        this.fail(
          event.instanceType,
          event.instanceId,
          event.seq,
          head.checkpoint.id,
          `Sự kiện số ${event.seq} của ${describe(event)} khác với sự kiện đã ký trong điểm ` +
            `kiểm tra ngày ${head.checkpoint.day}`,
        );
    }
  }

  private fail(
    instanceType: string | null,
    instanceId: string | null,
    seq: number | null,
    checkpointId: string | null,
    message: string,
  ): void {
    if (this.breaks.length < MAX_BREAKS)
      this.breaks.push({ instanceType, instanceId, seq, checkpointId, message });
  }
}

function describe(event: { instanceType: string; instanceId: string }): string {
  return `${event.instanceType} ${event.instanceId}`;
}

/**
 * Whether the event's stored hash is the hash of its content. A stored payload text that hashes
 * right is the canonical text that was hashed when written (SHA-256 has no known collisions);
 * text in another form (rows written before the writer stored the canonical form, a server that
 * normalises JSON) is parsed and brought to the canonical form.
 */
function hashMatches(event: StoredEvent | StoredRow, prevHash: string): boolean {
  if (!('payloadJson' in event)) return event.hash === eventHash(event, prevHash);
  if (event.hash === sha256Hex(canonicalForm(event, event.payloadJson, prevHash))) return true;
  if (event.payloadJson === null) return false;
  let payload: unknown;
  try {
    payload = JSON.parse(event.payloadJson);
  } catch {
    return false;
  }
  return event.hash === eventHash({ ...event, payload }, prevHash);
}
