import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { AUDIT_SIGNING_KEY } from './audit-signing-key';
import { BUNDLE_FORMAT, bundleLine } from './bundle';
import { GLOBAL_SCOPE, publicKeyPem } from './signing';
import { AuditVerifier, StoredEvent, VerifyReport } from './verify';
import { AuditEventRow } from './audit-event-row';

/** Which part of the history to read: a ward (all when absent) and a time range. */
export interface AuditRange {
  wardId?: string;
  from?: Date;
  to?: Date;
}

export interface TimedReport extends VerifyReport {
  seconds: number;
  eventsPerSecond: number;
  /** Per second of this process's CPU time: the figure a busy machine does not distort. */
  eventsPerCpuSecond: number;
}

interface EventRow extends AuditEventRow {
  prev_hash: string;
  hash: string;
}

const PAGE = 10_000;

/**
 * Reads the audit history from the database for the pure verifier (`audit verify`,
 * POST /audit/verify) and writes it out as an offline bundle (GET /audit/export).
 */
@Injectable()
export class AuditVerification {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkpoints: AuditCheckpoints,
    private readonly clock: Clock,
    @Inject(AUDIT_SIGNING_KEY) private readonly signingKey: KeyObject,
  ) {}

  async verify(range: AuditRange): Promise<TimedReport> {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const verifier = new AuditVerifier(await this.checkpointsOf(range), this.signingKey, {
      partial: range.from !== undefined,
    });
    for await (const events of this.pages(range)) for (const event of events) verifier.add(event);
    const report = verifier.finish();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { user, system } = process.cpuUsage(cpu);
    return {
      ...report,
      seconds,
      eventsPerSecond: Math.round(report.events / seconds),
      eventsPerCpuSecond: Math.round(report.events / ((user + system) / 1e6 || 1e-6)),
    };
  }

  /** The NDJSON bundle of a ward's history: header with the public key, checkpoints, events. */
  async *bundle(range: AuditRange & { wardId: string }): AsyncGenerator<string> {
    yield bundleLine({
      kind: 'bundle',
      format: BUNDLE_FORMAT,
      wardId: range.wardId,
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      createdAt: this.clock.now().toISOString(),
      publicKey: publicKeyPem(this.signingKey),
      partial: range.from !== undefined,
    });
    for (const checkpoint of await this.checkpointsOf(range))
      yield bundleLine({ kind: 'checkpoint', ...checkpoint });
    // A page at a time: one chunk per page, not per line.
    for await (const events of this.pages(range))
      yield events.map((event) => bundleLine({ kind: 'event', ...event })).join('');
  }

  private checkpointsOf(range: AuditRange) {
    return this.checkpoints.list(range.wardId ? [range.wardId] : null, range.from, range.to);
  }

  /** Events grouped by instance in ascending seq, read in pages along the (instance, seq) key. */
  private async *pages(range: AuditRange): AsyncGenerator<StoredEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (range.wardId) {
      where.push(range.wardId === GLOBAL_SCOPE ? 'ward_id IS NULL' : 'ward_id = ?');
      if (range.wardId !== GLOBAL_SCOPE) params.push(range.wardId);
    }
    if (range.from) {
      where.push('occurred_at >= ?');
      params.push(range.from);
    }
    if (range.to) {
      where.push('occurred_at <= ?');
      params.push(range.to);
    }
    const page = (after: [string, number]) =>
      this.dataSource.query(
        'SELECT instance_type, instance_id, seq, event_type, from_state, to_state, actor_id, ' +
          'actor_role, reason, payload, occurred_at, prev_hash, hash FROM audit_events ' +
          'WHERE (instance_id > ? OR (instance_id = ? AND seq > ?))' +
          where.map((condition) => ` AND ${condition}`).join('') +
          ` ORDER BY instance_id, seq LIMIT ${PAGE}`,
        [after[0], after[0], after[1], ...params],
      ) as Promise<EventRow[]>;
    let next = page(['', 0]);
    for (;;) {
      const rows = await next;
      const last = rows[rows.length - 1];
      // The next page is read while this one is verified.
      if (rows.length === PAGE) next = page([last.instance_id, last.seq]);
      yield rows.map(storedEvent);
      if (rows.length < PAGE) return;
    }
  }
}

function storedEvent(row: EventRow): StoredEvent {
  return {
    instanceType: row.instance_type,
    instanceId: row.instance_id,
    seq: row.seq,
    eventType: row.event_type,
    fromState: row.from_state,
    toState: row.to_state,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    reason: row.reason,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    occurredAt: row.occurred_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
