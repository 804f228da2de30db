import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HttpException, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DataSource } from 'typeorm';
import { CommonModule } from '@cchc/common';
import { DatabaseModule } from '@cchc/database';
import { ParCriteriaService, readCriteriaFile } from '@cchc/par-index';
import { checkDatabase, chooseImporter, chooseWard } from '../cli-importer';
import { parseWholeNumber, usageError } from './usage-error';

/** What `cli par load` needs: the database and the criteria service the API uses. */
@Module({ imports: [CommonModule, DatabaseModule], providers: [ParCriteriaService] })
class ParCliModule {}

interface LoadOptions {
  ward?: string;
  as?: string;
  issuer?: string;
  year?: number;
  json?: boolean;
}

/** `cli par load <file> [--issuer <name>] [--year <y>] [--ward <code>] [--as <user>] [--json]`. */
@SubCommand({
  name: 'load',
  arguments: '<file>',
  description: 'Nạp bộ tiêu chí Chỉ số CCHC (JSON, XLSX, CSV) cho phường',
})
export class ParLoadCommand extends CommandRunner {
  async run([path]: string[], options: LoadOptions): Promise<void> {
    const data = await readFile(path).catch(() => {
      throw usageError(`Không đọc được tệp ${path}`);
    });
    await checkDatabase();
    const app = await NestFactory.createApplicationContext(ParCliModule, { logger: false });
    try {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const wardId = await chooseWard(dataSource, options.ward);
      const user = await chooseImporter(dataSource, wardId, options.as);
      const upload = await readCriteriaFile(
        { fileName: basename(path), data },
        { issuer: options.issuer, year: options.year },
      );
      const loaded = await app.get(ParCriteriaService).load(user, upload);
      console.log(
        options.json
          ? JSON.stringify(loaded, null, 2)
          : `Đã nạp ${loaded.criteria} tiêu chí năm ${loaded.year} (${loaded.issuer}); ` +
              `${loaded.linkedToTasks} tiêu chí có nhiệm vụ cùng mã`,
      );
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      const body = error.getResponse() as {
        message?: unknown;
        problems?: { row: number; field: string; message: string }[];
      };
      const lines = (body.problems ?? []).map((p) => `  dòng ${p.row} [${p.field}] ${p.message}`);
      throw usageError([String(body.message ?? body), ...lines].join('\n'));
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--issuer <name>', description: 'cơ quan ban hành bộ tiêu chí (tệp XLSX/CSV)' })
  parseIssuer(value: string): string {
    return value;
  }

  @Option({ flags: '--year <year>', description: 'năm đánh giá (tệp XLSX/CSV)' })
  parseYear(value: string): number {
    return parseWholeNumber(value, '--year');
  }

  @Option({ flags: '--ward <code>', description: 'mã phường (mặc định: phường duy nhất)' })
  parseWard(value: string): string {
    return value;
  }

  @Option({
    flags: '--as <username>',
    description: 'người nạp (mặc định: công chức tham mưu duy nhất)',
  })
  parseAs(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'in ra JSON' })
  parseJson(): boolean {
    return true;
  }
}

@Command({
  name: 'par',
  description: 'Chỉ số cải cách hành chính (PAR Index)',
  subCommands: [ParLoadCommand],
})
export class ParCommand extends CommandRunner {
  async run(): Promise<void> {
    throw usageError('Dùng: par load <tệp>');
  }
}

export const PAR_COMMANDS = [ParCommand, ParLoadCommand];
