/**
 * Audit verification speed: seeds a synthetic ward history in bulk SQL (valid hash chains and a
 * signed checkpoint), then verifies it from the database (`audit verify`) and from memory (the
 * pure verifier alone), printing events per second. Its own database; nothing else touched.
 *   npm run bench:audit -- --events 200000 --perInstance 10
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AuditCheckpoints,
  AuditVerification,
  AuditVerifier,
  canonicalJson,
  developmentSigningKey,
  eventHash,
  GENESIS_HASH,
  StoredRow,
} from '@cchc/audit';
import { loadConfig, SystemClock } from '@cchc/common';
import { dataSourceOptions } from '@cchc/database';
import { prepareRuntime, runMain } from '@cchc/runtime';
import { numericArgs } from './bench-args';
import { benchDatabaseUrl, dropDatabase } from './bench-database';

const ROWS_PER_INSERT = 1000;

runMain(async () => {
  const { events, perInstance } = numericArgs({ events: 200_000, perInstance: 10 });
  const base = loadConfig();
  const config = {
    ...base,
    databaseUrl: benchDatabaseUrl(base.databaseUrl, 'cchc_bench_audit'),
  };
  // Each run starts from an empty database of its own.
  await dropDatabase(config.databaseUrl);
  await prepareRuntime(config, { seedDemo: false });
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  try {
    const wardId = randomUUID();
    await dataSource.query("INSERT INTO wards (id, code, name) VALUES (?, ?, 'Phường đo tốc độ')", [
      wardId,
      `bench-${wardId.slice(0, 8)}`,
    ]);
    await seed(dataSource, wardId, history(events, perInstance));
    const key = developmentSigningKey();
    const clock = new SystemClock();
    const checkpoints = new AuditCheckpoints(dataSource, clock, key);
    await checkpoints.checkpoint(wardId, 'on-demand');

    const fromDb = await new AuditVerification(dataSource, checkpoints, clock, key).verify({
      wardId,
    });
    if (!fromDb.ok) throw new Error(`seeded history did not verify: ${fromDb.breaks[0].message}`);
    // Made again only now: held through the walk above, a million events would burden its heap.
    const seeded = history(events, perInstance);
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const verifier = new AuditVerifier(await checkpoints.list([wardId]), key);
    for (const event of seeded) verifier.add(event);
    const pure = verifier.finish();
    const pureSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const pureCpu = process.cpuUsage(cpu);
    const rate = (n: number) => n.toLocaleString('en').padStart(9);
    console.log(
      `bench:audit — ${fromDb.events} events in ${fromDb.instances} chains (wall clock, then per CPU second)`,
    );
    console.log(
      `audit verify (database → verifier)  ${rate(fromDb.eventsPerSecond)} events/s  ${rate(fromDb.eventsPerCpuSecond)} events/CPU-s`,
    );
    console.log(
      `verifier alone (in memory)          ${rate(Math.round(pure.events / pureSeconds))} events/s  ${rate(Math.round(pure.events / ((pureCpu.user + pureCpu.system) / 1e6)))} events/CPU-s`,
    );
  } finally {
    await dataSource.destroy();
  }
});

/** Valid chains, the same on every call, in the order of writing. */
function history(count: number, perInstance: number): StoredRow[] {
  const all: StoredRow[] = [];
  const start = Date.UTC(2026, 0, 5, 1);
  for (let i = 0; all.length < count; i++) {
    const instanceId = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= perInstance && all.length < count; seq++) {
      const content = {
        instanceType: 'reform-task',
        instanceId,
        seq,
        eventType: seq === 1 ? 'CREATED' : 'SUBMIT_REPORT',
        fromState: seq === 1 ? null : 'inProgress',
        toState: seq === 1 ? 'assigned' : 'reported',
        actorId: null,
        actorRole: 'system',
        reason: seq % 3 === 0 ? 'Bổ sung số liệu quý I theo yêu cầu' : null,
        payload: seq === 1 ? null : { report: `Báo cáo lần ${seq}`, evidenceIds: [] },
        // Day `seq` of every chain: the instances' events interleave as real work does, so the
        // verifier holds every chain open at once (its worst case for memory).
        occurredAt: new Date(start + seq * 86_400_000 + i * 500),
      };
      const hash = eventHash(content, prev);
      const { payload, ...rest } = content;
      all.push({
        ...rest,
        payloadJson: payload === null ? null : canonicalJson(payload),
        prevHash: prev,
        hash,
      });
      prev = hash;
    }
  }
  // In time order, as the engine writes them.
  return all.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** The events written with multi-row INSERTs. */
async function seed(dataSource: DataSource, wardId: string, all: StoredRow[]): Promise<void> {
  const tuple = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  for (let offset = 0; offset < all.length; offset += ROWS_PER_INSERT) {
    const rows = all.slice(offset, offset + ROWS_PER_INSERT);
    await dataSource.query(
      'INSERT INTO audit_events (instance_type, instance_id, seq, event_type, from_state, ' +
        'to_state, actor_id, actor_role, reason, payload, occurred_at, ward_id, prev_hash, hash) ' +
        `VALUES ${rows.map(() => tuple).join(', ')}`,
      rows.flatMap((e) => [
        e.instanceType,
        e.instanceId,
        e.seq,
        e.eventType,
        e.fromState,
        e.toState,
        e.actorId,
        e.actorRole,
        e.reason,
        e.payloadJson,
        e.occurredAt,
        wardId,
        e.prevHash,
        e.hash,
      ]),
    );
  }
}
