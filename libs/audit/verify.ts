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

/** Where one instance's chain stands while its events are read. */
interface ChainState {
  /** The seq the next event must carry; null until the anchor of a partial range is read. */
  nextSeq: number | null;
  /** Where its last hash is kept in `ChainHashes`. */
  slot: number;
  broken: boolean;
  /** Events read ahead of a gap, by seq: written out of id order, or the gap is a deletion. */
  ahead: Map<number, StoredEvent | StoredRow> | undefined;
  /** The checkpoint heads of this instance, by seq. */
  heads: Map<number, ExpectedHead[]> | undefined;
}

/**
 * Walks audit chains and checks every event's link and hash, then that each checkpoint is signed
 * by the trusted key, that its root is the Merkle root of its heads, and that each head is still
 * the event the chain holds at that number. Events may come in any interleaving of instances (the
 * database reads them in the order they were written, its primary key, which is sequential on
 * disk): every chain's state stays open until `finish`. Pure: the same code checks the database
 * (`audit verify`) and an exported bundle (`audit verify-bundle`).
 */
export class AuditVerifier {
  private readonly constructionBreaks: AuditBreak[] = [];
  private readonly chainBreaks: AuditBreak[] = [];
  /** By instance, then seq: one lookup per instance, a numeric one per event. */
  private readonly expectedHeads = new Map<string, Map<number, ExpectedHead[]>>();
  private readonly chains = new Map<string, ChainState>();
  private readonly lastHashes = new ChainHashes();
  private events = 0;

