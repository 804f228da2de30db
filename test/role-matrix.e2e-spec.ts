import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { IS_PUBLIC, refusesWardWrite, ROLES_ALLOWED, WITH_ONE_TIME_PASSWORD } from '@cchc/auth';
import { ManualClock } from '@cchc/common';
import {
  Actor,
  DOSSIER_EVENT_TYPES,
  DossierContext,
  ReformTaskContext,
  REPORT_EVENT_TYPES,
  ReportContext,
  Role,
  ROLES,
  SYSTEM_TASK_EVENTS,
  TASK_EVENT_TYPES,
  TaskEventType,
} from '@cchc/domain';
import { authorizeReformTask, authorizeReport, authorizeTthcDossier } from '@cchc/workflows';
import { QUEUES_BOARD_ROLES } from '../apps/api/src/queues-board';
import { ApiClient } from './support/api-client';
import { demoWardIds } from './support/demo-ward-ids';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

/*
 * Who may call what, generated from the role rules themselves: the @Roles and @Public metadata
 * of every controller route, the Bull Board roles, and the reform-task workflow's
 * `authorizeReformTask` for events, in and out of the task's unit and leader. A new route or a
 * changed rule is covered without touching this file; a route open to every signed-in user must
 * be listed below, on purpose.
 */

/** Routes without @Roles: any signed-in user may call them (what they show is scoped by ward). */
const ANY_SIGNED_IN = [
  'GET /apologies/:id/document',
  'GET /auth/me',
  // Replacing a password (a one-time one included) is everyone's own business.
  'POST /auth/password',
  'POST /auth/refresh',
  'GET /calendar/workdays/add',
  'GET /calendar/years/:year',
  'GET /dossiers',
  'GET /dossiers/:code',
  'GET /dossiers/:code/apologies',
  'POST /dossiers/:code/events',
  'GET /escalation-policy',
  'GET /evidence/:id',
  'GET /inbox',
  // Inspections: what a user sees is scoped in libs/inspections (inspection-scope.ts), and who
  // may act on a campaign is the campaign workflow's rule (inspectors of its team, the chairman).
  'GET /inspections/checklist',
  'GET /inspections/campaigns',
  'GET /inspections/campaigns/:id',
  'POST /inspections/campaigns/:id/start',
  'POST /inspections/campaigns/:id/visits/:unitId/start',
  'PUT /inspections/campaigns/:id/visits/:unitId/checklist',
  'POST /inspections/campaigns/:id/visits/:unitId/finish',
  'GET /inspections/campaigns/:id/visits/:unitId/minutes.docx',
  'POST /inspections/campaigns/:id/findings',
  'POST /inspections/campaigns/:id/findings/:findingId/task',
  'POST /inspections/campaigns/:id/findings/:findingId/escalate',
  'POST /inspections/campaigns/:id/findings/:findingId/close',
  'POST /inspections/campaigns/:id/conclude',
  'GET /inspections/campaigns/:id/conclusion.docx',
  'POST /inspections/campaigns/:id/close',
  'GET /leader-assignments',
  'GET /notifications',
  'GET /notifications/summary',
  'POST /notifications/:id/read',
  'GET /org-units',
  // PAR Index: the ward reads its self-assessment (scoring and review have @Roles).
  'GET /par/:year',
  'GET /par/:year/export.docx',
  'GET /par/:year/export.xlsx',
  'GET /par/:year/lost-points',
  'GET /plans',
  'GET /plans/:id',
  // Targets: read by the whole ward (writes are the coordinator's).
  'GET /plans/:id/targets',
  'GET /plans/:id/targets/actuals',
  'GET /procedures',
  'GET /stats/dossiers',
  'GET /stats/inspections',
  'GET /stats/tasks',
  'GET /tasks',
  'GET /tasks/:id',
  'POST /tasks/:id/events',
  // Evidence files: whoever may SUBMIT_REPORT uploads them (the workflow's rule, in the service).
  'GET /tasks/:id/evidence',
  'POST /tasks/:id/evidence',
  'GET /tasks/:id/history',
  'GET /tasks/export.xlsx',
  'GET /unit-aliases',
  'GET /unit-groups',
  // Periodic reports: reading is open to the ward; each step is the report's or the
  // contribution's workflow rule (libs/workflows periodic-report.rules.ts).
  'GET /reports',
  'GET /reports/:id',
  'GET /reports/:id/document',
  'GET /reports/calendar',
  'GET /reports/periods',
  'POST /reports/:id/compile',
  'POST /reports/:id/contributions/:contributionId/events',
  'POST /reports/:id/events',
];

