import { Connection, createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { AppConfig, ManualClock, mysqlConnectionOptions } from '@cchc/common';
import { dataSourceOptions, LAG_CHECK_MS, ReadDatabase } from '@cchc/database';
import { prepareRuntime } from '@cchc/runtime';
import { ApiClient } from './support/api-client';
import { ApiProcess, freePort } from './support/api-process';
import { e2eConfig } from './support/e2e-env';
import { PrivateMariaDb } from './support/private-mariadb';
import { eventually } from './support/test-app';

const DATABASE = 'cchc_replica';
/** Every statement a server runs goes to mysql.general_log, so a test can see who ran what. */
const GENERAL_LOG = ['--general-log=1', '--log-output=TABLE'];
/** The list's own query (TaskService.list); GET /tasks/:id reads `reform_tasks` under another alias. */
const TASK_LIST_SQL = '%FROM `reform_tasks` `task`%';

/** A connection of the test's own to one server, and what the API (any other client) ran there. */
class Server {
  private constructor(
    private readonly connection: Connection,
    private readonly ownThread: number,
  ) {}

  static async open(url: string): Promise<Server> {
    const connection = await createConnection(mysqlConnectionOptions(url));
    const [[row]] = (await connection.query('SELECT CONNECTION_ID() AS id')) as unknown as [
      { id: number }[],
    ];
    return new Server(connection, row.id);
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T> {
    return this.connection.query(sql, params).then(([rows]) => rows as T);
  }

  /** Forgets what was logged so far. */
  async clearLog(): Promise<void> {
    await this.query('TRUNCATE TABLE mysql.general_log');
  }

  /** Statements the API sent (not this test, not the replication threads) matching `pattern`. */
  async apiStatements(pattern: string): Promise<string[]> {
    const rows = await this.query<{ argument: Buffer | string }[]>(
      `SELECT argument FROM mysql.general_log
       WHERE command_type = 'Query' AND thread_id <> ? AND user_host LIKE 'root%'
         AND argument LIKE ?`,
      [this.ownThread, pattern],
    );
    return rows.map((row) => String(row.argument));
  }

  async close(): Promise<void> {
    await this.connection.end();
  }
}

const available = PrivateMariaDb.available();
const describeWithMariaDb = available ? describe : describe.skip;

describeWithMariaDb(
  `heavy reads on a MariaDB read replica${available ? '' : ' (skipped: mariadbd or mariadb-install-db is not installed)'}`,
  () => {
    let primary: PrivateMariaDb;
    let replica: PrivateMariaDb;
    let onPrimary: Server;
    let onReplica: Server;
    let api: ApiProcess;
    let client: ApiClient;
    let config: AppConfig;
    /** Every 5xx answer, with what the API printed then. */
    const failures: string[] = [];

    /** Waits until the replica has applied everything the primary has logged so far. */
    const caughtUp = async () => {
      const [status] =
        await onPrimary.query<{ File: string; Position: number }[]>('SHOW MASTER STATUS');
      const [row] = await onReplica.query<{ done: number | null }[]>(
        'SELECT MASTER_POS_WAIT(?, ?, 30) AS done',
        [status.File, status.Position],
      );
      expect(row.done).not.toBeNull();
      expect(row.done).toBeGreaterThanOrEqual(0);
    };

    const send = async (
      method: 'get' | 'post' | 'patch',
      user: string,
      path: string,
      body?: object,
    ) => {
      const response =
        method === 'get' ? await client.get(user, path) : await client[method](user, path, body);
      if (response.status >= 500)
        failures.push(`${method} ${path}: ${response.status}\n${api.recentOutput(2000)}`);
      return response;
    };

    beforeAll(async () => {
      const [primaryPort, replicaPort, apiPort] = [
        await freePort(),
        await freePort(),
        await freePort(),
      ];
      primary = new PrivateMariaDb(primaryPort, DATABASE, [
        '--log-bin=primary-bin',
        '--server-id=1',
        '--binlog-format=ROW',
        ...GENERAL_LOG,
      ]);
      replica = new PrivateMariaDb(replicaPort, DATABASE, [
        '--skip-log-bin',
        '--server-id=2',
        '--read-only=1',
        ...GENERAL_LOG,
      ]);
      primary.install();
      replica.installFrom(primary);
      await Promise.all([primary.start(), replica.start()]);
      onPrimary = await Server.open(primary.url.replace(`/${DATABASE}`, '/mysql'));
      onReplica = await Server.open(replica.url.replace(`/${DATABASE}`, '/mysql'));
      // Replicate from the primary's first binary log position: both start from the same files.
      const [status] =
        await onPrimary.query<{ File: string; Position: number }[]>('SHOW MASTER STATUS');
      await onReplica.query(
        `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ?, MASTER_USER = 'root',
           MASTER_PASSWORD = '', MASTER_LOG_FILE = ?, MASTER_LOG_POS = ?, MASTER_USE_GTID = no`,
        [primaryPort, status.File, status.Position],
      );
      await onReplica.query('START SLAVE');

      config = {
        ...e2eConfig('read_replica'),
        databaseUrl: primary.url,
        databaseReadUrl: replica.url,
        // The API reads a lagging replica as it is, to show what lags and what does not; the
        // lag check is shown on its own below.
        databaseReadMaxLagSeconds: null,
      };
      await prepareRuntime(config, { seedDemo: true });
      await caughtUp();
      api = new ApiProcess(config, apiPort);
      await api.start();
      client = new ApiClient(api.url);
      for (const user of ['coordinator', 'officer', 'admin', 'inspector', 'chairman'])
        await client.login(user);
    }, 120_000);

    afterAll(async () => {
      await api?.kill();
      await onPrimary?.close();
      await onReplica?.close().catch(() => undefined);
      await Promise.all([primary?.remove(), replica?.remove()]);
    });

    let taskId: string;

    it('reads lists, statistics, the audit list and the ranking from the replica', async () => {
      await Promise.all([onPrimary.clearLog(), onReplica.clearLog()]);
      const heavy: [string, string][] = [
        ['coordinator', '/tasks'],
        ['coordinator', '/tasks/export.xlsx'],
        ['coordinator', '/dossiers'],
        ['coordinator', '/notifications'],
        ['coordinator', '/notifications/summary'],
        ['coordinator', '/stats/tasks'],
        ['coordinator', '/stats/dossiers'],
        ['chairman', '/audit'],
        ['province_officer', '/province/rankings?year=2026'],
      ];
      for (const [user, path] of heavy) {
        const before = (await onReplica.apiStatements('SELECT%')).length;
        const { status } = await send('get', user, path);
        const readOnReplica = (await onReplica.apiStatements('SELECT%')).length > before;
        expect({ path, status, readOnReplica }).toEqual({ path, status: 200, readOnReplica: true });
      }
      expect(await onReplica.apiStatements(TASK_LIST_SQL)).not.toEqual([]);
      expect(await onPrimary.apiStatements(TASK_LIST_SQL)).toEqual([]);
      expect(await onPrimary.apiStatements('%FROM `tthc_dossiers` `dossier`%')).toEqual([]);
      // Who the caller is, and what they may do, is read from the primary.
      expect(await onPrimary.apiStatements('%FROM `users`%')).not.toEqual([]);
    });

    it('writes, and reads a task back, on the primary only', async () => {
      const units = (await send('get', 'coordinator', '/org-units')).body as {
        id: string;
        code: string;
      }[];
      const users = (await send('get', 'coordinator', '/users')).body as {
        id: string;
        username: string;
      }[];
      await Promise.all([onPrimary.clearLog(), onReplica.clearLog()]);
      const created = await send('post', 'coordinator', '/tasks', {
        title: 'Rà soát quy trình nội bộ giải quyết thủ tục hành chính',
        leadUnitId: units.find((unit) => unit.code === 'VHXH')?.id,
        leaderId: users.find((user) => user.username === 'leader')?.id,
        dueDate: '2099-12-31',
      });
      expect(created.status).toBe(201);
      taskId = created.body.id as string;
      expect((await send('get', 'officer', `/tasks/${taskId}`)).body.state).toBe('assigned');
      expect(await onPrimary.apiStatements('%INSERT INTO reform_tasks %')).not.toEqual([]);
      expect(await onReplica.apiStatements('%INSERT%')).toEqual([]);
      expect(await onReplica.apiStatements('%UPDATE%')).toEqual([]);
      expect(await onReplica.apiStatements('%reform_tasks%')).toEqual([]);
      await caughtUp();
      const listed = (await send('get', 'coordinator', '/tasks?pageSize=100')).body.items as {
        id: string;
      }[];
      expect(listed.map((task) => task.id)).toContain(taskId);
    });

    it('stays correct while the replica lags: transitions and authorisation from the primary, lists catch up', async () => {
      await onReplica.query('STOP SLAVE SQL_THREAD');

      const { version } = (await send('get', 'officer', `/tasks/${taskId}`)).body as {
        version: number;
      };
      const started = await send('post', 'officer', `/tasks/${taskId}/events`, {
        type: 'START',
        version,
      });
      expect(started.status).toBe(200);
      expect(started.body.state).toBe('inProgress');
      // The officer's own next read and next event see their write at once.
      const read = await send('get', 'officer', `/tasks/${taskId}`);
      expect({ state: read.body.state, version: read.body.version }).toEqual({
        state: 'inProgress',
        version: version + 1,
      });
      const reported = await send('post', 'officer', `/tasks/${taskId}/events`, {
        type: 'SUBMIT_REPORT',
        report: 'Đã rà soát xong quy trình nội bộ',
        version: version + 1,
      });
      expect(reported.status).toBe(200);
      expect(reported.body.state).toBe('reported');

      // A role given on the primary counts at once, though the replica has not seen it.
      const inspectorId = (
        (await send('get', 'coordinator', '/users')).body as { id: string; username: string }[]
      ).find((user) => user.username === 'inspector')?.id as string;
      const task = { title: 'Kiểm tra việc niêm yết thủ tục', leadUnitId: started.body.leadUnitId };
      expect((await send('post', 'inspector', '/tasks', task)).status).toBe(403);
      expect(
        (await send('patch', 'admin', `/users/${inspectorId}`, { role: 'coordinator' })).status,
      ).toBe(200);
      expect((await send('post', 'inspector', '/tasks', task)).status).toBe(201);
      expect(
        (await send('patch', 'admin', `/users/${inspectorId}`, { role: 'inspector' })).status,
      ).toBe(200);
      expect((await send('post', 'inspector', '/tasks', task)).status).toBe(403);
      const [replicaRole] = await onReplica.query<{ role: string }[]>(
        `SELECT role FROM ${DATABASE}.users WHERE username = 'inspector'`,
      );
      expect(replicaRole.role).toBe('inspector');

      // The list may lag: it still shows the task as it was before replication stopped.
      const stateInList = async () =>
        (
          (await send('get', 'coordinator', '/tasks?pageSize=100')).body.items as {
            id: string;
            state: string;
          }[]
        ).find((item) => item.id === taskId)?.state;
      expect(await stateInList()).toBe('assigned');

      await onReplica.query('START SLAVE SQL_THREAD');
      await eventually(
        async () => (await stateInList()) === 'reported',
        30_000,
        'the list to catch up',
      );
    });

    it('reads the primary while the replica is not replicating, with DATABASE_READ_MAX_LAG', async () => {
      const dataSource = await new DataSource(
        dataSourceOptions(primary.url, replica.url),
      ).initialize();
      const clock = new ManualClock(new Date('2026-11-29T05:00:00Z'));
      const checked = new ReadDatabase(
        dataSource,
        { ...config, databaseReadMaxLagSeconds: 30 },
        clock,
      );
      const unchecked = new ReadDatabase(dataSource, config, clock);
      const probe = `SELECT /* lag probe */ full_name FROM users WHERE username = 'chairman'`;
      const name = (reads: ReadDatabase) =>
        reads.run(
          async (manager) => ((await manager.query(probe)) as { full_name: string }[])[0].full_name,
        );
      try {
        await onReplica.clearLog();
        const before = await name(checked);
        expect(await onReplica.apiStatements('%lag probe%')).toHaveLength(1);

        await onReplica.query('STOP SLAVE SQL_THREAD');
        await onPrimary.query(
          `UPDATE ${DATABASE}.users SET full_name = 'Chủ tịch (đã đổi)' WHERE username = 'chairman'`,
        );
        clock.advance(LAG_CHECK_MS);
        expect(await name(unchecked)).toBe(before);
        expect(await name(checked)).toBe('Chủ tịch (đã đổi)');

        await onReplica.query('START SLAVE SQL_THREAD');
        await caughtUp();
        clock.advance(LAG_CHECK_MS);
        await onReplica.clearLog();
        expect(await name(checked)).toBe('Chủ tịch (đã đổi)');
        expect(await onReplica.apiStatements('%lag probe%')).toHaveLength(1);
      } finally {
        await dataSource.destroy();
      }
    });

    it('reads the primary while the replica is down', async () => {
      await replica.kill();
      const page = await send('get', 'coordinator', '/tasks?pageSize=100');
      expect(page.status).toBe(200);
      expect(page.body.items.find((item: { id: string }) => item.id === taskId)?.state).toBe(
        'reported',
      );
      expect((await send('get', 'coordinator', '/stats/tasks')).status).toBe(200);
    });

    it('answered no request with a 5xx', () => {
      expect(failures).toEqual([]);
    });
  },
);
