import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HttpException, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DataSource } from 'typeorm';
import { CommonModule } from '@cchc/common';
import { ROLES, SYSTEM_ACTOR } from '@cchc/domain';
import { DatabaseModule } from '@cchc/database';
import {
  AccountService,
  CreateWardDto,
  ProvisionedAccountView,
  ProvisioningModule,
  StaffImportService,
  UnitImportService,
  WardService,
} from '@cchc/provisioning';
import { checkDatabase, chooseWard } from '../cli-importer';
import { usageError } from './usage-error';

/*
 * The operator's provisioning commands (on the server, with the database's credentials): they
 * act as the system (audited with actor `system`) and may give every role, the system
 * administrator's included, so that an empty database can get its first accounts.
 */

@Module({ imports: [CommonModule, DatabaseModule, ProvisioningModule] })
class ProvisioningCliModule {}

async function withProvisioning<T>(work: (app: INestApplicationContext) => Promise<T>) {
  await checkDatabase();
  const app = await NestFactory.createApplicationContext(ProvisioningCliModule, { logger: false });
  try {
    return await work(app);
  } catch (error) {
    throw asUsageError(error);
  } finally {
    await app.close();
  }
}

/** The API's refusals (400 with row problems, 409) as one block of lines, exit code 2. */
function asUsageError(error: unknown): unknown {
  if (!(error instanceof HttpException)) return error;
  const body = error.getResponse() as
    string | { message?: unknown; problems?: { row: number | null; message: string }[] };
  if (typeof body === 'string') return usageError(body);
  const lines = (body.problems ?? []).map(
    (problem) => `  ${problem.row === null ? 'tệp' : `dòng ${problem.row}`}: ${problem.message}`,
  );
  const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message);
  return usageError([message, ...lines].join('\n'));
}

async function readSheet(path: string) {
  const data = await readFile(path).catch(() => {
    throw usageError(`Không đọc được tệp ${path}`);
  });
  return { fileName: basename(path), data };
}

const wardOf = (app: INestApplicationContext, code?: string) =>
  chooseWard(app.get<DataSource>(getDataSourceToken()), code);

/** One line per account: the one-time password is shown here only. */
function printAccounts(accounts: ProvisionedAccountView[], json?: boolean): void {
  if (json) {
    console.log(JSON.stringify(accounts));
    return;
  }
  console.log('Tên đăng nhập\tHọ và tên\tVai trò\tMật khẩu dùng một lần');
  for (const account of accounts)
    console.log(
      `${account.username}\t${account.fullName}\t${account.role}\t${account.oneTimePassword}`,
    );
  console.log('Mật khẩu chỉ hiện lần này; người dùng phải đổi mật khẩu ở lần đăng nhập đầu.');
}

interface WardOptions {
  province?: string;
  admin?: string;
  adminName?: string;
  json?: boolean;
}

/** `cli ward create <code> <name> [--province <p>] [--admin <username> --admin-name <name>]`. */
@SubCommand({
  name: 'create',
  arguments: '<code> <name>',
  description: 'Tạo phường/xã (và quản trị đơn vị đầu tiên)',
})
export class WardCreateCommand extends CommandRunner {
  async run([code, name]: string[], options: WardOptions): Promise<void> {
    if (Boolean(options.admin) !== Boolean(options.adminName))
      throw usageError('--admin và --admin-name đi cùng nhau');
    const dto = plainToInstance(CreateWardDto, {
      code,
      name,
      province: options.province,
      admin: options.admin ? { username: options.admin, fullName: options.adminName } : undefined,
    });
    const errors = await validate(dto);
    if (errors.length > 0) {
      const messages = errors.flatMap((error) => [
        ...Object.values(error.constraints ?? {}),
        ...(error.children ?? []).flatMap((child) => Object.values(child.constraints ?? {})),
      ]);
      throw usageError(messages.join('; '));
    }
    const created = await withProvisioning((app) => app.get(WardService).create(SYSTEM_ACTOR, dto));
    if (options.json) return console.log(JSON.stringify(created));
    console.log(`Đã tạo ${created.ward.name} (mã ${created.ward.code})`);
    if (created.admin) printAccounts([created.admin]);
  }

  @Option({ flags: '--province <name>', description: 'tỉnh/thành phố' })
  parseProvince(value: string): string {
    return value;
  }

  @Option({ flags: '--admin <username>', description: 'tên đăng nhập của quản trị đơn vị' })
  parseAdmin(value: string): string {
    return value;
  }

