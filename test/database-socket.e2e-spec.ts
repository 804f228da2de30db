import { existsSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkServices, ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

/**
 * The server's Unix socket (Debian's MariaDB and MySQL packages put it here; E2E_MYSQL_SOCKET
 * names another). A server reached only over TCP (a container) has none: the test is skipped,
 * and says so in Jest's summary.
 */
const SOCKET = process.env.E2E_MYSQL_SOCKET ?? '/run/mysqld/mysqld.sock';
const withSocket = existsSync(SOCKET) ? it : it.skip;

/*
 * DATABASE_URL `?socket=`: the API's connections go through the server's Unix socket (the
 * server then sees them from `localhost` with no port), and the preflight names the socket.
 */
describe('a database reached through its Unix socket', () => {
  let api: INestApplication | undefined;

  afterAll(async () => {
    await api?.close();
  });

  withSocket('serves requests over the socket', async () => {
    const config = await freshEnvironment('database_socket');
    process.env.DATABASE_URL = `${config.databaseUrl}?socket=${encodeURIComponent(SOCKET)}`;
    api = await startApi(new ManualClock(new Date('2026-03-02T02:00:00Z')));
    const client = new ApiClient(api.getHttpServer());
    const tasks = await client.get('coordinator', '/tasks');
    expect(tasks.status).toBe(200);
    const [{ host }] = (await api
      .get(DataSource)
      .query(
        'SELECT HOST AS host FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()',
      )) as { host: string }[];
    expect(host).toBe('localhost');
  });

  it('names the socket when nothing answers there', async () => {
    const problems = await checkServices({
      databaseUrl: 'mysql://root@127.0.0.1:3306/cchc?socket=/nonexistent/mysqld.sock',
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      redisCluster: null,
    });
    expect(problems).toEqual([
      expect.stringMatching(/^MySQL does not answer at \/nonexistent\/mysqld\.sock \(/),
    ]);
  });
});
