import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HttpException, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { EventRefusedError, StaleVersionError } from '@cchc/engine';
import { PLAN_KIND_LABELS } from '@cchc/domain';
import { PlanFile, PlanImportError, PlanProblem } from '@cchc/plan-import';
import { ImportOutcome, ImportPreview, PlanImportService } from '@cchc/plans';
import { checkDatabase, chooseImporter, chooseWard } from '../cli-importer';
import { PlanCliModule } from '../plan-cli.module';
import { parseWholeNumber, usageError } from './usage-error';

interface ImportOptions {
  ward?: string;
  year?: number;
  dryRun?: boolean;
  json?: boolean;
  plan?: string;
  confirm?: boolean;
  parIndex?: boolean;
  as?: string;
}

/**
 * `cli import <file> [--ward <code>] [--year <y>] [--dry-run] [--plan <id>] [--confirm] [--par-index] [--as <user>] [--json]`:
 * preview a plan's task table, import it, or amend a plan imported before.
 */
@Command({
  name: 'import',
  arguments: '<file>',
  description: 'Nhập bảng nhiệm vụ của kế hoạch CCHC (DOCX, XLSX, CSV, TXT)',
})
export class ImportCommand extends CommandRunner {
  async run([path]: string[], options: ImportOptions): Promise<void> {
    const data = await readFile(path).catch(() => {
      throw usageError(`Không đọc được tệp ${path}`);
    });
    const file: PlanFile = { fileName: basename(path), data };
    await checkDatabase();
    const app = await NestFactory.createApplicationContext(PlanCliModule, { logger: false });
    try {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const wardId = await chooseWard(dataSource, options.ward);
      const importer = await chooseImporter(dataSource, wardId, options.as);
      if (options.dryRun) {
        const preview = await this.imports(app).preview(importer, file, {
          year: options.year,
          planId: options.plan,
        });
        printPreview(preview, options.json);
        return;
      }
      const progress = progressBar(options.json);
      try {
        const outcome = await this.imports(app).import(importer, file, {
          year: options.year,
          planId: options.plan,
          confirm: options.confirm,
          kind: options.parIndex ? 'par_index' : undefined,
          onProgress: progress?.update,
        });
        progress?.stop();
        printOutcome(outcome, options.json);
      } finally {
        progress?.stop();
      }
    } catch (error) {
      throw asUsageError(error);
    } finally {
      await app.close();
    }
  }

  private imports(app: INestApplicationContext): PlanImportService {
    return app.get(PlanImportService);
  }

  @Option({
    flags: '--ward <code>',
    description: 'mã phường (mặc định: phường duy nhất trong cơ sở dữ liệu)',
  })
  parseWard(value: string): string {
    return value;
  }

  @Option({ flags: '--year <year>', description: 'năm của kế hoạch' })
  parseYear(value: string): number {
    return parseWholeNumber(value, '--year');
  }

  @Option({ flags: '--dry-run', description: 'chỉ xem trước, không ghi gì' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--plan <id>', description: 'điều chỉnh kế hoạch này (mặc định: cùng số)' })
  parsePlan(value: string): string {
    return value;
  }

  @Option({
    flags: '--par-index',
    description: 'kế hoạch thực hiện Chỉ số CCHC: số thứ tự là mã tiêu chí',
  })
  parseParIndex(): boolean {
    return true;
  }

  @Option({ flags: '--confirm', description: 'áp dụng các điều chỉnh của kế hoạch đã nhập' })
  parseConfirm(): boolean {
    return true;
  }

  @Option({
    flags: '--as <username>',
    description: 'người nhập (mặc định: công chức tham mưu duy nhất của phường)',
  })
  parseAs(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'in ra JSON' })
  parseJson(): boolean {
    return true;
  }
}

/** A bar on stderr while tasks are written; only for a person watching a terminal. */
function progressBar(
  json?: boolean,
): { update: (done: number, total: number) => void; stop: () => void } | null {
  if (json || !process.stderr.isTTY) return null;
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'Ghi nhiệm vụ [{bar}] {value}/{total}',
    hideCursor: true,
  });
  let started = false;
  return {
    update: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}

