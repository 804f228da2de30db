import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { AUDIT_SIGNING_KEY } from './audit-signing-key';
import { ChainHead, merkleRoot, sortHeads } from './merkle';
import { GLOBAL_SCOPE, keyId, signCheckpoint } from './signing';
import { StoredCheckpoint } from './verify';

interface CheckpointRow {
  id: string;
  scope: string;
  day: string;
  created_at: Date;
  instance_count: number;
  root: string;
  heads: string;
  signature: string;
  key_id: string;
}

/**
 * Ward checkpoints: the Merkle root over a ward's chain heads, signed with the audit key. The
 * daily one is made once per ward and day (a repeated or concurrent job adds nothing); on demand
 * a new one is made each time. Chains of no ward are checkpointed under GLOBAL_SCOPE.
 */
@Injectable()
export class AuditCheckpoints {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(AUDIT_SIGNING_KEY) private readonly signingKey: KeyObject,
  ) {}

  /** Makes a checkpoint of every ward (and of the ward-less chains); returns them. */
  async checkpointAll(kind: 'daily' | 'on-demand'): Promise<StoredCheckpoint[]> {
    const wards = (await this.dataSource.query('SELECT id FROM wards ORDER BY id')) as {
      id: string;
    }[];
    const made: StoredCheckpoint[] = [];
    for (const scope of [...wards.map((ward) => ward.id), GLOBAL_SCOPE])
      made.push(await this.checkpoint(scope, kind));
    return made;
  }

  /** One scope's checkpoint; the daily one of a day is made once and then returned as it is. */
  async checkpoint(scope: string, kind: 'daily' | 'on-demand'): Promise<StoredCheckpoint> {
    const createdAt = this.clock.now();
    const day = todayIn(createdAt);
    if (kind === 'daily') {
      const existing = await this.find('scope = ? AND daily_day = ?', [scope, day]);
      if (existing.length > 0) return existing[0];
    }
    const heads = sortHeads(await this.headsOf(scope));
    const content = { scope, day, createdAt, instanceCount: heads.length, root: merkleRoot(heads) };
    const signature = signCheckpoint(content, this.signingKey);
    // INSERT IGNORE: a concurrent daily job for the same scope and day adds nothing.
    await this.dataSource.query(
      'INSERT IGNORE INTO audit_checkpoints (scope, day, created_at, instance_count, root, heads, ' +
        'signature, key_id, daily_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        scope,
        day,
        createdAt,
        heads.length,
        content.root,
        JSON.stringify(heads.map((head) => [head.instanceId, head.seq, head.hash])),
        signature,
        keyId(this.signingKey),
        kind === 'daily' ? day : null,
      ],
    );
    const [stored] =
      kind === 'daily'
        ? await this.find('scope = ? AND daily_day = ?', [scope, day])
        : await this.find('scope = ? AND signature = ?', [scope, signature]);
    return stored;
  }

  /** Checkpoints of the given scopes (all when null) made between two instants. */
  list(scopes: string[] | null, from?: Date, to?: Date): Promise<StoredCheckpoint[]> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (scopes) {
      where.push('scope IN (?)');
      params.push(scopes);
    }
    if (from) {
      where.push('created_at >= ?');
      params.push(from);
    }
    if (to) {
      where.push('created_at <= ?');
      params.push(to);
    }
    return this.find(where.join(' AND '), params);
  }

  private async find(where: string, params: unknown[]): Promise<StoredCheckpoint[]> {
    const rows = (await this.dataSource.query(
      'SELECT id, scope, DATE_FORMAT(day, "%Y-%m-%d") AS day, created_at, instance_count, root, ' +
        `heads, signature, key_id FROM audit_checkpoints WHERE ${where} ORDER BY created_at, id`,
      params,
    )) as CheckpointRow[];
    return rows.map((row) => ({
      id: String(row.id),
      scope: row.scope,
      day: row.day,
      createdAt: row.created_at,
      instanceCount: row.instance_count,
      root: row.root,
      heads: (JSON.parse(row.heads) as [string, number, string][]).map(
        ([instanceId, seq, hash]) => ({ instanceId, seq, hash }),
      ),
      signature: row.signature,
      keyId: row.key_id,
    }));
  }

  /** Each instance's last event in the scope, read in one statement (one consistent view). */
  private async headsOf(scope: string): Promise<ChainHead[]> {
    const wardFilter = scope === GLOBAL_SCOPE ? 'ward_id IS NULL' : 'ward_id = ?';
    const rows = (await this.dataSource.query(
      'SELECT a.instance_id, a.seq, a.hash FROM audit_events a JOIN (' +
        `SELECT instance_id, MAX(seq) AS seq FROM audit_events WHERE ${wardFilter} ` +
        'GROUP BY instance_id) h ON h.instance_id = a.instance_id AND h.seq = a.seq',
      scope === GLOBAL_SCOPE ? [] : [scope],
    )) as { instance_id: string; seq: number; hash: string }[];
    return rows.map((row) => ({ instanceId: row.instance_id, seq: row.seq, hash: row.hash }));
  }
}
