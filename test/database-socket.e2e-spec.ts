import { existsSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { checkServices, ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { serverOptions } from './support/e2e-resources';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

/** Where the server under test listens on its Unix socket; none when it has none here. */
async function serverSocket(): Promise<string | null> {
  const connection = await createConnection(serverOptions());
  try {
    const [rows] = await connection.query('SELECT @@socket AS socket');
    const socket = (rows as { socket: string | null }[])[0]?.socket;
    return socket && existsSync(socket) ? socket : null;
  } finally {
    await connection.end();
  }
}

/*
 * DATABASE_URL `?socket=`: the API's connections go through the server's Unix socket (the
 * server then sees them from `localhost` with no port), and the preflight names the socket.
 */
describe('a database reached through its Unix socket', () => {
  let socket: string | null;
  let api: INestApplication | undefined;

  beforeAll(async () => {
    socket = await serverSocket();
    if (!socket) return;
    const config = await freshEnvironment('database_socket');
    process.env.DATABASE_URL = `${config.databaseUrl}?socket=${encodeURIComponent(socket)}`;
    api = await startApi(new ManualClock(new Date('2026-03-02T02:00:00Z')));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('serves requests over the socket', async () => {
    if (!socket || !api) {
      console.warn('database-socket: the MySQL server here has no Unix socket; skipped');
      return;
    }
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
