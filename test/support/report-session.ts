import { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { TimerFeeder } from '@cchc/timers';
import { ApiClient } from './api-client';
import { eventually, PENDING_WORK_SQL } from './test-app';

/** A Vietnam local time ("2026-03-14T23:59:59.999") as an instant. */
export const vnTime = (local: string) => new Date(`${local}+07:00`);

/**
 * What the periodic-report suites do to the demo ward through the API, with a clock they move:
 * tasks, dossiers and reports stepped by their events, documents downloaded as bytes.
 */
export class ReportSession {
  readonly client: ApiClient;
  readonly db: DataSource;

  constructor(
    private readonly api: INestApplication,
    private readonly clock: ManualClock,
  ) {
    this.client = new ApiClient(api.getHttpServer());
    this.db = api.get(DataSource);
  }

  /** Nothing pending: no unprocessed outbox row, no timer due by the clock. */
  quiet(): Promise<unknown> {
    return eventually(
      async () => Number((await this.db.query(PENDING_WORK_SQL, [this.clock.now()]))[0].n) === 0,
      30_000,
      'an empty outbox and no due timer',
    );
  }

  /** With a worker, the timers due by then are fired at once, not at its next sweep. */
  async moveTo(local: string, worker?: INestApplicationContext): Promise<void> {
    this.clock.set(vnTime(local));
    if (worker) await this.fireDue(worker);
    else await this.quiet();
  }

  /** Has the worker fire every timer due by the clock now, then waits until all is quiet. */
  async fireDue(worker: INestApplicationContext): Promise<void> {
    const feeder = worker.get(TimerFeeder);
    feeder.resweep();
    await feeder.feedNow();
    await this.quiet();
  }

  /** Sends an event to a task at its current version; anything but 200 fails the test. */
  async task(username: string, taskId: string, body: object): Promise<void> {
    const { version } = (await this.client.get(username, `/tasks/${taskId}`)).body;
    const response = await this.client.post(username, `/tasks/${taskId}/events`, {
      ...body,
      version,
    });
    expect({ taskId, body, status: response.status, message: response.body.message }).toMatchObject(
      { status: 200 },
    );
  }

  /** Sends an event to a dossier at its current version; anything but 200 fails the test. */
  async dossier(username: string, code: string, body: object): Promise<void> {
    const { version } = (await this.client.get(username, `/dossiers/${code}`)).body;
    const response = await this.client.post(username, `/dossiers/${code}/events`, {
      ...body,
      version,
    });
    expect({ code, body, status: response.status, message: response.body.message }).toMatchObject({
      status: 200,
    });
  }

  /** Imports a plan's text as the coordinator; the import's response. */
  async importPlan(text: string): Promise<request.Response> {
    return request(this.api.getHttpServer())
      .post('/plans/import')
      .set('Authorization', `Bearer ${await this.client.login('coordinator')}`)
      .attach('file', Buffer.from(text), 'kh-2026.txt');
  }

  /** The procedure `receive` files dossiers under, handled by the unit given. */
  async addProcedure(handlingUnitId: string): Promise<void> {
    const procedure = await this.client.post('coordinator', '/procedures', {
      code: '1.000894',
      name: 'Đăng ký khai sinh',
      processingDays: 5,
      handlingUnitId,
    });
    expect(procedure.status).toBe(201);
  }

  /** A dossier received at the one-stop desk at a Vietnam local time; anything but 201 fails. */
  async receive(code: string, local: string) {
    const created = await this.client.post('one_stop_officer', '/dossiers', {
      code,
      procedureCode: '1.000894',
      applicant: { name: 'Nguyễn Thị Hằng' },
      receivedAt: `${local}+07:00`,
    });
    expect({ code, status: created.status, message: created.body.message }).toMatchObject({
      status: 201,
    });
    return created.body;
  }

  /** Opens a period's report as the coordinator; anything but 201 fails the test. */
  async open(kind: string, year: number, index: number) {
    const opened = await this.client.post('coordinator', '/reports', { kind, year, index });
    expect(opened.status).toBe(201);
    return opened.body;
  }

  async report(reportId: string) {
    return (await this.client.get('officer', `/reports/${reportId}`)).body;
  }

  /** Sends an event to a report at its current version, expecting `status`; the response body. */
  async reportEvent(username: string, reportId: string, body: object, status = 200) {
    const { version } = await this.report(reportId);
    const response = await this.client.post(username, `/reports/${reportId}/events`, {
      ...body,
      version,
    });
    expect({ body, status: response.status, message: response.body.message }).toMatchObject({
      status,
    });
    return response.body;
  }

  /** Compiles a report at its current version, expecting `status`; the response body. */
  async compile(reportId: string, status = 200) {
    const { version } = await this.report(reportId);
    const response = await this.client.post('coordinator', `/reports/${reportId}/compile`, {
      version,
    });
    expect({ reportId, status: response.status, message: response.body.message }).toMatchObject({
      status,
    });
    return response.body;
  }

  /**
   * Opens a period's report, starts compiling it and compiles it, all as the coordinator, the
   * compile expecting `status` (a refusal's message is the caller's to check): the report as
   * opened and the compile's response body.
   */
  async openAndCompile(kind: string, year: number, index: number, status = 200) {
    const opened = await this.open(kind, year, index);
    await this.reportEvent('coordinator', opened.id, { type: 'START_COMPILING' });
    return { opened, compiled: await this.compile(opened.id, status) };
  }

  /** A report's document (`format=docx|xlsx|json&revision=`), as bytes. */
  async document(reportId: string, query: string): Promise<request.Response> {
    return request(this.api.getHttpServer())
      .get(`/reports/${reportId}/document?${query}`)
      .set('Authorization', `Bearer ${await this.client.login('chairman')}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }
}
