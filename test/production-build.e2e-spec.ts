import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { freePort } from './support/api-process';
import {
  E2E_REDIS_URL,
  e2eDatabasePrefix,
  e2eRedisPrefix,
  e2eRunId,
  serverOptions,
  SERVER_URL,
} from './support/e2e-resources';
import { killHard } from './support/kill-hard';

const ROOT = join(__dirname, '..');

/**
 * What the Docker image does, without a Docker engine: the same build command
 * (`npm run build:server`, which the image's `npm run build` runs), the migration step as the
 * schema owner, then the compiled API and worker (no transpiler) in production mode as a
 * database user that may only read and write rows.
 */
describe('production build (compiled output, least-privilege database user)', () => {
  const database = `${e2eDatabasePrefix()}production_build`;
  const appUser = `cchc_app_${e2eRunId()}`.slice(0, 80);
  const appPassword = randomBytes(12).toString('hex');
  const appUrl = `mysql://${appUser}:${appPassword}@127.0.0.1:${serverOptions().port}/${database}`;
  const ownerUrl = `${SERVER_URL}/${database}`;
  const children: ChildProcess[] = [];

  const productionEnv = (databaseUrl: string, extra: NodeJS.ProcessEnv = {}) => ({
    ...process.env,
    NODE_ENV: 'production',
    MIGRATE_ON_START: 'false',
    DATABASE_URL: databaseUrl,
    REDIS_URL: E2E_REDIS_URL,
    REDIS_PREFIX: e2eRedisPrefix(),
    JWT_SECRET: randomBytes(32).toString('base64'),
    // Production refuses to start without the key that signs audit checkpoints.
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64'),
    LOG_LEVEL: 'warn',
    DEMO_SEED: '',
    ALLOW_DEV_SECRET: '',
    WEBHOOK_ALLOW_PRIVATE: '',
    ...extra,
  });

  const compiled = (app: string) => join(ROOT, 'dist', 'apps', app, 'src', 'main.js');

  const runCompiledCli = (args: string[], databaseUrl: string) =>
    spawnSync(process.execPath, [compiled('cli'), ...args], {
      cwd: ROOT,
      env: productionEnv(databaseUrl),
      encoding: 'utf8',
      timeout: 120_000,
    });

  const rootQuery = async (sql: string, params: unknown[] = []) => {
    const connection = await createConnection(serverOptions());
    try {
      return (await connection.query(sql, params))[0];
    } finally {
      await connection.end();
    }
  };

  /** Starts a compiled app; resolves with its output once `ready` says so, or when it exits. */
  const startCompiled = (app: string, env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, [compiled(app)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { child, exited, output: () => output };
  };

  const waitForHealth = async (
    url: string,
    app: { exited: Promise<number | null>; output: () => string },
  ) => {
    let exitCode: number | null | undefined;
    void app.exited.then((code) => (exitCode = code));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`exited with ${exitCode}:\n${app.output()}`);
      try {
        if ((await fetch(`${url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no answer on ${url} within 90 s:\n${app.output()}`);
  };

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', '-s', 'build:server'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (build.status !== 0)
      throw new Error(`npm run build:server failed:\n${build.stdout}${build.stderr}`);
    await rootQuery(`DROP DATABASE IF EXISTS \`${database}\``);
    await rootQuery(
      `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await rootQuery(`DROP USER IF EXISTS ?@'%'`, [appUser]);
    await rootQuery(`CREATE USER ?@'%' IDENTIFIED BY ?`, [appUser, appPassword]);
    await rootQuery(`GRANT SELECT, INSERT, UPDATE, DELETE ON \`${database}\`.* TO ?@'%'`, [
      appUser,
    ]);
  }, 360_000);

  afterAll(async () => {
    await Promise.all(children.map((child) => killHard(child)));
    await rootQuery(`DROP USER IF EXISTS ?@'%'`, [appUser]);
  });

  it('refuses to start on a database whose schema is older than the build, in one line', async () => {
    const api = startCompiled('api', productionEnv(appUrl, { PORT: String(await freePort()) }));
    expect(await api.exited).toBe(1);
    expect(api.output().trim()).toBe(
      'the database schema is older than this build: run the migration step first ' +
        '(`npm run -s cli:prod -- db migrate`, or MIGRATE_ON_START=true)',
    );
  });

  it('migrates as the schema owner with the compiled CLI, once', () => {
    const first = runCompiledCli(['db', 'migrate'], ownerUrl);
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' });
    expect(first.stdout).toMatch(/^migrated /m);
    const again = runCompiledCli(['db', 'migrate'], ownerUrl);
    expect(again.stdout.trim()).toBe('database is up to date');
  });

  it('serves the API and the console and runs the worker as a user without DDL rights', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const api = startCompiled('api', productionEnv(appUrl, { PORT: String(port) }));
    const worker = startCompiled('worker', productionEnv(appUrl));
    await waitForHealth(url, api);

    // No demo data and no way in without a real account.
    const [{ users }] = (await rootQuery(
      `SELECT COUNT(*) AS users FROM \`${database}\`.users`,
    )) as { users: number }[];
    expect(Number(users)).toBe(0);
    const login = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'demo' }),
    });
    expect(login.status).toBe(401);
    // The refused login was written (an INSERT as the application user).
    const [{ refused }] = (await rootQuery(
      `SELECT COUNT(*) AS refused FROM \`${database}\`.audit_events WHERE event_type = 'LOGIN_FAILED'`,
    )) as { refused: number }[];
    expect(Number(refused)).toBe(1);

    expect(existsSync(join(ROOT, 'apps', 'console', 'dist', 'index.html'))).toBe(true);
    const page = await fetch(`${url}/viec-can-lam`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${url}/docs`)).status).toBe(404);

    expect(worker.child.exitCode).toBeNull();
  });
});
