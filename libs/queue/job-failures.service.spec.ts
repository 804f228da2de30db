import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import { ManualClock } from '@cchc/common';
import { JobFailures } from './job-failures.service';

class FakeHost extends WorkerHost {
  async process(): Promise<void> {}
}

/** A worker host whose BullMQ worker is a bare event emitter named like its queue. */
function hostOf(name: string): { host: FakeHost; worker: EventEmitter } {
  const worker = Object.assign(new EventEmitter(), { name });
  const host = new FakeHost();
  (host as unknown as { _worker: Worker })._worker = worker as unknown as Worker;
  return { host, worker };
}

describe('JobFailures', () => {
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;
  const queries: unknown[][] = [];
  const dataSource = {
    query: jest.fn(async (sql: string, params: unknown[]) => {
      queries.push([sql, params]);
      return sql.startsWith('SELECT') ? [{ attempts: 2, dead_at: new Date() }] : {};
    }),
  } as unknown as DataSource;

  const listen = (hosts: WorkerHost[]) => {
    const discovery = {
      getProviders: () => hosts.map((instance) => ({ instance })),
    } as unknown as DiscoveryService;
    new JobFailures(discovery, dataSource, new ManualClock(new Date())).onApplicationBootstrap();
  };

  beforeEach(() => {
    queries.length = 0;
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('handles a worker error itself, so BullMQ never prints it as an unhandled stack trace', () => {
    const { host, worker } = hostOf('notifications');
    listen([host]);
    expect(() =>
      worker.emit('error', new Error('Missing key for job outbox-ab-7. moveToFinished')),
    ).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('relayed again from MySQL'));
    worker.emit('error', new Error('Connection is closed.'));
    expect(error).toHaveBeenCalledWith('notifications worker: Connection is closed.');
  });

  it('logs a failed attempt and counts it on its outbox row; a timer job has no row', async () => {
    const failures = new JobFailures(
      { getProviders: () => [] } as unknown as DiscoveryService,
      dataSource,
      new ManualClock(new Date()),
    );
    const job = (data: object) =>
      ({ id: 'x', name: 'notify', queueName: 'notifications', attemptsMade: 2, data }) as Job;
    await failures.recordFailure(job({ outboxId: '7' }), new Error('Data too long'));
    expect(queries[0]).toEqual([expect.stringContaining('UPDATE outbox'), expect.any(Array)]);
    expect(queries[0][1]).toEqual(expect.arrayContaining(['Data too long', '7']));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('is a dead letter'));
    queries.length = 0;
    await failures.recordFailure(job({ timerId: '3' }), new Error('boom'));
    expect(queries).toEqual([]);
  });
});
