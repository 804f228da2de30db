import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
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

  async moveTo(local: string): Promise<void> {
    this.clock.set(vnTime(local));
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

  async report(reportId: string) {
    return (await this.client.get('officer', `/reports/${reportId}`)).body;
  }

  async reportEvent(username: string, reportId: string, body: object): Promise<void> {
    const { version } = await this.report(reportId);
    const response = await this.client.post(username, `/reports/${reportId}/events`, {
      ...body,
      version,
    });
    expect({ body, status: response.status, message: response.body.message }).toMatchObject({
      status: 200,
    });
  }

  async compile(reportId: string) {
    const { version } = await this.report(reportId);
    const response = await this.client.post('coordinator', `/reports/${reportId}/compile`, {
      version,
    });
    expect(response.status).toBe(200);
    return response.body;
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
