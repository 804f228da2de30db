import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Page } from 'playwright-core';
import { Clock } from '@cchc/common';
import { ApiClient } from './api-client';
import { ConsoleBrowser, MotionPreference, VIEWPORTS } from './browser';
import { freshEnvironment } from './e2e-env';
import { startApi, startWorker } from './test-app';

/** What a browser suite drives: the API serving the built console, its address, Chromium. */
export interface ConsoleSuite {
  api: INestApplication;
  /** http://127.0.0.1:<port> of the API, which serves the console too. */
  baseUrl: string;
  client: ApiClient;
  newPage(viewport?: keyof typeof VIEWPORTS, reducedMotion?: MotionPreference): Promise<Page>;
  /** Starts the worker on the suite's clock (closed with the suite). */
  startWorker(): Promise<INestApplicationContext>;
}

/**
 * The hooks of a browser suite: before all, a fresh database (`name`), the API on a free port
 * and Chromium, then `setup` (data the suite needs, before the first page opens); after each
 * test, no page may have logged a console error; after all, everything is closed.
 */
export function consoleSuite(
  name: string,
  clock: Clock,
  setup?: (suite: ConsoleSuite) => Promise<void>,
): ConsoleSuite {
  const chromium = new ConsoleBrowser();
  let worker: INestApplicationContext | null = null;
  const suite = {
    newPage: (viewport, reducedMotion) => chromium.newPage(viewport, reducedMotion),
    startWorker: async () => (worker = await startWorker(clock)),
  } as ConsoleSuite;

  beforeAll(async () => {
    await freshEnvironment(name);
    suite.api = await startApi(clock);
    await suite.api.listen(0, '127.0.0.1');
    suite.baseUrl = (await suite.api.getUrl()).replace('[::1]', '127.0.0.1');
    suite.client = new ApiClient(suite.api.getHttpServer());
    await setup?.(suite);
    await chromium.launch();
  });

  afterAll(async () => {
    await chromium.close();
    await worker?.close();
    await suite.api?.close();
  });

  afterEach(() => {
    expect(chromium.takeErrors()).toEqual([]);
  });

  return suite;
}
