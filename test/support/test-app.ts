import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Clock, ManualClock } from '@cchc/common';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApi } from '../../apps/api/src/create-api';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The API, in-process, with a clock the test moves. */
export async function startApi(
  clock: Clock = new ManualClock(new Date()),
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = configureApi(
    moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true }),
  );
  await app.init();
  return app;
}

/** The worker (outbox relay and job processors), in-process, with the same clock. */
export async function startWorker(
  clock: Clock = new ManualClock(new Date()),
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await moduleRef.init();
  return moduleRef;
}

/** Polls `probe` until it returns something truthy, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Unprocessed outbox rows plus timers due at `?`, counted in one statement (one snapshot): a
 * firing swaps its timer for outbox rows, and a job swaps its row for new timers, each in one
 * transaction, so two separate counts could both read zero while work moves between them.
 */
export const PENDING_WORK_SQL =
  'SELECT (SELECT COUNT(*) FROM outbox WHERE processed_at IS NULL) + ' +
  '(SELECT COUNT(*) FROM timers WHERE fire_at <= ?) AS n';