  @Option({ flags: '--admin-name <fullName>', description: 'họ và tên của quản trị đơn vị' })
  parseAdminName(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'in ra JSON' })
  parseJson(): boolean {
    return true;
  }
}

@Command({ name: 'ward', description: 'Phường/xã', subCommands: [WardCreateCommand] })
export class WardCommand extends CommandRunner {
  async run(): Promise<void> {
    throw usageError(
      'dùng: ward create <mã> <tên> [--province <tỉnh>] [--admin <tên đăng nhập> --admin-name <họ tên>]',
    );
  }
}

interface SheetOptions {
  ward?: string;
  json?: boolean;
}

abstract class SheetCommand extends CommandRunner {
  @Option({
    flags: '--ward <code>',
    description: 'mã phường (mặc định: phường duy nhất trong cơ sở dữ liệu)',
  })
  parseWard(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'in ra JSON' })
  parseJson(): boolean {
    return true;
  }
}

/** `cli units import <xlsx|csv> [--ward <code>]`: columns Mã đơn vị, Tên đơn vị. */
@SubCommand({
  name: 'import',
  arguments: '<file>',
  description: 'Nhập đơn vị của phường từ tệp CSV/XLSX (Mã đơn vị, Tên đơn vị)',
})
export class UnitsImportCommand extends SheetCommand {
  async run([path]: string[], options: SheetOptions): Promise<void> {
    const file = await readSheet(path);
    const result = await withProvisioning(async (app) =>
      app.get(UnitImportService).import(SYSTEM_ACTOR, await wardOf(app, options.ward), file),
    );
    if (options.json) return console.log(JSON.stringify(result));
    console.log(`Đã nhập đơn vị: ${result.created} mới, ${result.updated} đổi tên`);
  }
}

@Command({ name: 'units', description: 'Đơn vị của phường', subCommands: [UnitsImportCommand] })
export class UnitsCommand extends CommandRunner {
  async run(): Promise<void> {
    throw usageError('dùng: units import <tệp.xlsx|tệp.csv> [--ward <mã>]');
  }
}

/** `cli users import <xlsx|csv> [--ward <code>]`: all accounts or none, one-time passwords printed. */
@SubCommand({
  name: 'import',
  arguments: '<file>',
  description:
    'Nhập tài khoản cán bộ từ tệp CSV/XLSX (Họ và tên, Tên đăng nhập, Vai trò, Đơn vị, Email, Số điện thoại)',
})
export class UsersImportCommand extends SheetCommand {
  async run([path]: string[], options: SheetOptions): Promise<void> {
    const file = await readSheet(path);
    const result = await withProvisioning(async (app) =>
      app
        .get(StaffImportService)
        .import(SYSTEM_ACTOR, await wardOf(app, options.ward), file, ROLES),
    );
    printAccounts(result.created, options.json);
  }
}

/** `cli users reset-password <username>`: a new one-time password (an admin who forgot theirs). */
@SubCommand({
  name: 'reset-password',
  arguments: '<username>',
  description: 'Cấp lại mật khẩu dùng một lần',
})
export class UsersResetPasswordCommand extends CommandRunner {
  async run([username]: string[], options: { json?: boolean }): Promise<void> {
    const account = await withProvisioning(async (app) => {
      const rows = (await app
        .get<DataSource>(getDataSourceToken())
        .query('SELECT id, ward_id FROM users WHERE username = ?', [username])) as {
        id: string;
        ward_id: string;
      }[];
      if (rows.length === 0) throw usageError(`Không có tài khoản "${username}"`);
      return app
        .get(AccountService)
        .resetPassword(SYSTEM_ACTOR, rows[0].ward_id, rows[0].id, ROLES);
    });
    printAccounts([account], options.json);
  }

  @Option({ flags: '--json', description: 'in ra JSON' })
  parseJson(): boolean {
    return true;
  }
}

@Command({
  name: 'users',
  description: 'Tài khoản cán bộ',
  subCommands: [UsersImportCommand, UsersResetPasswordCommand],
})
export class UsersCommand extends CommandRunner {
  async run(): Promise<void> {
    throw usageError(
      'dùng: users import <tệp.xlsx|tệp.csv> [--ward <mã>] | users reset-password <tên đăng nhập>',
    );
  }
}

export const PROVISIONING_COMMANDS = [
  WardCommand,
  WardCreateCommand,
  UnitsCommand,
  UnitsImportCommand,
  UsersCommand,
  UsersImportCommand,
  UsersResetPasswordCommand,
];
