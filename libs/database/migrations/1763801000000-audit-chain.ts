import { MigrationInterface, QueryRunner } from 'typeorm';
import { eventHash, GENESIS_HASH } from '@cchc/audit';
import { dropTables, TABLE_OPTIONS } from './schema';

/** Where the ward of an existing instance's history is found, by audit instance type. */
const WARD_SOURCES: [instanceType: string, table: string][] = [
  ['reform-task', 'reform_tasks'],
  ['tthc-dossier', 'tthc_dossiers'],
  ['plan', 'plans'],
  ['user', 'users'],
  ['evidence', 'evidence_files'],
  ['apology-slip', 'apology_slips'],
];
/** Histories whose instance id is the ward's own id. */
const WARD_SETTINGS = ['unit-aliases', 'unit-groups', 'leader-assignments'];
const PAGE = 2000;

interface ExistingRow {
  id: string;
  instance_type: string;
  instance_id: string;
  seq: number;
  event_type: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_role: string;
  reason: string | null;
  payload: unknown;
  occurred_at: Date;
  hash: string | null;
}

/**
 * Tamper-evident audit: every event gets its ward, the hash of its instance's previous event and
 * its own hash (libs/audit), the existing history is chained in order (only rows without a hash,
 * so running it again changes nothing), and ward checkpoints get their table.
 */
export class AuditChain1763801000000 implements MigrationInterface {
  name = 'AuditChain1763801000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events
      ADD COLUMN ward_id CHAR(36) NULL,
      ADD COLUMN prev_hash CHAR(64) CHARACTER SET ascii NULL,
      ADD COLUMN hash CHAR(64) CHARACTER SET ascii NULL,
      ADD KEY idx_audit_ward_time (ward_id, occurred_at, id)`);
    for (const [instanceType, table] of WARD_SOURCES) {
      await queryRunner.query(
        `UPDATE audit_events a JOIN ${table} t ON t.id = a.instance_id ` +
          'SET a.ward_id = t.ward_id WHERE a.instance_type = ? AND a.ward_id IS NULL',
        [instanceType],
      );
    }
    await queryRunner.query(
      'UPDATE audit_events a JOIN wards w ON w.id = a.instance_id SET a.ward_id = w.id ' +
        'WHERE a.instance_type IN (?) AND a.ward_id IS NULL',
      [WARD_SETTINGS],
    );
    await chainExistingHistory(queryRunner);
    await queryRunner.query(`ALTER TABLE audit_events
      MODIFY prev_hash CHAR(64) CHARACTER SET ascii NOT NULL,
      MODIFY hash CHAR(64) CHARACTER SET ascii NOT NULL`);
    await queryRunner.query(`CREATE TABLE audit_checkpoints (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      scope VARCHAR(36) NOT NULL,
      day DATE NOT NULL,
      created_at DATETIME(3) NOT NULL,
      instance_count INT NOT NULL,
      root CHAR(64) CHARACTER SET ascii NOT NULL,
      heads LONGTEXT NOT NULL,
      signature VARCHAR(128) CHARACTER SET ascii NOT NULL,
      key_id CHAR(16) CHARACTER SET ascii NOT NULL,
      UNIQUE KEY uq_audit_checkpoints_scope_day (scope, day),
      KEY idx_audit_checkpoints_created (created_at)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, ['audit_checkpoints']);
    await queryRunner.query(`ALTER TABLE audit_events
      DROP KEY idx_audit_ward_time,
      DROP COLUMN ward_id,
      DROP COLUMN prev_hash,
      DROP COLUMN hash`);
  }
}

/**
 * Walks the history by instance and seq (its unique key) and hashes the rows that have no hash
 * yet, each linked to the one before it.
 */
export async function chainExistingHistory(queryRunner: QueryRunner): Promise<number> {
  let after: [string, number] = ['', 0];
  let prev = { instanceId: '', hash: GENESIS_HASH };
  let chained = 0;
  for (;;) {
    const rows = (await queryRunner.query(
      'SELECT id, instance_type, instance_id, seq, event_type, from_state, to_state, actor_id, ' +
        'actor_role, reason, payload, occurred_at, hash FROM audit_events ' +
        `WHERE instance_id > ? OR (instance_id = ? AND seq > ?) ORDER BY instance_id, seq LIMIT ${PAGE}`,
      [after[0], ...after],
    )) as ExistingRow[];
    if (rows.length === 0) return chained;
    const updates: [string, string, string][] = [];
    for (const row of rows) {
      const prevHash = row.instance_id === prev.instanceId ? prev.hash : GENESIS_HASH;
      const hash =
        row.hash ??
        eventHash(
          {
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
          },
          prevHash,
        );
      if (row.hash === null) updates.push([row.id, prevHash, hash]);
      prev = { instanceId: row.instance_id, hash };
    }
    if (updates.length > 0) {
      const cases = updates.map(() => 'WHEN ? THEN ?').join(' ');
      await queryRunner.query(
        `UPDATE audit_events SET prev_hash = CASE id ${cases} END, hash = CASE id ${cases} END ` +
          'WHERE id IN (?)',
        [
          ...updates.flatMap(([id, prevHash]) => [id, prevHash]),
          ...updates.flatMap(([id, , hash]) => [id, hash]),
          updates.map(([id]) => id),
        ],
      );
      chained += updates.length;
    }
    const last = rows[rows.length - 1];
    after = [last.instance_id, last.seq];
  }
}
