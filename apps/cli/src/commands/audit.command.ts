import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DataSource } from 'typeorm';
import {
  AuditCheckpoints,
  AuditModule,
  AuditVerification,
  BundleError,
  instantsOf,
  parsePublicKey,
  VerifyReport,
  verifyBundle,
} from '@cchc/audit';
import { isIsoDate } from '@cchc/calendar';
import { CommonModule } from '@cchc/common';
import { DatabaseModule } from '@cchc/database';
import { checkDatabase } from '../cli-importer';
import { usageError } from './usage-error';

/** What the audit commands need: the database and the audit key (no queues). */
@Module({ imports: [CommonModule, DatabaseModule, AuditModule] })
class AuditCliModule {}

async function withAudit<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  await checkDatabase();
  const app = await NestFactory.createApplicationContext(AuditCliModule, { logger: false });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function wardIdOf(app: INestApplicationContext, code?: string): Promise<string | undefined> {
  if (code === undefined) return undefined;
  const [ward] = (await app
    .get(DataSource)
    .query('SELECT id FROM wards WHERE code = ?', [code])) as { id: string }[];
  if (!ward) throw usageError(`Không có phường mã "${code}"`);
  return ward.id;
}

function dateOption(value: string, name: string): string {
  if (!isIsoDate(value))
    throw usageError(`${name} phải là ngày dạng YYYY-MM-DD (nhận được "${value}")`);
  return value;
}

/** Prints the report: the first break named in Vietnamese (exit 1), or the figures. */
function printReport(
  report: VerifyReport & { eventsPerSecond: number; eventsPerCpuSecond: number },
  json?: boolean,
): void {
  if (json) console.log(JSON.stringify(report));
  const speed =
    `; ${report.eventsPerSecond.toLocaleString('vi-VN')} sự kiện/giây ` +
    `(${report.eventsPerCpuSecond.toLocaleString('vi-VN')} sự kiện mỗi giây CPU)`;
  const figures = `${report.events} sự kiện, ${report.instances} chuỗi, ${report.checkpoints} điểm kiểm tra${speed}`;
  if (report.ok) {
    if (!json) console.log(`Nhật ký nguyên vẹn: ${figures}`);
    return;
  }
  const [first] = report.breaks;
  console.error(
    `Nhật ký đã bị thay đổi: ${first.message} (${report.breaks.length} chỗ hỏng; ${figures})`,
  );
  process.exitCode = 1;
}

interface RangeOptions {
  ward?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

/** `cli audit verify [--ward <code>] [--from <date>] [--to <date>] [--json]` */
@SubCommand({
  name: 'verify',
  description: 'Kiểm tra chuỗi băm và điểm kiểm tra của nhật ký trong cơ sở dữ liệu',
})
export class AuditVerifyCommand extends CommandRunner {
  async run(_: string[], options: RangeOptions): Promise<void> {
    const report = await withAudit(async (app) =>
      app.get(AuditVerification).verify({
        wardId: await wardIdOf(app, options.ward),
        ...instantsOf(options.from, options.to),
      }),
    );
    printReport(report, options.json);
  }

  @Option({ flags: '--ward <code>', description: 'Chỉ một phường' })
  parseWard(value: string): string {
    return value;
  }

  @Option({ flags: '--from <date>', description: 'Từ ngày (YYYY-MM-DD)' })
  parseFrom(value: string): string {
    return dateOption(value, '--from');
  }

  @Option({ flags: '--to <date>', description: 'Đến ngày (YYYY-MM-DD)' })
  parseTo(value: string): string {
    return dateOption(value, '--to');
  }

  @Option({ flags: '--json' })
  parseJson(): boolean {
    return true;
  }
}

/** `cli audit verify-bundle <file> [--key <public key file>] [--json]`: offline, no database. */
@SubCommand({
  name: 'verify-bundle',
  arguments: '<file>',
  description: 'Kiểm tra gói nhật ký đã xuất (không cần cơ sở dữ liệu)',
})
export class AuditVerifyBundleCommand extends CommandRunner {
  async run([file]: string[], options: { key?: string; json?: boolean }): Promise<void> {
    let trusted;
    try {
      trusted = options.key ? parsePublicKey(readFileSync(options.key, 'utf8')) : undefined;
    } catch (error) {
      throw usageError(`Không đọc được khóa công khai ${options.key}: ${(error as Error).message}`);
    }
    const input = createReadStream(file);
    const opened = new Promise<void>((resolve, reject) => {
      input.once('open', () => resolve());
      input.once('error', reject);
    });
    await opened.catch((error: Error) => {
      throw usageError(`Không mở được tệp ${file}: ${error.message}`);
    });
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    try {
      const report = await verifyBundle(createInterface({ input, crlfDelay: Infinity }), trusted);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const { user, system } = process.cpuUsage(cpu);
      const { header: _header, ...rest } = report;
      printReport(
        {
          ...rest,
          eventsPerSecond: Math.round(report.events / seconds),
          eventsPerCpuSecond: Math.round(report.events / ((user + system) / 1e6 || 1e-6)),
        },
        options.json,
      );
    } catch (error) {
      if (error instanceof BundleError) throw usageError(`${file}: ${error.message}`);
      throw error;
    }
  }

  @Option({
    flags: '--key <file>',
    description: 'Khóa công khai tin cậy (PEM); mặc định khóa ghi trong gói',
  })
  parseKey(value: string): string {
    return value;
  }

  @Option({ flags: '--json' })
  parseJson(): boolean {
    return true;
  }
}

/** `cli audit checkpoint [--ward <code>]`: a signed checkpoint now (every ward by default). */
@SubCommand({ name: 'checkpoint', description: 'Tạo điểm kiểm tra đã ký của nhật ký ngay bây giờ' })
export class AuditCheckpointCommand extends CommandRunner {
  async run(_: string[], options: { ward?: string }): Promise<void> {
    const made = await withAudit(async (app) => {
      const checkpoints = app.get(AuditCheckpoints);
      const wardId = await wardIdOf(app, options.ward);
      return wardId
        ? [await checkpoints.checkpoint(wardId, 'on-demand')]
        : checkpoints.checkpointAll('on-demand');
    });
    for (const checkpoint of made)
      console.log(
        `${checkpoint.scope}\t${checkpoint.day}\t${checkpoint.instanceCount} chuỗi\t${checkpoint.root}`,
      );
  }

  @Option({ flags: '--ward <code>', description: 'Chỉ một phường' })
  parseWard(value: string): string {
    return value;
  }
}

@Command({
  name: 'audit',
  description: 'Nhật ký chống sửa đổi: kiểm tra, điểm kiểm tra',
  subCommands: [AuditVerifyCommand, AuditVerifyBundleCommand, AuditCheckpointCommand],
})
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    throw usageError(
      'dùng: audit verify [--ward <mã>] [--from <ngày>] [--to <ngày>] | audit verify-bundle <tệp> ' +
        '[--key <tệp>] | audit checkpoint [--ward <mã>]',
    );
  }
}
