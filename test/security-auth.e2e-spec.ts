import { INestApplication } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createConnection } from 'mysql2/promise';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { ApiProcess, freePort } from './support/api-process';
import { demoWardIds } from './support/demo-ward-ids';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

const WRONG_CREDENTIALS = 'Sai tên đăng nhập hoặc mật khẩu';
/** The secret the source printed before: it must open nothing outside development. */
const OLD_DEV_SECRET = 'cchc-dev-secret-change-me';

/** Settings this suite changes for its own API, restored afterwards (jest may run in band). */
const SUITE_ENV = { LOGIN_LIMIT_PER_USER: '3', WEBHOOK_ALLOW_PRIVATE: 'false' };

describe('security: sign-in, tokens, headers, webhook targets, personal data (MariaDB + Redis)', () => {
  let config: AppConfig;
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;
  let users: Record<string, string>;
  let units: Record<string, string>;
  const saved: Record<string, string | undefined> = {};

  const login = (username: string, password: string) =>
    request(api.getHttpServer()).post('/auth/login').send({ username, password });
  const asBearer = (token: string, path: string) =>
    request(api.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    config = await freshEnvironment('security_auth');
    for (const [name, value] of Object.entries(SUITE_ENV)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    api = await startApi();
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    ({ users, units } = await demoWardIds(client));
  });

  afterAll(async () => {
    await api?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  describe('login', () => {
    it('answers an unknown user and a wrong password alike, and audits both and the success', async () => {
      const unknown = await login('khong-ton-tai', 'demo');
      const wrong = await login('leader', 'sai-mat-khau');
      for (const response of [unknown, wrong]) {
        expect(response.status).toBe(401);
        expect(response.body.message).toBe(WRONG_CREDENTIALS);
      }
      expect((await login('leader', 'demo')).status).toBe(200);
      const audit = (await db.query(
        "SELECT event_type, actor_id, JSON_UNQUOTE(JSON_EXTRACT(payload, '$.username')) AS username " +
          "FROM audit_events WHERE instance_type = 'user' AND event_type LIKE 'LOGIN%' " +
          "AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.username')) IN ('khong-ton-tai', 'leader') ORDER BY id",
      )) as { event_type: string; actor_id: string | null; username: string }[];
      expect(audit).toEqual([
        { event_type: 'LOGIN_FAILED', actor_id: null, username: 'khong-ton-tai' },
        { event_type: 'LOGIN_FAILED', actor_id: null, username: 'leader' },
        { event_type: 'LOGIN', actor_id: users.leader, username: 'leader' },
      ]);
    });

    it('answers a locked account as a wrong password', async () => {
      await db.query("UPDATE users SET active = 0 WHERE username = 'inspector'");
      const response = await login('inspector', 'demo');
      await db.query("UPDATE users SET active = 1 WHERE username = 'inspector'");
      expect(response.status).toBe(401);
      expect(response.body.message).toBe(WRONG_CREDENTIALS);
    });

    it('throttles one user name with 429 and a Vietnamese message, other names still pass', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        statuses.push((await login('doan-mat-khau', `thu-${attempt}`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const throttled = await login('doan-mat-khau', 'thu-nua');
      expect(throttled.status).toBe(429);
      expect(throttled.body.message).toMatch(/^Đăng nhập quá nhiều lần; hãy thử lại sau \d+ giây$/);
      expect((await login('DOAN-MAT-KHAU ', 'x')).status).toBe(429);
      expect((await login('chairman', 'demo')).status).toBe(200);
    });

    it('throttles guessing the current password through a password change, per account', async () => {
      const change = async (username: string, currentPassword: string) =>
        request(api.getHttpServer())
          .post('/auth/password')
          .set('Authorization', `Bearer ${await client.login(username)}`)
          .send({ currentPassword, newPassword: 'Mat-khau-moi-2026' });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        statuses.push((await change('officer', `doan-${attempt}`)).status);
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
      const throttled = await change('officer', 'demo');
      expect(throttled.status).toBe(429);
      expect(throttled.body.message).toMatch(
        /^Đổi mật khẩu quá nhiều lần; hãy thử lại sau \d+ giây$/,
      );
      // Another account's change is counted on its own.
      expect((await change('one_stop_officer', 'sai')).status).toBe(400);
    });
  });

  describe('tokens', () => {
    it('refuses a token signed with the old built-in secret, whatever it claims', async () => {
      const claims = { sub: users.chairman, auth_time: Math.floor(Date.now() / 1000) };
      const forged = sign(claims, OLD_DEV_SECRET, {
        algorithm: 'HS256',
        issuer: 'cchc-api',
        audience: 'cchc',
      });
      const legacy = sign(
        { sub: users.chairman, username: 'chairman', role: 'chairman', wardId: 'x' },
        OLD_DEV_SECRET,
      );
      for (const token of [forged, legacy]) {
        const response = await request(api.getHttpServer())
          .post('/tasks')
          .set('Authorization', `Bearer ${token}`)
          .send({ title: 'Nhiệm vụ giả mạo', leadUnitId: units.VP });
        expect(response.status).toBe(401);
      }
      expect(Number((await db.query('SELECT COUNT(*) AS n FROM reform_tasks'))[0].n)).toBe(0);
    });

    it('takes only HS256 tokens of this issuer and audience', async () => {
      const claims = { sub: users.chairman, auth_time: Math.floor(Date.now() / 1000) };
      const secret = config.jwtSecret as string;
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'cchc-api', aud: 'cchc' })).toString('base64url')}.`;
      const tokens = [
        unsigned,
        sign(claims, secret, { algorithm: 'HS512', issuer: 'cchc-api', audience: 'cchc' }),
        sign(claims, secret, { algorithm: 'HS256', issuer: 'another-app', audience: 'cchc' }),
        sign(claims, secret, { algorithm: 'HS256', issuer: 'cchc-api', audience: 'other' }),
      ];
      for (const token of tokens) expect((await asBearer(token, '/auth/me')).status).toBe(401);
      const good = sign(claims, secret, {
        algorithm: 'HS256',
        issuer: 'cchc-api',
        audience: 'cchc',
      });
      expect((await asBearer(good, '/auth/me')).status).toBe(200);
    });

    it('takes a locked account and a changed role from the database at once', async () => {
      const officer = await client.login('officer');
      expect((await asBearer(officer, '/tasks')).status).toBe(200);
      await db.query("UPDATE users SET active = 0 WHERE username = 'officer'");
      const locked = await asBearer(officer, '/tasks');
      await db.query("UPDATE users SET active = 1 WHERE username = 'officer'");
      expect(locked.status).toBe(401);

      const coordinator = await client.login('coordinator');
      expect((await asBearer(coordinator, '/users')).status).toBe(200);
      await db.query("UPDATE users SET role = 'officer' WHERE username = 'coordinator'");
      const demoted = await asBearer(coordinator, '/users');
      await db.query("UPDATE users SET role = 'coordinator' WHERE username = 'coordinator'");
      expect(demoted.status).toBe(403);
    });

    it('lives an hour and is renewed within the session, not beyond 12 hours after the password', async () => {
      const response = await login('unit_head', 'demo');
      expect(response.body.expiresIn).toBe(3600);
      const renewed = await request(api.getHttpServer())
        .post('/auth/refresh')
        .set('Authorization', `Bearer ${response.body.accessToken}`);
      expect(renewed.status).toBe(200);
      expect((await asBearer(renewed.body.accessToken, '/auth/me')).body.username).toBe(
        'unit_head',
      );
      const stale = sign(
        { sub: users.unit_head, auth_time: Math.floor(Date.now() / 1000) - 13 * 3600 },
        config.jwtSecret as string,
        { algorithm: 'HS256', issuer: 'cchc-api', audience: 'cchc', expiresIn: '1h' },
      );
      const refused = await request(api.getHttpServer())
        .post('/auth/refresh')
        .set('Authorization', `Bearer ${stale}`);
      expect(refused.status).toBe(401);
      expect(refused.body.message).toContain('đăng nhập lại');
    });

    it('keeps the console’s session in an HttpOnly, SameSite=Strict cookie until logout', async () => {
      const server = api.getHttpServer();
      const response = await login('officer', 'demo');
      const cookie = (response.headers['set-cookie'] as unknown as string[]).join(';');
      expect(cookie).toMatch(/^cchc_session=[^;]+;/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/');
      const session = cookie.split(';')[0];
      const me = await request(server).get('/auth/me').set('Cookie', session);
      expect(me.body.username).toBe('officer');
      const renewed = await request(server).post('/auth/refresh').set('Cookie', session);
      expect(renewed.status).toBe(200);
      expect((renewed.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^cchc_session=/);
      const logout = await request(server).post('/auth/logout').set('Cookie', session);
      expect(logout.status).toBe(204);
      expect((logout.headers['set-cookie'] as unknown as string[])[0]).toMatch(
        /^cchc_session=;.*Expires=Thu, 01 Jan 1970/,
      );
    });
  });

  describe('surface', () => {
    it('sends helmet headers, hides /docs unless enabled, and shows health without error text', async () => {
      const health = await request(api.getHttpServer()).get('/health');
      expect(health.status).toBe(200);
      expect(health.headers['x-content-type-options']).toBe('nosniff');
      expect(health.headers['content-security-policy']).toContain("default-src 'self'");
      expect(health.headers['x-powered-by']).toBeUndefined();
      expect(health.body).toEqual({
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' }, redis: { status: 'up' } },
      });
      expect((await request(api.getHttpServer()).get('/docs')).status).toBe(404);
      expect((await request(api.getHttpServer()).get('/docs-json')).status).toBe(404);
    });

    it.each([
      'http://127.0.0.1:6379/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/hook',
      'http://[::1]:3000/hook',
      'http://localhost:3000/hook',
    ])('refuses the webhook target %s', async (url) => {
      const response = await client.post('coordinator', '/webhooks', {
        url,
        secret: 'a-secret-of-sixteen-chars',
        events: ['task.overdue'],
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^url: địa chỉ .* là địa chỉ nội bộ hoặc dành riêng/);
      expect(Number((await db.query('SELECT COUNT(*) AS n FROM webhooks'))[0].n)).toBe(0);
    });
  });

  describe("applicants' personal data", () => {
    it('is shown to the one-stop desk, chairman, inspectors and the handling unit, the name only to others', async () => {
      expect(
        (
          await client.post('coordinator', '/procedures', {
            code: '1.000894',
            name: 'Đăng ký khai sinh',
            processingDays: 5,
            handlingUnitId: units.VHXH,
          })
        ).status,
      ).toBe(201);
      const applicant = {
        name: 'Nguyễn Thị Hằng',
        address: 'Số 12 phố Trần Hưng Đạo',
        phone: '0912 345 678',
        email: 'nguoinop@example.vn',
      };
      const created = await client.post('one_stop_officer', '/dossiers', {
        code: 'H31-260212-0001',
        procedureCode: '1.000894',
        applicant,
        receivedAt: '2026-02-12T09:30:00+07:00',
      });
      expect(created.status).toBe(201);
      expect(created.body.applicant).toEqual(applicant);
      const seen: Record<string, unknown> = {};
      for (const role of [
        'one_stop_officer',
        'chairman',
        'inspector',
        'unit_head',
        'officer',
        'leader',
        'coordinator',
      ]) {
        const one = (await client.get(role, '/dossiers/H31-260212-0001')).body.applicant;
        const listed = (await client.get(role, '/dossiers')).body.items[0].applicant;
        expect(listed).toEqual(one);
        seen[role] = one;
      }
      const nameOnly = { name: applicant.name };
      expect(seen).toEqual({
        one_stop_officer: applicant,
        chairman: applicant,
        inspector: applicant,
        unit_head: applicant,
        officer: applicant,
        leader: nameOnly,
        coordinator: nameOnly,
      });
      await db.query("UPDATE users SET unit_id = ? WHERE username = 'officer'", [units.KTHTDT]);
      const otherUnit = (await client.get('officer', '/dossiers/H31-260212-0001')).body.applicant;
      await db.query("UPDATE users SET unit_id = ? WHERE username = 'officer'", [units.VHXH]);
      expect(otherUnit).toEqual(nameOnly);
    });
  });
});

describe('login throttling by address', () => {
  let api: INestApplication;
  const saved = process.env.LOGIN_LIMIT_PER_ADDRESS;

  beforeAll(async () => {
    await freshEnvironment('security_throttle');
    process.env.LOGIN_LIMIT_PER_ADDRESS = '3';
    api = await startApi();
  });

  afterAll(async () => {
    await api?.close();
    if (saved === undefined) delete process.env.LOGIN_LIMIT_PER_ADDRESS;
    else process.env.LOGIN_LIMIT_PER_ADDRESS = saved;
  });

  it('answers 429 to one address trying many user names', async () => {
    const statuses: number[] = [];
    for (const username of ['ten-mot', 'ten-hai', 'ten-ba', 'ten-bon', 'chairman']) {
      const response = await request(api.getHttpServer())
        .post('/auth/login')
        .send({ username, password: 'demo' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('error logs', () => {
  let api: ApiProcess;
  let config: AppConfig;

  beforeAll(async () => {
    config = await freshEnvironment('security_logs');
    api = new ApiProcess(config, await freePort());
    await api.start();
  }, 120_000);

  afterAll(async () => {
    await api?.terminate();
  });

  it('carry no access token: the Authorization header and the session cookie are redacted', async () => {
    const login = await fetch(`${api.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'coordinator', password: 'demo' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    expect(accessToken).toMatch(/^ey/);
    // A table gone from under the API: an unexpected error, answered 500 and logged with the request.
    const connection = await createConnection(config.databaseUrl);
    await connection.query('RENAME TABLE webhooks TO webhooks_hidden');
    let failed: Response;
    try {
      failed = await fetch(`${api.url}/webhooks`, {
        headers: {
          authorization: `Bearer ${accessToken}`,
          cookie: `cchc_session=${accessToken}`,
          'x-request-id': 'log-redaction-check',
        },
      });
    } finally {
      await connection.query('RENAME TABLE webhooks_hidden TO webhooks');
      await connection.end();
    }
    expect(failed.status).toBe(500);
    let line: string | undefined;
    for (let tries = 0; !line && tries < 50; tries += 1) {
      line = api
        .recentOutput(1_000_000)
        .split('\n')
        .find((candidate) => candidate.includes('log-redaction-check'));
      if (!line) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(line).toBeDefined();
    const logged = JSON.parse(line as string) as {
      level: number;
      req: { headers: Record<string, string> };
    };
    expect(logged.level).toBe(50);
    expect(logged.req.headers.authorization).toBe('[Redacted]');
    expect(logged.req.headers.cookie).toBe('[Redacted]');
    const payload = accessToken.split('.')[1];
    expect(api.recentOutput(1_000_000)).not.toContain(payload);
  });
});

describe('start-up', () => {
  it('stops with one line naming the port, and a non-zero exit, when the port is taken', async () => {
    const config = await freshEnvironment('security_port');
    const port = await freePort();
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, resolve));
    try {
      const root = join(__dirname, '..');
      const child = spawn(
        process.execPath,
        ['-r', join(root, 'tools', 'register.js'), join(root, 'apps', 'api', 'src', 'main.ts')],
        {
          cwd: root,
          env: {
            ...process.env,
            LOG_LEVEL: 'silent',
            PORT: String(port),
            DATABASE_URL: config.databaseUrl,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`cổng ${port} đang được một tiến trình khác dùng`);
      expect(lines[0]).toContain(`port ${port} is already in use`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
