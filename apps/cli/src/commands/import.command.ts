import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { Command, CommandRunner, Option } from 'nest-commander';
import { loadConfig } from '@cchc/common';
import { PlanImportError, PlanPreview } from '@cchc/plan-import';
import { previewPlan } from '@cchc/plans';
import { parseWholeNumber, usageError } from './usage-error';

interface ImportOptions {
  ward?: string;
  year?: number;
  dryRun?: boolean;
  json?: boolean;
}

/** `cli import <file> [--ward <code>] [--year <planYear>] --dry-run [--json]`: preview a plan's task table. */
@Command({
  name: 'import',
  arguments: '<file>',
  description: 'Nhập bảng nhiệm vụ của kế hoạch CCHC (DOCX, XLSX, CSV, TXT)',
})
export class ImportCommand extends CommandRunner {
  async run([path]: string[], options: ImportOptions): Promise<void> {
    if (!options.dryRun)
      throw usageError('Chưa hỗ trợ ghi kế hoạch từ dòng lệnh; hãy thêm --dry-run để xem trước.');
    const data = await readFile(path).catch(() => {
      throw usageError(`Không đọc được tệp ${path}`);
    });
    const units = await wardUnits(options.ward);
    let preview: PlanPreview;
    try {
      preview = await previewPlan({
        file: { fileName: basename(path), data },
        units,
        year: options.year,
      });
    } catch (error) {
      if (error instanceof PlanImportError) throw usageError(error.message);
      throw error;
    }
    if (options.json) {
      console.log(JSON.stringify(preview, null, 2));
      return;
    }
    console.log(
      `${preview.plan.title ?? '(không rõ tiêu đề)'} — số ${preview.plan.number ?? '(chưa có)'}, năm ${preview.plan.year}`,
    );
    console.log(
      `${preview.tasks.length} nhiệm vụ trong ${preview.areas.length} lĩnh vực; ${preview.warnings.length} cảnh báo, ${preview.errors.length} lỗi`,
    );
    for (const problem of [...preview.errors, ...preview.warnings]) {
      console.log(`  dòng ${problem.row ?? '-'} [${problem.field}] ${problem.message}`);
    }
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

  @Option({ flags: '--json', description: 'in ra JSON' })
  parseJson(): boolean {
    return true;
  }
}

/** The ward's units, read straight from the database the API uses. */
async function wardUnits(wardCode?: string): Promise<{ id: string; code: string; name: string }[]> {
  const connection = await createConnection({
    uri: loadConfig().databaseUrl,
    connectTimeout: 3000,
  }).catch((error) => {
    throw usageError(
      `Không kết nối được cơ sở dữ liệu (${error.code ?? error}); chạy "npm start" hoặc đặt DATABASE_URL.`,
    );
  });
  try {
    const [wards] = (await connection.query(
      wardCode ? 'SELECT id, code FROM wards WHERE code = ?' : 'SELECT id, code FROM wards',
      wardCode ? [wardCode] : [],
    )) as unknown as [{ id: string; code: string }[]];
    if (wards.length === 0)
      throw usageError(
        wardCode ? `Không có phường mã "${wardCode}"` : 'Chưa có phường nào trong cơ sở dữ liệu',
      );
    if (wards.length > 1) throw usageError(`Có ${wards.length} phường; chọn một bằng --ward <mã>`);
    const [units] = await connection.query(
      'SELECT id, code, name FROM org_units WHERE ward_id = ?',
      [wards[0].id],
    );
    return units as { id: string; code: string; name: string }[];
  } finally {
    await connection.end();
  }
}