/** Public to sessions; /metrics answers only Prometheus's METRICS_TOKEN (see libs/metrics/scrape.ts). */
const PUBLIC = ['GET /health', 'GET /metrics', 'POST /auth/login', 'POST /auth/logout'];

interface Route {
  key: string;
  method: string;
  path: string;
  roles: Role[] | null;
  isPublic: boolean;
  /** About the user's own account (open with a one-time password): no ward data changes. */
  ownAccount: boolean;
}

/** Every controller route of the running app, with its role metadata. */
function discoverRoutes(app: INestApplication): Route[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as new (...args: never[]) => unknown;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = controller.prototype[name];
      const own = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (own === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = `/${[prefix, own].filter((part) => part && part !== '/').join('/')}`;
      const targets = [handler, controller];
      routes.push({
        key: `${method} ${path}`,
        method,
        path,
        roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_ALLOWED, targets) ?? null,
        isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        ownAccount: reflector.getAllAndOverride<boolean>(WITH_ONE_TIME_PASSWORD, targets) === true,
      });
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** Path parameters filled with values of the right shape that name nothing. */
function concrete(path: string): string {
  return path
    .replace(':id', randomUUID())
    .replace(':code', 'KHONG-CO-HO-SO')
    .replace(':year', '2026');
}

describe('role matrix (MariaDB + Redis)', () => {
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;
  let routes: Route[];
  let units: Record<string, string>;
  let users: Record<string, string>;
  // The API's time stands still: dossiers are received a minute before it, however long the
  // suite has run.
  const clock = new ManualClock(new Date());

  const call = async (role: Role | null, method: string, path: string, body: object = {}) => {
    const pending = request(api.getHttpServer())[method.toLowerCase() as 'get'](path);
    if (role) pending.set('Authorization', `Bearer ${await client.login(role)}`);
    return method === 'GET' ? pending : pending.send(body);
  };

  beforeAll(async () => {
    await freshEnvironment('role_matrix');
    api = await startApi(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
    routes = discoverRoutes(api);
    ({ units, users } = await demoWardIds(client));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('finds every route, and each has @Roles, or is public or open to any signed-in user on purpose', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((route) => route.isPublic).map((route) => route.key)).toEqual(PUBLIC);
    expect(
      routes.filter((route) => !route.isPublic && route.roles === null).map((route) => route.key),
    ).toEqual([...ANY_SIGNED_IN].sort((a, b) => a.localeCompare(b)));
  });

  it('refuses every route but the public ones without a token (401)', async () => {
    for (const route of routes.filter((candidate) => !candidate.isPublic)) {
      const response = await call(null, route.method, concrete(route.path));
      expect([route.key, response.status]).toEqual([route.key, 401]);
    }
  });

  it('gives 403 to every role a route does not name, and lets the others past the guard', async () => {
    for (const route of routes.filter((candidate) => !candidate.isPublic)) {
      for (const role of ROLES) {
        const response = await call(role, route.method, concrete(route.path));
        // A read-only role (the province officer) is refused every write, whatever @Roles says.
        const allowed =
          (route.roles === null || route.roles.includes(role)) &&
          !refusesWardWrite(role, route.method, route.ownAccount);
        const outcome = allowed
          ? response.status !== 401 && response.status !== 403 && response.status < 500
          : response.status === 403;
        expect([route.key, role, response.status, outcome]).toEqual([
          route.key,
          role,
          response.status,
          true,
        ]);
      }
    }
  });

  it('shows Bull Board to its roles only', async () => {
    for (const role of ROLES) {
      const response = await call(role, 'GET', '/queues/api/queues');
      expect([role, response.status]).toEqual([
        role,
        QUEUES_BOARD_ROLES.includes(role) ? 200 : 403,
      ]);
    }
  });

  /** Moves the unit's staff (officer, unit head): their powers follow at once. */
  const placeStaff = (unit: string) =>
    db.query("UPDATE users SET unit_id = ? WHERE username IN ('officer', 'unit_head')", [
      units[unit],
    ]);

  /** The demo user of a role, as the role rules see them; the staff in VHXH or out of it. */
  const actorOf = (role: Role, staffInScope: boolean): Actor => {
    const staffUnit = staffInScope ? units.VHXH : units.KTHTDT;
    const unitByRole: Partial<Record<Role, string>> = {
      officer: staffUnit,
      unit_head: staffUnit,
      coordinator: units.VP,
      one_stop_officer: units.TTPVHCC,
    };
    return {
      kind: 'user',
      userId: users[role] ?? randomUUID(),
      role,
      unitId: unitByRole[role] ?? null,
    };
  };

  /** 403 exactly where the rule refuses; otherwise past the role rules (state or preconditions may still say no). */
  const expectRuled = (
    what: string,
    role: Role,
    refused: boolean,
    response: { status: number },
  ) => {
    const outcome = refused
      ? response.status === 403
      : response.status !== 403 && response.status < 500;
    expect([what, role, response.status, outcome]).toEqual([what, role, response.status, true]);
  };

  describe('task events, by the workflow role rules, in and out of the unit and leader', () => {
    /** A state that takes each user event, and a payload that passes validation. */
    const PROBES: Record<string, { state: 'assigned' | 'inProgress' | 'reported'; body: object }> =
      {
        START: { state: 'assigned', body: {} },
        REQUEST_EXTENSION: {
          state: 'assigned',
          body: { reason: 'Cần thêm thời gian', proposedDueDate: '2027-12-31' },
        },
        DECIDE_EXTENSION: { state: 'assigned', body: { decision: 'reject', reason: 'Không' } },
        REASSIGN: { state: 'assigned', body: { leadUnitId: 'KTHTDT' } },
        AMEND: { state: 'assigned', body: { changes: { dueDate: '2027-06-30' }, reason: 'Sửa' } },
        CANCEL: { state: 'assigned', body: { reason: 'Không còn phù hợp' } },
        SUBMIT_REPORT: { state: 'inProgress', body: { report: 'Đã hoàn thành' } },
        APPROVE: { state: 'reported', body: {} },
        RETURN: { state: 'reported', body: { reason: 'Chưa đạt yêu cầu' } },
      };
    const USER_EVENTS = TASK_EVENT_TYPES.filter((type) => !SYSTEM_TASK_EVENTS.includes(type));

    /**
     * A task of the VHXH unit, led by the demo leader (in scope) or by nobody (out of scope),
     * brought to `state` by the unit's officer.
     */
    const taskIn = async (state: string, inScope: boolean) => {
      const created = await client.post('coordinator', '/tasks', {
        title: 'Rà soát quy trình nội bộ',
        leadUnitId: units.VHXH,
        leaderId: inScope ? users.leader : null,
        dueDate: '2027-03-31',
      });
      expect(created.status).toBe(201);
      let task = created.body as { id: string; version: number };
      const advance = async (role: string, type: string, body: object = {}) => {
        const response = await client.post(role, `/tasks/${task.id}/events`, {
          type,
          version: task.version,
          ...body,
        });
        expect([type, response.status]).toEqual([type, 200]);
        task = response.body;
      };
      if (state === 'assigned') return task;
      if (!inScope) await placeStaff('VHXH');
      await advance('officer', 'START');
      if (state === 'reported') await advance('officer', 'SUBMIT_REPORT', { report: 'Báo cáo' });
      if (!inScope) await placeStaff('KTHTDT');
      return task;
    };

    it('covers every user event of the workflow', () => {
      expect(Object.keys(PROBES).sort()).toEqual([...USER_EVENTS].sort());
    });

    it.each([true, false])(
      'answers 403 exactly where authorizeReformTask refuses (in scope: %s)',
      async (inScope) => {
        // Out of scope, the unit's staff belong to another unit than the task's.
        if (!inScope) await placeStaff('KTHTDT');
        try {
          for (const type of USER_EVENTS as TaskEventType[]) {
            const probe = PROBES[type];
            const shared = await taskIn(probe.state, inScope);
            const context = {
              leadUnitId: units.VHXH,
              leaderId: inScope ? users.leader : null,
            } as ReformTaskContext;
            for (const role of ROLES) {
              const refused = authorizeReformTask(context, type, actorOf(role, inScope)) !== null;
              // An allowed event may change the task, so it gets a task of its own.
              const task = refused ? shared : await taskIn(probe.state, inScope);
              const body = { type, version: task.version, ...probe.body };
              if (type === 'REASSIGN') Object.assign(body, { leadUnitId: units.KTHTDT });
              const response = await call(role, 'POST', `/tasks/${task.id}/events`, body);
              expectRuled(type, role, refused, response);
            }
          }
        } finally {
          await placeStaff('VHXH');
        }
      },
    );
  });
  describe('dossier events, by the workflow role rules, in and out of the handling unit', () => {
    type DossierState =
      'received' | 'processing' | 'supplementRequested' | 'delayReported' | 'resultReady';
    /** A state that takes each user event, and a payload that passes validation. */
    const PROBES: Record<string, { state: DossierState; body: object }> = {
      START_PROCESSING: { state: 'received', body: {} },
      REQUEST_SUPPLEMENT: { state: 'processing', body: { reason: 'Thiếu giấy tờ' } },
      RECORD_RESULT: { state: 'processing', body: {} },
      REPORT_DELAY: {
        state: 'processing',
        body: { reason: 'Cần xác minh', proposedDate: '2027-02-26' },
      },
      REJECT: { state: 'supplementRequested', body: { reason: 'Không đủ điều kiện' } },
      WITHDRAW: { state: 'supplementRequested', body: { reason: 'Người nộp rút hồ sơ' } },
      SUPPLEMENT_RECEIVED: { state: 'supplementRequested', body: {} },
      RETURN_RESULT: { state: 'resultReady', body: {} },
      APPROVE_APOLOGY: { state: 'delayReported', body: { newAppointmentDate: '2027-02-26' } },
    };
    const USER_EVENTS = DOSSIER_EVENT_TYPES.filter((type) => type !== 'APPOINTMENT_MISSED');
    let sequence = 0;

    /** A dossier handled by VHXH, brought to `state` by the desk and the unit's officer. */
    const dossierIn = async (state: DossierState, inScope: boolean) => {
      sequence += 1;
      const code = `RM-${String(sequence).padStart(5, '0')}`;
      const created = await client.post('one_stop_officer', '/dossiers', {
        code,
        procedureCode: 'RM.1',
        applicant: { name: 'Nguyễn Văn An' },
        receivedAt: new Date(clock.now().getTime() - 60_000).toISOString().replace('Z', '+00:00'),
      });
      expect([created.status, created.body.message]).toEqual([201, undefined]);
      let version = created.body.version as number;
      const advance = async (role: string, type: string, body: object = {}) => {
        const response = await client.post(role, `/dossiers/${code}/events`, {
          type,
          version,
          ...body,
        });
        expect([type, response.status, response.body.message]).toEqual([type, 200, undefined]);
        version = response.body.version;
      };
      if (state === 'received') return { code, version };
      if (!inScope) await placeStaff('VHXH');
      await advance('one_stop_officer', 'START_PROCESSING');
      if (state === 'supplementRequested')
        await advance('officer', 'REQUEST_SUPPLEMENT', { reason: 'Thiếu giấy tờ' });
      if (state === 'resultReady') await advance('officer', 'RECORD_RESULT');
      if (state === 'delayReported')
        await advance('officer', 'REPORT_DELAY', {
          reason: 'Cần xác minh',
          proposedDate: '2027-02-26',
        });
      if (!inScope) await placeStaff('KTHTDT');
      return { code, version };
    };

    beforeAll(async () => {
      const procedure = await client.post('coordinator', '/procedures', {
        code: 'RM.1',
        name: 'Thủ tục thử ma trận vai trò',
        processingDays: 5,
        handlingUnitId: units.VHXH,
      });
      expect(procedure.status).toBe(201);
    });

    it('covers every user event of the workflow', () => {
      expect(Object.keys(PROBES).sort()).toEqual([...USER_EVENTS].sort());
    });

    it.each([true, false])(
      'answers 403 exactly where authorizeTthcDossier refuses (in scope: %s)',
      async (inScope) => {
        if (!inScope) await placeStaff('KTHTDT');
        try {
          const context = { handlingUnitId: units.VHXH } as DossierContext;
          for (const type of USER_EVENTS) {
            const probe = PROBES[type];
            const shared = await dossierIn(probe.state, inScope);
            for (const role of ROLES) {
              const refused = authorizeTthcDossier(context, type, actorOf(role, inScope)) !== null;
              const dossier = refused ? shared : await dossierIn(probe.state, inScope);
              const body = { type, version: dossier.version, ...probe.body };
              const response = await call(role, 'POST', `/dossiers/${dossier.code}/events`, body);
              expectRuled(type, role, refused, response);
            }
          }
        } finally {
          await placeStaff('VHXH');
        }
      },
    );
  });

  describe('report events, by the workflow role rules', () => {
    type ReportStep =
      'open' | 'compiling' | 'submittedForApproval' | 'approved' | 'signed' | 'sent';
    /** A state that takes each user event, whom the report waits for there, and a payload. */
    const PROBES: Record<string, { state: ReportStep; awaiting: Role | null; body: object }> = {
      START_COMPILING: { state: 'open', awaiting: 'coordinator', body: {} },
      SUBMIT_FOR_APPROVAL: { state: 'compiling', awaiting: 'coordinator', body: {} },
      APPROVE: { state: 'submittedForApproval', awaiting: 'leader', body: {} },
      RETURN: { state: 'submittedForApproval', awaiting: 'leader', body: { reason: 'Bổ sung' } },
      SIGN: { state: 'approved', awaiting: 'chairman', body: {} },
      SEND: { state: 'signed', awaiting: 'coordinator', body: {} },
      CORRECT: { state: 'sent', awaiting: null, body: { reason: 'Đính chính số liệu' } },
    };
    const STEPS: [ReportStep, Role, string][] = [
      ['open', 'coordinator', 'START_COMPILING'],
      ['compiling', 'coordinator', 'SUBMIT_FOR_APPROVAL'],
      ['submittedForApproval', 'leader', 'APPROVE'],
      ['approved', 'chairman', 'SIGN'],
      ['signed', 'coordinator', 'SEND'],
    ];
    let year = 2000;

    /** A report (a month of its own year, so periods never clash) brought to `state`. */
    const reportIn = async (state: ReportStep) => {
      year += 1;
      const opened = await client.post('coordinator', '/reports', {
        kind: 'thang',
        year,
        index: 1,
      });
      expect([opened.status, opened.body.message]).toEqual([201, undefined]);
      let report = opened.body as { id: string; version: number };
      const send = async (role: Role, path: string, body: object) => {
        const response = await client.post(role, `/reports/${report.id}${path}`, {
          ...body,
          version: report.version,
        });
        expect([path, response.status, response.body.message]).toEqual([path, 200, undefined]);
        report = response.body;
      };
      for (const [from, role, type] of STEPS) {
        if (from === state) break;
        if (type === 'SUBMIT_FOR_APPROVAL') await send('coordinator', '/compile', {});
        await send(role, '/events', { type });
      }
      return report;
    };

    it('covers every user event of the workflow', () => {
      expect(Object.keys(PROBES).sort()).toEqual(
        REPORT_EVENT_TYPES.filter((type) => type !== 'COMPILE').sort(),
      );
    });

    it('answers 403 exactly where authorizeReport refuses', async () => {
      for (const [type, probe] of Object.entries(PROBES)) {
        const context = { awaiting: probe.awaiting } as ReportContext;
        const shared = await reportIn(probe.state);
        for (const role of ROLES) {
          const refused = authorizeReport(context, type, actorOf(role, true)) !== null;
          const report = refused ? shared : await reportIn(probe.state);
          const body = { type, version: report.version, ...probe.body };
          const response = await call(role, 'POST', `/reports/${report.id}/events`, body);
          expectRuled(type, role, refused, response);
        }
      }
    });
  });
});
