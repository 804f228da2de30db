import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { CommonModule } from '@cchc/common';
import { DatabaseModule } from '@cchc/database';
import { OutboxDeadLetters } from '@cchc/queue';
import { checkDatabase } from '../cli-importer';
import { usageError } from './usage-error';

/** What the outbox commands need: the database only (the worker relays what they change). */
@Module({ imports: [CommonModule, DatabaseModule], providers: [OutboxDeadLetters] })
class OutboxCliModule {}

async function withDeadLetters<T>(work: (deadLetters: OutboxDeadLetters) => Promise<T>) {
  await checkDatabase();
  const app: INestApplicationContext = await NestFactory.createApplicationContext(OutboxCliModule, {
    logger: false,
  });
  try {
    return await work(app.get(OutboxDeadLetters));
  } finally {
    await app.close();
  }
}

/** `cli outbox dead-letters [--json]`: jobs that failed every attempt. */
@SubCommand({ name: 'dead-letters', description: 'Liệt kê các tác vụ đã thất bại hết số lần thử' })
export class OutboxDeadLettersCommand extends CommandRunner {
  async run(_: string[], options: { json?: boolean }): Promise<void> {
    const letters = await withDeadLetters((deadLetters) => deadLetters.list());
    if (options.json) return console.log(JSON.stringify(letters));
    if (letters.length === 0) return console.log('Không có tác vụ nào trong hàng thư chết');
    for (const letter of letters)
      console.log(
        `${letter.id}\t${letter.queue}/${letter.jobName}\t${letter.attempts} lần\t` +
          `${letter.deadAt.toISOString()}\t${letter.lastError ?? ''}`,
      );
  }

  @Option({ flags: '--json' })
  parseJson(): boolean {
    return true;
  }
}

/** `cli outbox retry <id...|--all>`: sends dead letters again, with a fresh set of attempts. */
@SubCommand({
  name: 'retry',
  arguments: '[ids...]',
  description: 'Gửi lại các tác vụ trong hàng thư chết',
})
export class OutboxRetryCommand extends CommandRunner {
  async run(ids: string[], options: { all?: boolean }): Promise<void> {
    if (Boolean(options.all) === ids.length > 0)
      throw usageError('dùng: outbox retry <mã...> | --all');
    const bad = ids.find((id) => !/^[1-9]\d{0,17}$/.test(id));
    if (bad) throw usageError(`mã dòng outbox phải là số nguyên dương (nhận được "${bad}")`);
    const retried = await withDeadLetters((deadLetters) =>
      deadLetters.retry(options.all ? 'all' : ids),
    );
    const missing = ids.filter((id) => !retried.includes(id));
    console.log(
      `Đã gửi lại ${retried.length} tác vụ${retried.length ? `: ${retried.join(', ')}` : ''}`,
    );
    if (missing.length > 0) throw usageError(`Không phải thư chết: ${missing.join(', ')}`);
  }

  @Option({ flags: '--all' })
  parseAll(): boolean {
    return true;
  }
}

@Command({
  name: 'outbox',
  description: 'Hàng đợi outbox',
  subCommands: [OutboxDeadLettersCommand, OutboxRetryCommand],
})
export class OutboxCommand extends CommandRunner {
  async run(): Promise<void> {
    throw usageError('dùng: outbox dead-letters [--json] | outbox retry <mã...> | --all');
  }
}
