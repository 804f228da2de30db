import { createConnection } from 'mysql2/promise';
import { AppConfig, mysqlConnectionOptions } from '@cchc/common';
import { prepareRuntime } from '@cchc/runtime';
import { ApiClient } from './support/api-client';
import { ApiProcess, freePort } from './support/api-process';
import { e2eConfig } from './support/e2e-env';
import { PrivateMariaDb } from './support/private-mariadb';
import { eventually } from './support/test-app';

const describeWithMariaDb = PrivateMariaDb.available() ? describe : describe.skip;

describeWithMariaDb('the API while MariaDB is killed under load and started again', () => {
  let mariadb: PrivateMariaDb;
  let api: ApiProcess;
  let config: AppConfig;

  beforeAll(async () => {
    mariadb = new PrivateMariaDb(await freePort(), 'cchc_restart');
    mariadb.install();
    await mariadb.start();
    config = { ...e2eConfig('mariadb_restart'), databaseUrl: mariadb.url };
    await prepareRuntime(config, { seedDemo: true });
    api = new ApiProcess(config, await freePort());
    await api.start();
  }, 120_000);

  afterAll(async () => {
    await api?.kill();
    await mariadb?.remove();
  });

  it('answers 503 while it is down, recovers after, and leaves no half-written transition', async () => {
    const client = new ApiClient(api.url);
    // Signed in before the database goes away.
    for (const username of ['coordinator', 'officer']) await client.login(username);
    const units = (await client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
    }[];
    const users = (await client.get('coordinator', '/users')).body as {
      id: string;
      username: string;
    }[];
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const created = await client.post('coordinator', '/tasks', {
        title: `Rà soát thủ tục hành chính số ${i + 1}`,
        leadUnitId: units.find((unit) => unit.code === 'VHXH')?.id,
        leaderId: users.find((user) => user.username === 'leader')?.id,
        dueDate: '2099-12-31',
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id as string);
    }

    const statuses: number[] = [];
    let stop = false;
    // Eight clients each moving tasks forward (START, then SUBMIT_REPORT) until told to stop.
    const load = Array.from({ length: 8 }, async (_, worker) => {
      for (let round = 0; !stop; round++) {
        const id = ids[(worker + round * 8) % ids.length];
        const task = await client.get('officer', `/tasks/${id}`);
        statuses.push(task.status);
        if (task.status !== 200 || task.body.state === 'reported') continue;
        const event =
          task.body.state === 'assigned'
            ? { type: 'START' }
            : { type: 'SUBMIT_REPORT', report: 'Đã rà soát xong' };
        const sent = await client.post('officer', `/tasks/${id}/events`, {
          ...event,
          version: task.body.version,
        });
        statuses.push(sent.status);
      }
    });

    await eventually(async () => statuses.filter((s) => s === 200).length >= 20, 30_000, 'load');
    await mariadb.kill();
    await eventually(async () => statuses.includes(503), 30_000, 'a 503 while MariaDB is down');
    const whileDown = statuses.length;
    await mariadb.start();
    await eventually(
      async () => statuses.slice(whileDown).includes(200),
      60_000,
      'requests to succeed again',
    );
    stop = true;
    await Promise.all(load);

    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    const connection = await createConnection(mysqlConnectionOptions(mariadb.url, true));
    try {
      const [rows] = await connection.query(
        `SELECT t.id, t.version, t.state, COUNT(a.id) AS audits, MAX(a.seq) AS last_seq,
           (SELECT to_state FROM audit_events WHERE instance_id = t.id ORDER BY seq DESC LIMIT 1) AS last_state
         FROM reform_tasks t LEFT JOIN audit_events a ON a.instance_id = t.id
         WHERE t.id IN (?) GROUP BY t.id`,
        [ids],
      );
      for (const row of rows as {
        version: number;
        state: string;
        audits: number;
        last_seq: number;
        last_state: string;
      }[]) {
        expect({
          audits: Number(row.audits),
          lastSeq: row.last_seq,
          state: row.last_state,
        }).toEqual({
          audits: row.version,
          lastSeq: row.version,
          state: row.state,
        });
      }
    } finally {
      await connection.end();
    }
  }, 240_000);
});
