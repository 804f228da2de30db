import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '@cchc/common';
import { prepareRuntime } from '@cchc/runtime';
import { apiDocument } from '../apps/api/src/openapi';
import { e2eConfig } from './support/e2e-env';
import { serverOptions } from './support/e2e-resources';
import { runCli, runCliAsync } from './support/run-cli';
import { startApi } from './support/test-app';

/*
 * The README's "Production" path, from an empty database to a ward's staff signed in, through the
 * CLI in production mode (no demo ward, no built-in secret); then what a ward admin and the
 * system administrator do over the API, each change taking effect at once and audited.
 */

interface Account {
  id: string;
  username: string;
  role: string;
  oneTimePassword: string;
  mustChangePassword: boolean;
}

describe('provisioning: wards, units, staff and one-time passwords (MariaDB)', () => {
  let dir: string;
  let api: INestApplication;
  let db: DataSource;
  let production: NodeJS.ProcessEnv;
  /** Current password of each account, as the test changes them. */
  const passwords = new Map<string, string>();
  const tokens = new Map<string, string>();

  const cli = (...args: string[]) => runCli(args, production);
  const login = (username: string, password = passwords.get(username) ?? '') =>
    request(api.getHttpServer()).post('/auth/login').send({ username, password });
  const as = async (username: string) => {
    if (!tokens.has(username)) {
      const response = await login(username);
      expect([username, response.status]).toEqual([username, 200]);
      tokens.set(username, response.body.accessToken);
    }
    return { Authorization: `Bearer ${tokens.get(username)}` };
  };
  /** Signs in with the one-time password and replaces it, as the console's form does. */
  const firstSignIn = async (username: string) => {
    const headers = await as(username);
    const next = `Mat-khau-moi-${username.length}7`;
    const changed = await request(api.getHttpServer())
      .post('/auth/password')
      .set(headers)
      .send({ currentPassword: passwords.get(username), newPassword: next });
    expect([username, changed.status]).toEqual([username, 200]);
    passwords.set(username, next);
    // The session goes on with the new token; the old one is refused from now on.
    tokens.set(username, changed.body.accessToken);
  };

  beforeAll(async () => {
    const config = e2eConfig('provisioning');
    production = {
      NODE_ENV: 'production',
      DEMO_SEED: '',
      WEBHOOK_ALLOW_PRIVATE: '',
      DATABASE_URL: config.databaseUrl,
    };
    const connection = await createConnection(serverOptions());
    await connection.query(
      `DROP DATABASE IF EXISTS \`${new URL(config.databaseUrl).pathname.slice(1)}\``,
    );
    await connection.end();
    dir = await mkdtemp(join(tmpdir(), 'cchc-provisioning-'));
  });

  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('goes from an empty database to a ward with its staff, on the command line', async () => {
    // What `db migrate` does (the command itself runs in production-build.e2e-spec.ts); in
    // production the API's start seeds nothing.
    expect(
      await prepareRuntime(loadConfig({ ...process.env, ...production }), {
        seedDemo: true,
        migrate: true,
      }),
    ).not.toContain('created the demo ward and its users');

    const ward = cli(
      'ward',
      'create',
      'an-bien',
      'Phường An Biên',
      '--province',
      'Thành phố Hải Phòng',
      '--admin',
      'qt.anbien',
      '--admin-name',
      'Trần Văn Quản',
      '--json',
    );
    expect(ward.stderr).toBe('');
    const created = JSON.parse(ward.stdout) as { ward: { code: string }; admin: Account };
    expect(created.ward.code).toBe('an-bien');
    expect(created.admin).toMatchObject({
      username: 'qt.anbien',
      role: 'admin',
      mustChangePassword: true,
    });
    passwords.set('qt.anbien', created.admin.oneTimePassword);

    const units = join(dir, 'don-vi.csv');
    await writeFile(
      units,
      'Mã đơn vị;Tên đơn vị\nVP;Văn phòng HĐND&UBND\nVHXH;Phòng Văn hóa - Xã hội\nTTPVHCC;Trung tâm Phục vụ hành chính công\n',
    );
    const unitsImport = cli('units', 'import', units);
    expect(unitsImport.stdout.trim()).toBe('Đã nhập đơn vị: 3 mới, 0 đổi tên');

    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Cán bộ');
    sheet.addRow(['Họ và tên', 'Tên đăng nhập', 'Vai trò', 'Đơn vị', 'Email', 'Số điện thoại']);
    sheet.addRow(['Nguyễn Văn Thành', 'thanh.nv', 'Chủ tịch UBND', '', '', '']);
    sheet.addRow(['Lê Minh Đức', 'duc.lm', 'coordinator', 'VP', 'duc.lm@anbien.gov.vn', '']);
    sheet.addRow([
      'Vũ Thị Lan',
      'lan.vt',
      'Cán bộ, công chức',
      'Phòng Văn hóa - Xã hội',
      '',
      '0912 345 678',
    ]);
    sheet.addRow(['Quản trị hệ thống', 'qtht', 'system_admin', '', '', '']);
    const staff = join(dir, 'can-bo.xlsx');
    await workbook.xlsx.writeFile(staff);
    const bad = join(dir, 'can-bo-sai.csv');
    await writeFile(
      bad,
      'Họ và tên,Tên đăng nhập,Vai trò,Đơn vị\nHoàng Nam,hoang.nam,officer,\nĐặng Việt,qt.anbien,giám đốc,VP\n',
    );

    // The refused file and the good one at once: the refusal writes nothing either way.
    const [refused, imported] = await Promise.all([
      runCliAsync(['users', 'import', bad], production),
      runCliAsync(['users', 'import', staff, '--ward', 'an-bien', '--json'], production),
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Không nhập tài khoản: 3 lỗi; chưa ghi dòng nào.');
    expect(refused.stderr).toContain(
      'dòng 2: Đơn vị: vai trò Cán bộ, công chức cần đơn vị công tác.',
    );
    expect(refused.stderr).toContain('dòng 3: Tên đăng nhập: qt.anbien đã có tài khoản.');

    expect(imported.stderr).toBe('');
    const accounts = JSON.parse(imported.stdout) as Account[];
    expect(accounts.map((account) => [account.username, account.role])).toEqual([
      ['thanh.nv', 'chairman'],
      ['duc.lm', 'coordinator'],
      ['lan.vt', 'officer'],
      ['qtht', 'system_admin'],
    ]);
    for (const account of accounts) passwords.set(account.username, account.oneTimePassword);

    process.env.DEMO_SEED = 'false';
    api = await startApi();
    db = api.get(DataSource);
    expect(await db.query('SELECT code FROM wards')).toEqual([{ code: 'an-bien' }]);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM users'))[0].n)).toBe(5);
  });

  it('makes a new user replace the one-time password before anything else', async () => {
    const first = await login('lan.vt');
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);
    const headers = { Authorization: `Bearer ${first.body.accessToken}` };
    const tasks = await request(api.getHttpServer()).get('/tasks').set(headers);
    expect(tasks.status).toBe(403);
    expect(tasks.body.message).toMatch(/^Cần đổi mật khẩu dùng một lần/);
    expect((await request(api.getHttpServer()).get('/auth/me').set(headers)).body.username).toBe(
      'lan.vt',
    );
    const change = (currentPassword: string, newPassword: string) =>
      request(api.getHttpServer())
        .post('/auth/password')
        .set(headers)
        .send({ currentPassword, newPassword });
    expect((await change('sai-mat-khau', 'Mat-khau-2026')).body.message).toBe(
      'currentPassword: mật khẩu hiện tại không đúng',
    );
    const weak = await change(passwords.get('lan.vt') as string, 'matkhau');
    expect([weak.status, weak.body.message]).toEqual([400, 'newPassword: cần từ 10 đến 128 ký tự']);
    const changed = await change(passwords.get('lan.vt') as string, 'Lan-VHXH-2026');
    expect([changed.status, changed.body.mustChangePassword]).toEqual([200, false]);

    // Sessions from before the change end; the answer's token carries this one on.
    expect((await request(api.getHttpServer()).get('/tasks').set(headers)).status).toBe(401);
    const renewed = { Authorization: `Bearer ${changed.body.accessToken}` };
    expect((await request(api.getHttpServer()).get('/tasks').set(renewed)).status).toBe(200);
    expect((await login('lan.vt')).status).toBe(401);
    const again = await login('lan.vt', 'Lan-VHXH-2026');
    expect([again.status, again.body.mustChangePassword]).toEqual([200, false]);
    passwords.set('lan.vt', 'Lan-VHXH-2026');
  });

  it('lets the ward admin manage staff: role and unit changes and locks act at once', async () => {
    await firstSignIn('qt.anbien');
    const admin = await as('qt.anbien');
    const server = api.getHttpServer();
    const units = (await request(server).get('/org-units').set(admin)).body as {
      id: string;
      code: string;
    }[];
    const unit = (code: string) => units.find((candidate) => candidate.code === code)?.id;

    const created = await request(server)
      .post('/users')
      .set(admin)
      .send({
        username: 'hoa.tt',
        fullName: 'Trần Thị Hoa',
        role: 'officer',
        unitId: unit('VHXH'),
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'officer', mustChangePassword: true });
    passwords.set('hoa.tt', created.body.oneTimePassword);
    const duplicate = await request(server)
      .post('/users')
      .set(admin)
      .send({ username: 'hoa.tt', fullName: 'Trùng', role: 'leader' });
    expect([duplicate.status, duplicate.body.message]).toEqual([
      409,
      'username: tên đăng nhập đã có tài khoản',
    ]);
    const noUnit = await request(server)
      .post('/users')
      .set(admin)
      .send({ username: 'nam.hv', fullName: 'Hoàng Nam', role: 'unit_head' });
    expect(noUnit.body.message).toBe('unitId: vai trò Thủ trưởng đơn vị cần đơn vị công tác');
    const escalate = await request(server)
      .post('/users')
      .set(admin)
      .send({ username: 'nam.hv', fullName: 'Hoàng Nam', role: 'system_admin' });
    expect(escalate.status).toBe(400);

    // lan.vt's session: refused the user list as an officer, allowed once she is coordinator.
    const lan = await as('lan.vt');
    const lanId = (await request(server).get('/auth/me').set(lan)).body.id as string;
    expect((await request(server).get('/users').set(lan)).status).toBe(403);
    const promoted = await request(server)
      .patch(`/users/${lanId}`)
      .set(admin)
      .send({ role: 'coordinator', unitId: unit('VP') });
    expect(promoted.body).toMatchObject({ role: 'coordinator', unitId: unit('VP') });
    expect((await request(server).get('/users').set(lan)).status).toBe(200);

    const locked = await request(server)
      .patch(`/users/${lanId}`)
      .set(admin)
      .send({ active: false });
    expect(locked.body.active).toBe(false);
    expect((await request(server).get('/tasks').set(lan)).status).toBe(401);
    expect((await login('lan.vt')).status).toBe(401);
    const adminId = (await request(server).get('/auth/me').set(admin)).body.id as string;
    const selfLock = await request(server)
      .patch(`/users/${adminId}`)
      .set(admin)
      .send({ active: false });
    expect(selfLock.status).toBe(409);
    // Nor a fresh password for oneself: a token alone must not buy one and end the owner's
    // sessions; one's own password is changed with the current one.
    const selfReset = await request(server).post(`/users/${adminId}/reset-password`).set(admin);
    expect([selfReset.status, selfReset.body.message]).toEqual([
      409,
      'Không tự cấp lại mật khẩu của chính mình; hãy đổi mật khẩu bằng mật khẩu hiện tại',
    ]);
    expect((await request(server).get('/auth/me').set(admin)).status).toBe(200);

    // The unlock brings back the account, not the sessions the lock ended: a token from before
    // it is refused, and cannot be renewed; lan.vt signs in again.
    await request(server).patch(`/users/${lanId}`).set(admin).send({ active: true }).expect(200);
    expect((await request(server).get('/auth/me').set(lan)).status).toBe(401);
    expect((await request(server).post('/auth/refresh').set(lan)).status).toBe(401);
    tokens.delete('lan.vt');
    const lanAgain = await as('lan.vt');
    expect((await request(server).get('/auth/me').set(lanAgain)).status).toBe(200);
    const reset = await request(server).post(`/users/${lanId}/reset-password`).set(admin);
    expect(reset.status).toBe(200);
    // A reset ends the live sessions, as if the password had leaked.
    expect((await request(server).get('/auth/me').set(lanAgain)).status).toBe(401);
    expect((await login('lan.vt')).status).toBe(401);
    const fresh = await login('lan.vt', reset.body.oneTimePassword);
    expect([fresh.status, fresh.body.mustChangePassword]).toEqual([200, true]);

    // The system administrator's account (qtht) is the operator's, not the ward admin's to see.
    const list = await request(server).get('/users/accounts').set(admin);
    expect(list.body.map((account: Account) => account.username)).toEqual([
      'duc.lm',
      'hoa.tt',
      'lan.vt',
      'qt.anbien',
      'thanh.nv',
    ]);
    const asLan = { Authorization: `Bearer ${fresh.body.accessToken}` };
    expect((await request(server).get('/users/accounts').set(asLan)).status).toBe(403);
  });

  it('imports over the API all rows or none, with each problem by row and column', async () => {
    const admin = await as('qt.anbien');
    const server = api.getHttpServer();
    const before = Number((await db.query('SELECT COUNT(*) AS n FROM users'))[0].n);
    const refused = await request(server)
      .post('/users/import')
      .set(admin)
      .attach(
        'file',
        Buffer.from(
          'Họ và tên,Tên đăng nhập,Vai trò,Đơn vị\nAn,an.nt,officer,VHXH\nBình,an.nt,leader,\n',
        ),
        'can-bo.csv',
      );
    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual([
      { row: 3, field: 'username', message: 'Tên đăng nhập: an.nt trùng với dòng 2.' },
    ]);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM users'))[0].n)).toBe(before);

    const units = await request(server)
      .post('/units/import')
      .set(admin)
      .attach(
        'file',
        Buffer.from('code,name\nVHXH,Phòng Văn hóa và Xã hội\nCA,Công an phường\n'),
        'dv.csv',
      );
    expect([units.status, units.body.created, units.body.updated]).toEqual([200, 1, 1]);
    const imported = await request(server)
      .post('/users/import')
      .set(admin)
      .attach(
        'file',
        Buffer.from('Họ và tên,Tên đăng nhập,Vai trò,Đơn vị\nAn,an.nt,officer,CA\n'),
        'cb.csv',
      );
    expect(imported.status).toBe(200);
    expect(imported.body.created[0]).toMatchObject({ username: 'an.nt', mustChangePassword: true });
    expect(imported.body.created[0].oneTimePassword).toMatch(/^[A-Za-z2-9]{14}$/);
  });

  it("keeps the province's and the system's accounts out of a ward admin's reach", async () => {
    const admin = await as('qt.anbien');
    const server = api.getHttpServer();
    const count = async () => Number((await db.query('SELECT COUNT(*) AS n FROM users'))[0].n);
    const before = await count();

    // A province officer reads every ward of the province: a ward admin may not make one. The
    // refusal, like the OpenAPI document, lists only the roles this route gives.
    const wardRoles = [
      'chairman',
      'leader',
      'coordinator',
      'unit_head',
      'officer',
      'one_stop_officer',
      'inspector',
      'admin',
    ];
    for (const role of ['province_officer', 'system_admin']) {
      const refused = await request(server)
        .post('/users')
        .set(admin)
        .send({ username: `gia.${role.replace('_', '.')}`, fullName: 'Giả Mạo', role });
      expect([role, refused.status]).toEqual([role, 400]);
      expect(refused.body.fields).toEqual([
        { field: 'role', message: `role phải là một trong: ${wardRoles.join(', ')}` },
      ]);
    }
    const schemas = apiDocument(api).components?.schemas as Record<
      string,
      { properties: Record<string, { enum?: string[] }> }
    >;
    expect(schemas.CreateUserDto.properties.role.enum).toEqual(wardRoles);
    expect(schemas.UpdateUserDto.properties.role.enum).toEqual(wardRoles);
    const sheet = await request(server)
      .post('/users/import')
      .set(admin)
      .attach(
        'file',
        Buffer.from(
          'Họ và tên,Tên đăng nhập,Vai trò,Đơn vị\n' +
            'Cường,cuong.nv,officer,VHXH\n' +
            'Sở,so.gia,province_officer,\n' +
            'Sở hai,so.gia2,Chuyên viên Sở Nội vụ,\n',
        ),
        'cb.csv',
      );
    expect(sheet.status).toBe(400);
    expect(
      (sheet.body.problems as { row: number; field: string; message: string }[]).map((problem) => [
        problem.row,
        problem.field,
        problem.message.split(';')[0],
      ]),
    ).toEqual([
      [3, 'role', 'Vai trò: "province_officer" không phải vai trò được cấp'],
      [4, 'role', 'Vai trò: "Chuyên viên Sở Nội vụ" không phải vai trò được cấp'],
    ]);
    expect(sheet.body.problems[0].message).not.toContain('province_officer (');
    expect(await count()).toBe(before);

    // Nor turn one of the ward's accounts into one.
    const duc = (await db.query("SELECT id FROM users WHERE username = 'duc.lm'"))[0].id as string;
    const promote = await request(server)
      .patch(`/users/${duc}`)
      .set(admin)
      .send({ role: 'province_officer' });
    expect(promote.status).toBe(400);
    expect(promote.body.fields).toEqual([
      { field: 'role', message: `role phải là một trong: ${wardRoles.join(', ')}` },
    ]);
    expect((await db.query('SELECT role FROM users WHERE id = ?', [duc]))[0].role).toBe(
      'coordinator',
    );

    // The operator gives the role (CLI); the ward admin cannot see, change or reset that account.
    const province = join(dir, 'so-noi-vu.csv');
    await writeFile(
      province,
      'Họ và tên,Tên đăng nhập,Vai trò,Đơn vị\nChuyên viên Sở,so.noivu,province_officer,\n',
    );
    const given = await runCliAsync(
      ['users', 'import', province, '--ward', 'an-bien', '--json'],
      production,
    );
    expect(given.stderr).toBe('');
    const [officer] = JSON.parse(given.stdout) as Account[];
    expect(officer.role).toBe('province_officer');
    const stored = async (id: string) =>
      (
        (await db.query(
          'SELECT role, active, full_name, password_hash, password_changed_at FROM users WHERE id = ?',
          [id],
        )) as Record<string, unknown>[]
      )[0];
    const qtht = (await db.query("SELECT id FROM users WHERE username = 'qtht'"))[0].id as string;
    for (const id of [officer.id, qtht]) {
      const unchanged = await stored(id);
      for (const body of [{ fullName: 'Đổi tên' }, { active: false }, { role: 'officer' }]) {
        const patched = await request(server).patch(`/users/${id}`).set(admin).send(body);
        // As for an account of another ward: no such account in this one.
        expect([patched.status, patched.body.message]).toEqual([
          404,
          `id: không có tài khoản ${id} trong phường`,
        ]);
      }
      const reset = await request(server).post(`/users/${id}/reset-password`).set(admin);
      expect([reset.status, reset.body.message]).toEqual([
        404,
        `id: không có tài khoản ${id} trong phường`,
      ]);
      expect(await stored(id)).toEqual(unchanged);
    }
    const listed = (await request(server).get('/users/accounts').set(admin)).body as Account[];
    expect(listed.map((account) => account.username)).not.toContain('so.noivu');
    expect((await login('so.noivu', officer.oneTimePassword)).status).toBe(200);
  });

  it('lets the system administrator create wards with their first admin, the operator reset a password', async () => {
    await firstSignIn('qtht');
    const server = api.getHttpServer();
    const body = {
      code: 'le-chan',
      name: 'Phường Lê Chân',
      province: 'Thành phố Hải Phòng',
      admin: { username: 'qt.lechan', fullName: 'Phạm Quản Trị' },
    };
    const created = await request(server)
      .post('/wards')
      .set(await as('qtht'))
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body.admin).toMatchObject({ username: 'qt.lechan', role: 'admin' });
    expect(
      (
        await request(server)
          .post('/wards')
          .set(await as('qtht'))
          .send(body)
      ).status,
    ).toBe(409);
    expect(
      (
        await request(server)
          .post('/wards')
          .set(await as('qt.anbien'))
          .send(body)
      ).status,
    ).toBe(403);
    const other = await login('qt.lechan', created.body.admin.oneTimePassword);
    expect(other.body.mustChangePassword).toBe(true);

    // An admin who lost the password gets a new one from the operator's command line.
    const [reset, missing] = await Promise.all([
      runCliAsync(['users', 'reset-password', 'qt.lechan', '--json'], production),
      runCliAsync(['users', 'reset-password', 'khong.co'], production),
    ]);
    expect(reset.stderr).toBe('');
    const [account] = JSON.parse(reset.stdout) as Account[];
    expect((await login('qt.lechan', created.body.admin.oneTimePassword)).status).toBe(401);
    expect((await login('qt.lechan', account.oneTimePassword)).body.mustChangePassword).toBe(true);
    expect([missing.status, missing.stderr.trim()]).toEqual([2, 'Không có tài khoản "khong.co"']);
  });

  it('keeps every provisioning action in the audit, in the ward it belongs to', async () => {
    const wardless = (await db.query(
      "SELECT instance_type, event_type FROM audit_events WHERE instance_type IN ('ward', 'org-unit', 'user') AND ward_id IS NULL",
    )) as unknown[];
    expect(wardless).toEqual([]);
    const events = (await db.query(
      'SELECT instance_type AS type, event_type AS event, actor_role AS role FROM audit_events ' +
        "WHERE event_type NOT IN ('LOGIN', 'LOGIN_FAILED') ORDER BY id",
    )) as { type: string; event: string; role: string }[];
    const seen = new Set(events.map((event) => `${event.type} ${event.event} ${event.role}`));
    for (const expected of [
      'ward WARD_CREATED system',
      'org-unit UNIT_CREATED system',
      'user USER_CREATED system',
      'user PASSWORD_CHANGED officer',
      'user USER_CREATED admin',
      'user USER_UPDATED admin',
      'user USER_DEACTIVATED admin',
      'user USER_REACTIVATED admin',
      'user PASSWORD_RESET admin',
      'user PASSWORD_RESET system',
      'org-unit UNIT_RENAMED admin',
      'ward WARD_CREATED system_admin',
    ])
      expect([expected, seen.has(expected)]).toEqual([expected, true]);
  });
});
