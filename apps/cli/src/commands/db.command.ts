import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { loadConfig } from '@cchc/common';
import { prepareRuntime } from '@cchc/runtime';
import { usageError } from './usage-error';

/** `cli db migrate`: creates the database if needed and applies pending migrations. */
@SubCommand({ name: 'migrate', description: 'Tạo cơ sở dữ liệu (nếu chưa có) và chạy migration' })
export class DbMigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    const steps = await prepareRuntime(loadConfig(), { seedDemo: false, migrate: true });
    console.log(steps.length > 0 ? steps.join('\n') : 'database is up to date');
  }
}

@Command({ name: 'db', description: 'Cơ sở dữ liệu', subCommands: [DbMigrateCommand] })
export class DbCommand extends CommandRunner {
  async run(): Promise<void> {
    throw usageError('dùng: db migrate');
  }
}
