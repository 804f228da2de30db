import { DataSource } from 'typeorm';
import { AppConfig, checkServices } from '@cchc/common';
import { dataSourceOptions, prepareDatabase } from '@cchc/database';
import { seedDemoWard } from '@cchc/org';

/** Thrown when MySQL or Redis is missing; its message is the one line to show. */
export class ServicesUnavailableError extends Error {}

/**
 * What every process does before it starts: check that MySQL and Redis answer, create the
 * database and run pending migrations, and (outside production) seed the demo ward into an
 * empty database. Returns what it did, for the start-up log.
 */
export async function prepareRuntime(
  config: AppConfig,
  options: { seedDemo: boolean },
): Promise<string[]> {
  const problems = await checkServices(config.databaseUrl, config.redisUrl);
  if (problems.length > 0) throw new ServicesUnavailableError(problems.join('\n'));
  const done = (await prepareDatabase(config.databaseUrl)).map((name) => `migrated ${name}`);
  if (options.seedDemo && !config.isProduction) {
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

/** Runs `main`, turning a missing service into one clear line and exit code 1. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof ServicesUnavailableError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}
