import { createConnection } from 'mysql2/promise';
import { AppConfig, databaseName, mysqlConnectionOptions } from '@cchc/common';
import { prepareRuntime } from '@cchc/runtime';
import { ApiClient } from './support/api-client';
import { ApiProcess, freePort } from './support/api-process';
import { freshEnvironment } from './support/e2e-env';
import { eventually } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

/**
 * Issue #10 item 13: the database is dropped and created again while Redis keeps the completed
 * jobs of the first one. The new rows reuse the old row ids; their jobs must run all the same.
 */
describe('the outbox of a database recreated under a live Redis', () => {
  let config: AppConfig;
  let api: ApiProcess;
  let worker: WorkerProcess;

  beforeAll(async () => {
    config = await freshEnvironment('outbox_recreated');
    api = new ApiProcess(config, await freePort());
    worker = new WorkerProcess(config);
  });

  afterAll(async () => {
    await worker?.kill();
    await api?.kill();
  });

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const connection = await createConnection(mysqlConnectionOptions(config.databaseUrl, true));
    try {
      return (await connection.query(sql, params))[0] as T[];
    } finally {
      await connection.end();
    }
  };

  const pendingOutboxRows = async () =>
    Number(
      (
        await query<{ pending: number }>(
          'SELECT COUNT(*) AS pending FROM outbox WHERE processed_at IS NULL',
        )
      )[0].pending,
    );

  const createTask = async (client: ApiClient, dueDate: string): Promise<string> => {
    const units = (await client.get('coordinator', '/org-units')).body as {
      id: string;
      code: string;
    }[];
    const users = (await client.get('coordinator', '/users')).body as {
      id: string;
      username: string;
    }[];
    const created = await client.post('coordinator', '/tasks', {
      title: 'Rà soát, công khai thủ tục hành chính trên Cổng dịch vụ công',
      leadUnitId: units.find((unit) => unit.code === 'VHXH')?.id,
      leaderId: users.find((user) => user.username === 'leader')?.id,
      dueDate,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  it('runs the new rows’ jobs: a task created past due goes overdue and escalates', async () => {
    await api.start();
    await worker.start();
    await createTask(new ApiClient(api.url), '2099-12-31');
    await eventually(async () => (await pendingOutboxRows()) === 0, 30_000, 'the first jobs');
    const [{ epoch: firstEpoch }] = await query<{ epoch: string }>(
      'SELECT epoch FROM outbox_epoch',
    );
    await api.kill();
    await worker.kill();

    const connection = await createConnection(mysqlConnectionOptions(config.databaseUrl));
    await connection.query(`DROP DATABASE \`${databaseName(config.databaseUrl)}\``);
    await connection.end();
    await prepareRuntime(config, { seedDemo: true });
    const [{ epoch }] = await query<{ epoch: string }>('SELECT epoch FROM outbox_epoch');
    expect(epoch).not.toBe(firstEpoch);

    await api.start();
    await worker.start();
    const client = new ApiClient(api.url);
    const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const id = await createTask(client, monthAgo);
    await eventually(
      async () => (await client.get('leader', `/tasks/${id}`)).body.state === 'overdue',
      30_000,
      'the task to go overdue',
    );
    await eventually(
      async () =>
        ((await client.get('leader', '/escalations')).body as { taskId: string; kind: string }[])
          .filter((escalation) => escalation.taskId === id)
          .some((escalation) => escalation.kind === 'escalate'),
      30_000,
      'the escalation',
    );
    await eventually(async () => (await pendingOutboxRows()) === 0, 30_000, 'no pending rows');
  }, 240_000);
});
