import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ServicesUnavailableError } from '@cchc/runtime';
import { CliModule } from './cli.module';
import { UsageError } from './commands/usage-error';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: ['error'],
    errorHandler: fail,
    serviceErrorHandler: fail,
  });
}

/** One line for what the user can fix; the stack only for real bugs. */
function fail(error: Error): never {
  if (error instanceof UsageError || error instanceof ServicesUnavailableError) {
    console.error(error.message);
    process.exit(2);
  }
  if ((error as { code?: string }).code?.startsWith('commander.'))
    process.exit(error.message.includes('(outputHelp)') ? 0 : 2);
  console.error(error.message || error);
  process.exit(1);
}

void main();
