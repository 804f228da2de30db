import { spawnSync } from 'node:child_process';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, databaseName, ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { serverOptions } from './support/e2e-resources';
import { freshEnvironment } from './support/e2e-env';
import { eventually, startApi, startWorker } from './support/test-app';

/**
 * The restore drill of docs/deployment.md, as an operator would run it: `mariadb-dump` of a live
 * ward, more work done after the dump (a dossier falls overdue, its apology slip is drafted, the
 * notifications go out), then the database dropped and restored from the dump and the processes
 * restarted while Redis keeps everything it had. The restored database is the truth: what
 * happened after the dump happens again, once, and nothing stays pending.
 */
describe('restore drill: dump, drop, restore, restart with Redis kept', () => {
  const clock = new ManualClock(new Date('2026-02-12T09:30:00+07:00'));
  let config: AppConfig;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let client: ApiClient;
  let dump: string;
  const dossierCode = 'H31-260212-0301';

  const connectionArgs = () => {
    const server = serverOptions();
    return [
      `--host=${server.host}`,
      `--port=${server.port}`,
      `--user=${server.user}`,
      ...(server.password ? [`--password=${server.password}`] : []),
    ];
  };
  const mariadb = (tool: 'mariadb' | 'mariadb-dump', args: string[], input?: string) => {
    const result = spawnSync(tool, [...connectionArgs(), ...args], {
      input,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
    return result.stdout;
  };
  const db = () => api.get(DataSource);
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await db().query(sql, params)) as { n: number }[])[0].n);
  const settled = () =>
    eventually(
      async () =>
        (await count('SELECT COUNT(*) AS n FROM outbox WHERE processed_at IS NULL')) === 0,
      20_000,
      'every outbox row to be processed',
    );
  const dossier = async () =>
    (await client.get('one_stop_officer', `/dossiers/${dossierCode}`)).body;
  const start = async () => {
    api = await startApi(clock);
    worker = await startWorker(clock);
    client = new ApiClient(api.getHttpServer());
  };
  const stop = async () => {
    await worker.close();
    await api.close();
  };

  beforeAll(async () => {
    config = await freshEnvironment('restore_drill');
    await start();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('a dossier received before the dump falls overdue after it, and gets its slip', async () => {
    const units = (await client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
    }[];
    expect(
      (
        await client.post('coordinator', '/procedures', {
          code: '1.000894',
          name: 'Đăng ký khai sinh',
          processingDays: 5,
          handlingUnitId: units.find((unit) => unit.code === 'VHXH')?.id,
        })
      ).status,
    ).toBe(201);
    const received = await client.post('one_stop_officer', '/dossiers', {
      code: dossierCode,
      procedureCode: '1.000894',
      applicant: {
        name: 'Trần Thị Mai',
        address: 'Số 5 ngõ Huế, Phường Mẫu',
        phone: '0903 111 222',
      },
      receivedAt: '2026-02-12T09:30:00+07:00',
    });
    expect(received.status).toBe(201);
    await settled();

    dump = mariadb('mariadb-dump', [
      '--single-transaction',
      '--skip-lock-tables',
      databaseName(config.databaseUrl),
    ]);
    expect(dump).toContain('CREATE TABLE `tthc_dossiers`');

    clock.set('2026-03-02T09:00:00+07:00');
    await eventually(
      async () => (await dossier()).apologies?.[0]?.status === 'draft',
      20_000,
      'the apology slip drafted after the dump',
    );
    await settled();
  });

  it('after the restore, the same happens again exactly once and nothing is left pending', async () => {
    await stop();
    const name = databaseName(config.databaseUrl);
    mariadb('mariadb', [
      '-e',
      `DROP DATABASE \`${name}\`; CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ]);
    mariadb('mariadb', [name], dump);
    // Redis still holds the jobs of the work done after the dump, under the same ids.
    await start();

    expect(await count('SELECT COUNT(*) AS n FROM apology_slips')).toBe(0);
    const restored = await eventually(
      async () => {
        const current = await dossier();
        return current.apologies?.[0]?.status === 'draft' ? current : null;
      },
      20_000,
      'the apology slip drafted again in the restored database',
    );
    await settled();
    expect(restored.apologies).toHaveLength(1);
    expect(
      (restored.history as { event: string }[]).filter(
        (entry) => entry.event === 'APPOINTMENT_MISSED',
      ),
    ).toHaveLength(1);
    expect(await count('SELECT COUNT(*) AS n FROM apology_slips')).toBe(1);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notifications WHERE topic = 'dossier.apology.drafted'",
      ),
    ).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM timers WHERE fire_at <= ?', [clock.now()])).toBe(
      0,
    );
    expect(await count('SELECT COUNT(*) AS n FROM outbox WHERE dead_at IS NOT NULL')).toBe(0);
  });
});
