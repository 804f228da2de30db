import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson, eventHash, GENESIS_HASH } from '@cchc/audit';
import { Actor, RecordedAuditEvent } from '@cchc/domain';
import { InsertRows } from './statements';

/** One event of an instance's history, before it has its sequence number. */
export interface AuditEntry {
  instanceType: string;
  instanceId: string;
  eventType: string;
  fromState: string | null;
  toState: string;
  actor: Actor;
  reason: string | null;
  payload: Record<string, unknown> | null;
  occurredAt: Date;
  /**
   * The ward whose history this is (ward checkpoints and the ward's audit view); when omitted,
   * the ward of the instance's previous event, or the ward itself when the instance id is a
   * ward's id (its settings: unit aliases, groups, report calendar…).
   */
  wardId?: string | null;
}

/** An event a service appends itself, not a machine's transition: a labelled type of libs/domain. */
export type RecordedAuditEntry = AuditEntry & { eventType: RecordedAuditEvent };

export interface AuditRecord extends AuditEntry {
  seq: number;
  /** Hash of the instance's previous event (GENESIS_HASH before its first). */
  prevHash: string;
}

/** The chain head an instance's next event links to: its last event's hash and ward. */
export interface AuditHead {
  hash: string;
  wardId: string | null;
}

const COLUMNS = [
  'instance_type',
  'instance_id',
  'seq',
  'event_type',
  'from_state',
  'to_state',
  'actor_id',
  'actor_role',
  'reason',
  'payload',
  'occurred_at',
  'ward_id',
  'prev_hash',
  'hash',
];

/** The columns after instance_type, instance_id and seq; the hash covers the event's content. */
function values(record: AuditRecord, wardId: string | null): unknown[] {
  const actorId = record.actor.kind === 'user' ? record.actor.userId : null;
  const actorRole = record.actor.kind === 'user' ? record.actor.role : 'system';
  const hash = eventHash({ ...record, actorId, actorRole }, record.prevHash);
  return [
    record.eventType,
    record.fromState,
    record.toState,
    actorId,
    actorRole,
    record.reason,
    // Stored in the canonical form the hash covers: the verifier hashes the text as it is.
    record.payload === null ? null : canonicalJson(record.payload),
    record.occurredAt,
    wardId,
    record.prevHash,
    hash,
  ];
}

/**
 * The append-only history (`audit_events`), written only through here. Instances run by the
 * engine number their events by version (the guarded UPDATE of their row serialises them);
 * everything else (calendar years, plans, unit aliases, apology slips) takes the next number
 * from its `audit_sequences` row, which the append locks, so concurrent appends never collide.
 * Each event carries the hash of the instance's previous event and its own (libs/audit), so every
 * instance's history is a hash chain; the previous hash comes from the row the append already
 * holds (the engine reads it with the instance, and its version guard makes it the current one).
 */
export const AuditLog = {
  /** The row of an engine transition; `seq` is the instance's new version. */
  row(record: AuditRecord): InsertRows {
    return {
      table: 'audit_events',
      columns: COLUMNS,
      rows: [
        [
          record.instanceType,
          record.instanceId,
          record.seq,
          ...values(record, record.wardId ?? null),
        ],
      ],
    };
  },

  /** The chain head that the row of `row()` makes: its own hash and ward. */
  headOf({ rows: [values] }: InsertRows): AuditHead {
    return {
      hash: values[COLUMNS.indexOf('hash')] as string,
      wardId: values[COLUMNS.indexOf('ward_id')] as string | null,
    };
  },

  /** Appends the next event of an instance, in the caller's transaction or in one of its own. */
  async append(db: DataSource | EntityManager, entry: RecordedAuditEntry): Promise<void> {
    const manager = db instanceof DataSource ? db.manager : db;
    if (!manager.queryRunner?.isTransactionActive)
      return manager.transaction((transaction) => AuditLog.append(transaction, entry));
    // Inserting or bumping the counter row locks it until the caller commits.
    await manager.query(
      'INSERT INTO audit_sequences (instance_id, last_seq) VALUES (?, 1) ' +
        'ON DUPLICATE KEY UPDATE last_seq = last_seq + 1',
      [entry.instanceId],
    );
    // Locking reads of rows that exist (the counter row just written, the previous event): they
    // see what committed after the caller's snapshot, and lock single records, never a gap —
    // a gap lock here deadlocks concurrent first appends of different instances.
    const [counter] = (await manager.query(
      'SELECT last_seq FROM audit_sequences WHERE instance_id = ? FOR UPDATE',
      [entry.instanceId],
    )) as { last_seq: number }[];
    const seq = Number(counter.last_seq);
    const [previous] =
      seq > 1
        ? ((await manager.query(
            'SELECT hash, ward_id FROM audit_events WHERE instance_id = ? AND seq = ? LOCK IN SHARE MODE',
            [entry.instanceId, seq - 1],
          )) as { hash: string; ward_id: string | null }[])
        : [];
    const record: AuditRecord = { ...entry, seq, prevHash: previous?.hash ?? GENESIS_HASH };
    // The ward: as given, else the previous event's, else the instance itself when it is a ward
    // (its own settings: calendar, aliases, groups).
    const wardId =
      entry.wardId !== undefined
        ? entry.wardId
        : (previous?.ward_id ?? (await wardItself(manager, entry.instanceId)));
    await manager.query(
      `INSERT INTO audit_events (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
      [entry.instanceType, entry.instanceId, seq, ...values(record, wardId)],
    );
  },
};

async function wardItself(manager: EntityManager, instanceId: string): Promise<string | null> {
  const [ward] = (await manager.query('SELECT id FROM wards WHERE id = ?', [instanceId])) as {
    id: string;
  }[];
  return ward?.id ?? null;
}
