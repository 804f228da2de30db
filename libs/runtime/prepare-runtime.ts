import { DataSource } from 'typeorm';
import { AppConfig, checkServices, StartupError } from '@cchc/common';
import { dataSourceOptions, hasPendingMigrations, prepareDatabase } from '@cchc/database';
import { seedDemoWard } from '@cchc/org';

/** Thrown when MySQL or Redis is missing; its message is the one line to show. */
export class ServicesUnavailableError extends StartupError {}

/**
 * What every process does before it starts: check that MySQL and Redis answer, create the
 * database and run pending migrations (unless MIGRATE_ON_START=false; `db migrate` always does), and (when DEMO_SEED is on: development, tests) seed the
 * demo ward into an empty database. Returns what it did, for the start-up log.
 */
export async function prepareRuntime(
  config: AppConfig,
  options: { seedDemo: boolean; migrate?: boolean },
): Promise<string[]> {
  const problems = await checkServices(config);
  if (problems.length > 0) throw new ServicesUnavailableError(problems.join('\n'));
  const migrate = options.migrate ?? config.migrateOnStart;
  const done = migrate
    ? (await prepareDatabase(config.databaseUrl)).map((name) => `migrated ${name}`)
    : [];
  if (!migrate && (await hasPendingMigrations(config.databaseUrl))) {
    throw new StartupError(
      'the database schema is older than this build: run the migration step first ' +
        '(`npm run -s cli:prod -- db migrate`, or MIGRATE_ON_START=true)',
    );
  }
  if (options.seedDemo && config.demoSeed) {
    const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
    try {
      if (await seedDemoWard(dataSource, config.demoPassword))
        done.push('created the demo ward and its users');
    } finally {
      await dataSource.destroy();
    }
  }
  return done;
}

/** Runs `main`, turning a start-up problem (a missing service or setting) into one clear line and exit code 1. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof StartupError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}

/** Listens on `port`, or a StartupError naming the port when another process holds it. */
export async function listenOn(
  name: string,
  port: number,
  listen: (port: number) => Promise<unknown>,
): Promise<void> {
  try {
    await listen(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(
        `${name}: cổng ${port} đang được một tiến trình khác dùng; hãy dừng tiến trình đó hoặc đặt PORT khác ` +
          `(port ${port} is already in use)`,
      );
    }
    throw error;
  }
}

/**
 * SIGTERM (or SIGINT): stop taking new work, finish what is in flight (Nest's close runs every
 * shutdown hook: the HTTP server stops accepting and waits for its requests, BullMQ workers wait
 * for their active jobs), then exit 0 — or 1 if that takes longer than `graceMs`.
 */
export function closeOnSignals(
  name: string,
  app: { close(): Promise<unknown> },
  graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000),
): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.log(`${name}: ${signal}: finishing the work in flight, then stopping`);
    setTimeout(() => {
      console.error(`${name}: still busy after ${graceMs} ms; stopping anyway`);
      process.exit(1);
    }, graceMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));
}