  constructor(
    private readonly checkpoints: StoredCheckpoint[],
    publicKey: KeyObject,
    private readonly options: VerifyOptions = { partial: false },
  ) {
    for (const checkpoint of checkpoints) {
      const label = `Điểm kiểm tra ngày ${checkpoint.day} (${checkpoint.scope})`;
      const fail = (message: string) =>
        this.constructionBreaks.push({
          instanceType: null,
          instanceId: null,
          seq: null,
          checkpointId: checkpoint.id,
          message: `${label}: ${message}`,
        });
      if (!checkpointSignatureValid(checkpoint, checkpoint.signature, publicKey)) {
        fail('chữ ký không hợp lệ với khóa công khai');
        continue;
      }
      if (
        merkleRoot(checkpoint.heads) !== checkpoint.root ||
        checkpoint.heads.length !== checkpoint.instanceCount
      ) {
        fail('danh sách đầu chuỗi không khớp gốc Merkle đã ký');
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

  /** The next event read, of any instance. */
  add(event: StoredEvent | StoredRow): void {
    this.events++;
    let chain = this.chains.get(event.instanceId);
    if (!chain) {
      const anchored = this.options.partial && event.seq > 1;
      chain = {
        nextSeq: anchored ? null : 1,
        slot: this.chains.size,
        broken: false,
        ahead: undefined,
        heads: this.expectedHeads.get(event.instanceId),
      };
      this.chains.set(event.instanceId, chain);
      this.lastHashes.set(chain.slot, GENESIS_HASH);
    }
    if (chain.nextSeq === null) {
      // The first event of a partial range is trusted as the anchor; its own hash is still checked.
      chain.nextSeq = event.seq;
      this.lastHashes.set(chain.slot, event.prevHash ?? '');
    }
    if (event.seq > chain.nextSeq && !chain.broken) {
      chain.ahead ??= new Map();
      if (chain.ahead.has(event.seq))
        this.breakChain(
          chain,
          event,
          event.seq,
          `Sự kiện số ${event.seq} của ${describe(event)} bị lặp`,
        );
      else chain.ahead.set(event.seq, event);
      return;
    }
    this.link(chain, event);
    for (let next = chain.ahead?.get(chain.nextSeq); next; next = chain.ahead?.get(chain.nextSeq)) {
      chain.ahead!.delete(next.seq);
      this.link(chain, next);
    }
  }

  finish(): VerifyReport {
    for (const chain of this.chains.values()) {
      if (!chain.ahead || chain.ahead.size === 0 || chain.broken) continue;
      const first = Math.min(...chain.ahead.keys());
      const event = chain.ahead.get(first)!;
      this.breakChain(
        chain,
        event,
        chain.nextSeq!,
        `Thiếu sự kiện số ${chain.nextSeq} của ${describe(event)}`,
      );
    }
    let unchecked = 0;
    const missingHeads: AuditBreak[] = [];
    for (const [instanceId, bySeq] of this.expectedHeads) {
      for (const [seq, expected] of bySeq) {
        for (const head of expected) {
          if (head.found) continue;
          if (this.options.partial) {
            unchecked++;
            continue;
          }
          missingHeads.push({
            instanceType: null,
            instanceId,
            seq,
            checkpointId: head.checkpoint.id,
            message:
              `Sự kiện số ${seq} của ${instanceId} đã được ký trong điểm kiểm tra ngày ` +
              `${head.checkpoint.day} nhưng không còn trong nhật ký`,
          });
        }
      }
    }
    // Read order is the order of writing; a report names breaks by instance and number.
    this.chainBreaks.sort(
      (a, b) =>
        (a.instanceId! < b.instanceId! ? -1 : a.instanceId! > b.instanceId! ? 1 : 0) ||
        a.seq! - b.seq!,
    );
    const breaks = [...this.constructionBreaks, ...this.chainBreaks, ...missingHeads];
    return {
      ok: breaks.length === 0,
      events: this.events,
      instances: this.chains.size,
      checkpoints: this.checkpoints.length,
      uncheckedHeads: unchecked,
      breaks: breaks.slice(0, MAX_BREAKS),
    };
  }

  /** Checks the event against the chain (once it is broken, only the checkpoint heads). */
  private link(chain: ChainState, event: StoredEvent | StoredRow): void {
    if (!chain.broken) {
      const problem = this.linkProblem(chain.nextSeq!, chain.slot, event);
      if (problem) this.breakChain(chain, event, problem.seq, problem.message);
    }
    if (event.seq >= chain.nextSeq!) {
      chain.nextSeq = event.seq + 1;
      this.lastHashes.set(chain.slot, event.hash ?? '');
    }
    this.checkHead(chain, event);
  }

  private breakChain(
    chain: ChainState,
    event: StoredEvent | StoredRow,
    seq: number,
    message: string,
  ): void {
    chain.broken = true;
    if (chain.ahead) {
      // What was read ahead is checked against the checkpoints only, as after any break.
      for (const ahead of chain.ahead.values()) this.checkHead(chain, ahead);
      chain.ahead = undefined;
    }
    this.fail(event, seq, null, message);
  }

  private linkProblem(
    nextSeq: number,
    slot: number,
    event: StoredEvent | StoredRow,
  ): { seq: number; message: string } | null {
    if (event.seq < nextSeq)
      return {
        seq: event.seq,
        message: `Sự kiện số ${event.seq} của ${describe(event)} bị lặp hoặc sai thứ tự`,
      };
    if (!this.lastHashes.is(slot, event.prevHash))
      return {
        seq: event.seq,
        message: `Sự kiện số ${event.seq} của ${describe(event)} không nối với sự kiện trước (prev_hash khác)`,
      };
    if (!hashMatches(event, event.prevHash!))
      return {
        seq: event.seq,
        message: `Sự kiện số ${event.seq} của ${describe(event)} đã bị sửa (hash không khớp nội dung)`,
      };
    return null;
  }

  private checkHead(chain: ChainState, event: StoredEvent | StoredRow): void {
    const expected = chain.heads?.get(event.seq);
    if (!expected) return;
    for (const head of expected) {
      head.found = true;
      if (head.hash !== event.hash)
        this.fail(
          event,
          event.seq,
          head.checkpoint.id,
          `Sự kiện số ${event.seq} của ${describe(event)} khác với sự kiện đã ký trong điểm ` +
            `kiểm tra ngày ${head.checkpoint.day}`,
        );
    }
  }

  private fail(
    event: StoredEvent | StoredRow,
    seq: number,
    checkpointId: string | null,
    message: string,
  ): void {
    if (this.chainBreaks.length < MAX_BREAKS)
      this.chainBreaks.push({
        instanceType: event.instanceType,
        instanceId: event.instanceId,
        seq,
        checkpointId,
        message,
      });
  }
}

/**
 * Every open chain's last hash, kept in one buffer rather than as the events' own strings: with
 * thousands of chains open at once each string would live until its chain's next event, long
 * enough to be promoted to the old generation and collected there, event after event.
 */
class ChainHashes {
  private static readonly WIDTH = 64;
  private bytes = Buffer.alloc(ChainHashes.WIDTH * 4096);
  /** Hashes of another length (none, or edited): kept as they are. */
  private readonly odd = new Map<number, string>();

  set(slot: number, hash: string): void {
    const offset = slot * ChainHashes.WIDTH;
    if (offset + ChainHashes.WIDTH > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    // Hex digits are a byte each, copied by hand: Buffer#write is a native call, slower here.
    if (hash.length === ChainHashes.WIDTH && isLatin1(hash)) {
      for (let i = 0; i < ChainHashes.WIDTH; i++) this.bytes[offset + i] = hash.charCodeAt(i);
      if (this.odd.size > 0) this.odd.delete(slot);
    } else {
      this.odd.set(slot, hash);
    }
  }

  /** Whether the chain's last hash is `hash`. */
  is(slot: number, hash: string | null): boolean {
    if (hash === null) return false;
    const odd = this.odd.size > 0 ? this.odd.get(slot) : undefined;
    if (odd !== undefined) return odd === hash;
    if (hash.length !== ChainHashes.WIDTH) return false;
    const offset = slot * ChainHashes.WIDTH;
    for (let i = 0; i < ChainHashes.WIDTH; i++)
      if (this.bytes[offset + i] !== hash.charCodeAt(i)) return false;
    return true;
  }
}

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
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