function problemLines(problems: PlanProblem[]): string[] {
  return problems.map(
    (problem) => `  dòng ${problem.row ?? '-'} [${problem.field ?? '-'}] ${problem.message}`,
  );
}

function printPreview(preview: ImportPreview, json?: boolean): void {
  if (json) {
    console.log(JSON.stringify(preview, null, 2));
    return;
  }
  console.log(
    `${preview.plan.title ?? '(không rõ tiêu đề)'} — số ${preview.plan.number ?? '(chưa có)'}, năm ${preview.plan.year}`,
  );
  // Rows, and the tasks they become (a row led by a group of units: one task per unit); a file
  // with errors is not imported, so it promises none.
  const refused = preview.errors.length > 0;
  const created = preview.matchedPlan ? 'nhiệm vụ mới' : 'nhiệm vụ sẽ được tạo';
  console.log(
    `${preview.tasks.length} dòng nhiệm vụ${refused ? '' : ` → ${preview.tasksToCreate} ${created}`}, trong ${preview.areas.length} lĩnh vực; ${preview.warnings.length} cảnh báo, ${preview.errors.length} lỗi`,
  );
  if (preview.matchedPlan)
    console.log(
      `Điều chỉnh kế hoạch đã nhập ${preview.matchedPlan.id} (${PLAN_KIND_LABELS[preview.matchedPlan.kind]})`,
    );
  if (!refused && preview.overdueOnImport > 0)
    console.log(
      `${preview.overdueOnImport} nhiệm vụ đã quá hạn ngay khi nhập (thời hạn trước ngày ${preview.today.split('-').reverse().join('/')}): hệ thống sẽ chuyển sang quá hạn, nhắc và chuyển cấp trên xử lý ngay`,
    );
  problemLines([...preview.errors, ...preview.warnings]).forEach((line) => console.log(line));
}

function printOutcome(outcome: ImportOutcome, json?: boolean): void {
  if (json) {
    console.log(JSON.stringify(outcome, null, 2));
    return;
  }
  if (outcome.status === 'created') {
    console.log(
      `Đã nhập kế hoạch ${outcome.planId}: ${outcome.tasks} nhiệm vụ trong ${outcome.areas} lĩnh vực; ${outcome.warnings.length} cảnh báo`,
    );
  } else {
    const { added, changed, removed, unchanged } = outcome.diff;
    console.log(
      `${outcome.status === 'diff' ? 'Kế hoạch đã được nhập trước đây' : 'Đã điều chỉnh kế hoạch'} ${outcome.planId}: ` +
        `${added.length} thêm, ${changed.length} thay đổi, ${removed.length} hủy, ${unchanged} giữ nguyên`,
    );
    added.forEach((task) => console.log(`  + ${task.area ?? ''} ${task.ordinal} ${task.title}`));
    for (const task of changed) {
      console.log(`  ~ ${task.area ?? ''} ${task.ordinal} ${task.title}`);
      task.fields.forEach((field) =>
        console.log(`      ${field.field}: '${field.before ?? ''}' → '${field.after ?? ''}'`),
      );
    }
    removed.forEach((task) => console.log(`  - ${task.area ?? ''} ${task.ordinal} ${task.title}`));
    const { before, after } = outcome.diff.kind;
    if (before !== after)
      console.log(`  Loại kế hoạch: ${PLAN_KIND_LABELS[before]} → ${PLAN_KIND_LABELS[after]}`);
    if (outcome.status === 'diff') console.log('Chạy lại với --confirm để áp dụng.');
  }
  problemLines(outcome.warnings).forEach((line) => console.log(line));
}

/** What the person can act on, as one message; anything else is a bug and keeps its stack. */
function asUsageError(error: unknown): unknown {
  if (error instanceof PlanImportError)
    return usageError(['Không nhập được kế hoạch:', ...problemLines(error.problems)].join('\n'));
  if (error instanceof HttpException) {
    const body = error.getResponse();
    return usageError(
      typeof body === 'string' ? body : String((body as { message?: unknown }).message),
    );
  }
  if (error instanceof EventRefusedError || error instanceof StaleVersionError)
    return usageError(error.message);
  return error;
}
