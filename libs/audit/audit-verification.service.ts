import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KeyObject } from 'node:crypto';
import type { Connection, RowDataPacket } from 'mysql2';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { AUDIT_SIGNING_KEY } from './audit-signing-key';
import { BUNDLE_FORMAT, bundleLine } from './bundle';
import { GLOBAL_SCOPE, publicKeyPem } from './signing';
import { AuditVerifier, StoredRow, VerifyReport } from './verify';

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

const BATCH = 1_000;

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
    for await (const rows of this.batches(range)) {
      // One event object at a time, dead before the next.
      for (const row of rows) verifier.add(storedRow(row));
    }
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
    // A batch at a time: one chunk per batch, not per line.
    for await (const rows of this.batches(range))
      yield rows
        .map(storedRow)
        .map(({ payloadJson, ...row }) =>
          bundleLine({ kind: 'event', ...row, payload: JSON.parse(payloadJson ?? 'null') }),
        )
        .join('');
  }

  private checkpointsOf(range: AuditRange) {
    return this.checkpoints.list(range.wardId ? [range.wardId] : null, range.from, range.to);
  }

  /**
   * Events in the order they were written (primary key): sequential on disk, where the chain key
   * would fetch each row at random once the history outgrows the buffer pool. Straight from mysql2
   * as arrays (no row objects, no date parsing: the time comes as UTC milliseconds; the payload as
   * its stored text, not parsed), in batches.
   */
  private async *batches(range: AuditRange): AsyncGenerator<RowArray[]> {
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
    const sql =
      'SELECT instance_type, instance_id, seq, event_type, from_state, to_state, actor_id, ' +
      "actor_role, reason, CAST(payload AS CHAR), TIMESTAMPDIFF(MICROSECOND, '1970-01-01', occurred_at) DIV 1000, " +
      'prev_hash, hash FROM audit_events' +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ' ORDER BY id';
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as Connection;
      // One statement streamed (the server sends as fast as the rows are taken, and the history
      // is read at one instant), taken a batch at a time.
      const stream = connection
        .query({ sql, values: params, rowsAsArray: true })
        .stream({ highWaterMark: BATCH });
      let batch: RowArray[] = [];
      for await (const row of stream) {
        batch.push(row as RowArray);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await runner.release();
    }
  }
}

/** A row of the query: the columns in their SELECT order. */
type RowArray = [
  instanceType: string,
  instanceId: string,
  seq: number,
  eventType: string,
  fromState: string | null,
  toState: string,
  actorId: string | null,
  actorRole: string,
  reason: string | null,
  payloadJson: string | null,
  occurredAtMs: string | number,
  prevHash: string,
  hash: string,
  id: string | number,
] &
  RowDataPacket;

function storedRow(row: RowArray): StoredRow {
  return {
    instanceType: row[0],
    instanceId: row[1],
    seq: row[2],
    eventType: row[3],
    fromState: row[4],
    toState: row[5],
    actorId: row[6],
    actorRole: row[7],
    reason: row[8],
    payloadJson: row[9],
    occurredAt: new Date(Number(row[10])),
    prevHash: row[11],
    hash: row[12],
  };
}
