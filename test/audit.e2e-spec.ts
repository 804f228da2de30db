import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  AuditCheckpointProcessor,
  AuditCheckpoints,
  AuditVerification,
  chainExistingHistory,
  eventHash,
  signCheckpoint,
} from '@cchc/audit';
import { ManualClock } from '@cchc/common';
import { QUEUES } from '@cchc/queue';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { runCliAsync } from './support/run-cli';
import { startApi, startWorker } from './support/test-app';

type Row = Record<string, unknown>;

describe('tamper-evident audit (MariaDB)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;
  let dir: string;
  let wardId: string;
  const tasks: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cchc-audit-'));
    await freshEnvironment('audit');
    api = await startApi(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    [{ id: wardId }] = await db.query("SELECT id FROM wards WHERE code = 'demo'");
    const units = (await client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
    }[];
    const users = (await client.get('coordinator', '/users')).body as {
      id: string;
      username: string;
    }[];
    for (let i = 0; i < 5; i++) {
      const created = await client.post('coordinator', '/tasks', {
        title: `Rà soát thủ tục hành chính số ${i + 1}`,
        leadUnitId: units.find((unit) => unit.code === 'VHXH')?.id,
        leaderId: users.find((user) => user.username === 'leader')?.id,
        product: 'Báo cáo kết quả rà soát',
        dueDate: '2026-03-31',
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      clock.advance(1000);
      expect(
        (await client.post('officer', `/tasks/${id}/events`, { type: 'START', version: 1 })).status,
      ).toBe(200);
      clock.advance(1000);
      const report = { type: 'SUBMIT_REPORT', version: 2, report: 'Đã rà soát 12 thủ tục' };
      expect((await client.post('officer', `/tasks/${id}/events`, report)).status).toBe(200);
      tasks.push(id);
    }
    tasks.sort();
  });

  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const insert = (table: string, row: Row) =>
    db.query(
      `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map(() => '?')
        .join(', ')})`,
      // JSON columns come back parsed; they go back as text.
      Object.values(row).map((value) =>
        value !== null && typeof value === 'object' && !(value instanceof Date)
          ? JSON.stringify(value)
          : value,
      ),
    );

  /** Both verify commands: the CLI on the database, and the CLI on an exported bundle, offline. */
  async function verifyBoth(): Promise<{ db: Row; bundle: Row; dbErr: string; bundleErr: string }> {
    const exported = await request(api.getHttpServer())
      .get('/audit/export')
      .set('authorization', `Bearer ${await client.login('inspector')}`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/application\/x-ndjson/);
    const file = join(dir, 'bundle.ndjson');
    await writeFile(file, exported.body as string);
    const [fromDb, fromBundle] = await Promise.all([
      runCliAsync(['audit', 'verify', '--ward', 'demo', '--json']),
      // No database at all: the bundle carries everything.
      runCliAsync(['audit', 'verify-bundle', file, '--json'], {
        DATABASE_URL: 'mysql://nobody@127.0.0.1:1/none',
      }),
    ]);
    const parse = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Row;
    const result = {
      db: parse(fromDb.stdout),
      bundle: parse(fromBundle.stdout),
      dbErr: fromDb.stderr,
      bundleErr: fromBundle.stderr,
    };
    const ok = result.db.ok === true;
    expect(fromDb.status).toBe(ok ? 0 : 1);
    expect(fromBundle.status).toBe(result.bundle.ok === true ? 0 : 1);
    return result;
  }

  it('chains existing history once: the migration rebuilds the same hashes and a rerun changes nothing', async () => {
    const before = await db.query('SELECT id, prev_hash, hash FROM audit_events ORDER BY id');
    const queryRunner = db.createQueryRunner();
    try {
      const migration = db.migrations.find((m) => m.name === 'AuditChain1763801000000')!;
      await migration.down(queryRunner);
      await migration.up(queryRunner);
      expect(await db.query('SELECT id, prev_hash, hash FROM audit_events ORDER BY id')).toEqual(
        before,
      );
      expect(await chainExistingHistory(queryRunner)).toBe(0);
    } finally {
      await queryRunner.release();
    }
    const logins = await db.query(
      "SELECT ward_id FROM audit_events WHERE instance_type = 'user' AND event_type = 'LOGIN'",
    );
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((row: Row) => row.ward_id === wardId)).toBe(true);
  });

  it('makes one daily checkpoint per ward and day, and on demand as many as asked', async () => {
    const checkpoints = api.get(AuditCheckpoints);
    const [a, b] = await Promise.all([
      checkpoints.checkpoint(wardId, 'daily'),
      checkpoints.checkpoint(wardId, 'daily'),
    ]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ scope: wardId, day: '2026-03-02' });
    expect(a.heads.map((head) => head.instanceId)).toEqual(expect.arrayContaining(tasks));
    const refused = await client.post('officer', '/audit/checkpoints');
    expect(refused.status).toBe(403);
    const made = await client.post('chairman', '/audit/checkpoints');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ scope: wardId, instanceCount: expect.any(Number) });
    expect(made.body.id).not.toBe(a.id);
    expect((await client.post('inspector', '/audit/checkpoints')).status).toBe(201);
  });

  it('schedules the daily checkpoint in the worker; the job checkpoints each ward once a day', async () => {
    const worker = await startWorker(clock);
    try {
      const queue = worker.get<Queue>(getQueueToken(QUEUES.audit), { strict: false });
      expect(await queue.getJobScheduler('audit-daily-checkpoint')).toMatchObject({
        pattern: '0 50 23 * * *',
        tz: 'Asia/Ho_Chi_Minh',
      });
      const processor = worker.get(AuditCheckpointProcessor);
      const before = (await db.query('SELECT COUNT(*) AS n FROM audit_checkpoints'))[0].n;
      // Every ward and the ward-less chains; the demo ward's daily one exists already.
      expect(await processor.process()).toBe(2);
      expect(await processor.process()).toBe(2);
      const after = (await db.query('SELECT COUNT(*) AS n FROM audit_checkpoints'))[0].n;
      expect(Number(after) - Number(before)).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('verifies the untouched history with both commands and through the API', async () => {
    const [result, ranged, badCliDate] = await Promise.all([
      verifyBoth(),
      runCliAsync(['audit', 'verify', '--from', '2026-03-02', '--to', '2026-03-02']),
      runCliAsync(['audit', 'verify', '--from', '02/03/2026']),
    ]);
    expect(ranged.status).toBe(0);
    expect(ranged.stdout).toMatch(
      /^Nhật ký nguyên vẹn: \d+ sự kiện, \d+ chuỗi, \d+ điểm kiểm tra; .* sự kiện\/giây/,
    );
    expect(badCliDate).toMatchObject({ status: 2 });
    expect(badCliDate.stderr).toContain('--from phải là ngày dạng YYYY-MM-DD');
    expect(result.db).toMatchObject({ ok: true, breaks: [] });
    expect(result.bundle).toMatchObject({ ok: true, breaks: [], events: result.db.events });
    expect(result.db.checkpoints).toBeGreaterThanOrEqual(2);
    const viaApi = await client.post('inspector', '/audit/verify', {});
    expect(viaApi.status).toBe(200);
    expect(viaApi.body).toMatchObject({ ok: true, events: result.db.events });
    expect((await client.post('officer', '/audit/verify', {})).status).toBe(403);
    const badDate = await client.post('inspector', '/audit/verify', { from: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toMatch(/from/);
  });

  it('lists who did what in the ward, keyset-paged, and exports it to Excel', async () => {
    const wrong = await request(api.getHttpServer())
      .post('/auth/login')
      .send({ username: 'officer', password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    clock.advance(1000);
    const returned = await client.post('leader', `/tasks/${tasks[3]}/events`, {
      type: 'RETURN',
      version: 3,
      reason: '=HYPERLINK("http://x.invalid","Thiếu số liệu")',
    });
    expect(returned.status).toBe(200);

    // A ward's own settings (instance id = the ward's id) are in the ward's history.
    const units = (await client.get('coordinator', '/org-units')).body as { id: string }[];
    const aliases = await client.put('coordinator', '/unit-aliases', {
      aliases: [{ alias: 'Bộ phận văn thư', unitId: units[0].id }],
    });
    expect(aliases.status).toBe(200);
    const settings = await client.get('inspector', '/audit?type=unit-aliases');
    expect(settings.body.items).toEqual([
      expect.objectContaining({ instanceId: wardId, instanceLabel: 'Tên gọi đơn vị' }),
    ]);

    const failed = await client.get('inspector', '/audit?type=user&event=LOGIN_FAILED');
    expect(failed.status).toBe(200);
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0]).toMatchObject({
      instanceLabel: 'Tài khoản (đăng nhập)',
      actorRole: 'system',
      payload: { username: 'officer' },
    });
    const officerId = failed.body.items[0].instanceId as string;
    const mine = await client.get('chairman', `/audit?actor=${officerId}&type=reform-task`);
    expect(mine.body.items.map((item: Row) => item.eventType).sort()).toEqual(
      [...Array(5).fill('START'), ...Array(5).fill('SUBMIT_REPORT')].sort(),
    );
    // Keyset pages: newest first, no entry twice, none left out.
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await client.get(
        'inspector',
        `/audit?type=reform-task&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: Row) => item.id as string));
      cursor = page.body.nextCursor;
    }
    expect(seen).toHaveLength(16);
    expect(new Set(seen).size).toBe(16);
    expect((await client.get('officer', '/audit')).status).toBe(403);
    const bad = await client.get('inspector', '/audit?actor=someone');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/actor/);

    const xlsx = await request(api.getHttpServer())
      .get('/audit/export.xlsx?type=reform-task&event=RETURN')
      .set('authorization', `Bearer ${await client.login('inspector')}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nhật ký')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Người thực hiện');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(5).value).toBe('Nhiệm vụ');
    // Events and states as the inspector reads them, the event's code beside for filtering.
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['Sự kiện', 'Mã sự kiện', 'Từ trạng thái', 'Đến trạng thái']),
    );
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      ...[1, expect.any(String), expect.any(String), expect.any(String), 'Nhiệm vụ'],
      ...[tasks[3], 4, 'Trả lại báo cáo', 'RETURN', 'Chờ nghiệm thu', 'Đang thực hiện'],
      ...[expect.any(String), expect.any(String)],
    ]);
    expect(sheet.getRow(2).getCell(12).value).toBe(
      '\'=HYPERLINK("http://x.invalid","Thiếu số liệu")',
    );
  });

  it('detects every kind of tampering, each named by both verify commands', async () => {
    const [edited, deleted, swapped, rewritten, reworded] = tasks;
    // A changed reason.
    await db.query(
      "UPDATE audit_events SET reason = 'Sửa lại cho đẹp' WHERE instance_id = ? AND seq = 2",
      [edited],
    );
    // A changed payload (the stored JSON text the verifier hashes as it is).
    await db.query(
      "UPDATE audit_events SET payload = JSON_REPLACE(payload, '$.report', 'Đã rà soát 21 thủ tục') " +
        'WHERE instance_id = ? AND seq = 3',
      [reworded],
    );
    // A deleted row.
    await db.query('DELETE FROM audit_events WHERE instance_id = ? AND seq = 2', [deleted]);
    // Two rows whose numbers were swapped.
    await db.query('UPDATE audit_events SET seq = 99 WHERE instance_id = ? AND seq = 2', [swapped]);
    await db.query('UPDATE audit_events SET seq = 2 WHERE instance_id = ? AND seq = 3', [swapped]);
    await db.query('UPDATE audit_events SET seq = 3 WHERE instance_id = ? AND seq = 99', [swapped]);
    // Checkpoints: one re-signed with another key, one with an edited root; the third stays.
    const [resigned, rerooted, kept] = await api.get(AuditCheckpoints).list([wardId]);
    expect(kept).toBeDefined();
    // A chain truncated at its signed head and re-appended with valid hashes: only the head tells.
    const seq = kept.heads.find((head) => head.instanceId === rewritten)!.seq;
    const [last] = (await db.query('SELECT * FROM audit_events WHERE instance_id = ? AND seq = ?', [
      rewritten,
      seq,
    ])) as Row[];
    await db.query('DELETE FROM audit_events WHERE instance_id = ? AND seq >= ?', [rewritten, seq]);
    const forged = {
      instanceType: String(last.instance_type),
      instanceId: rewritten,
      seq,
      eventType: 'SUBMIT_REPORT',
      fromState: last.from_state as string,
      toState: String(last.to_state),
      actorId: last.actor_id as string,
      actorRole: String(last.actor_role),
      reason: null,
      payload: { report: 'Báo cáo đã được viết lại' },
      occurredAt: last.occurred_at as Date,
    };
    const prevHash = String(last.prev_hash);
    await insert('audit_events', {
      instance_type: forged.instanceType,
      instance_id: rewritten,
      seq,
      event_type: forged.eventType,
      from_state: forged.fromState,
      to_state: forged.toState,
      actor_id: forged.actorId,
      actor_role: forged.actorRole,
      reason: null,
      payload: JSON.stringify(forged.payload),
      occurred_at: forged.occurredAt,
      ward_id: wardId,
      prev_hash: prevHash,
      hash: eventHash(forged, prevHash),
    });
    expect((await api.get(AuditVerification).verify({ wardId })).breaks).not.toContainEqual(
      expect.objectContaining({ instanceId: rewritten, checkpointId: null }),
    );
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    await db.query('UPDATE audit_checkpoints SET signature = ? WHERE id = ?', [
      signCheckpoint(resigned, otherKey),
      resigned.id,
    ]);
    await db.query('UPDATE audit_checkpoints SET root = ? WHERE id = ?', [
      '0'.repeat(64),
      rerooted.id,
    ]);

    const result = await verifyBoth();
    for (const report of [result.db, result.bundle]) {
      expect(report.ok).toBe(false);
      const breaks = report.breaks as Row[];
      const expected = [
        {
          checkpointId: resigned.id,
          instanceId: null,
          message: expect.stringMatching(/chữ ký không hợp lệ/),
        },
        {
          checkpointId: rerooted.id,
          instanceId: null,
          message: expect.stringMatching(/chữ ký không hợp lệ/),
        },
        { instanceId: edited, seq: 2, message: expect.stringMatching(/đã bị sửa/) },
        { instanceId: reworded, seq: 3, message: expect.stringMatching(/đã bị sửa/) },
        { instanceId: deleted, seq: 2, message: expect.stringMatching(/Thiếu sự kiện số 2/) },
        { instanceId: swapped, seq: 2, checkpointId: null },
        { instanceId: rewritten, seq, checkpointId: kept.id },
      ];
      for (const item of expected) expect(breaks).toContainEqual(expect.objectContaining(item));
      // The first break is the one the command names.
      expect(breaks[0]).toMatchObject({ checkpointId: resigned.id });
    }
    for (const stderr of [result.dbErr, result.bundleErr])
      expect(stderr).toMatch(
        /^Nhật ký đã bị thay đổi: Điểm kiểm tra ngày 2026-03-02 .*chữ ký không hợp lệ/,
      );
  });
});
