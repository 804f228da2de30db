import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { AuthUser } from '@cchc/auth';
import { APP_CONFIG, AppConfig } from '@cchc/common';
import { BulkFormat, CheckedLine, readBulkLines } from './bulk-lines';
import { DossierService } from './dossier.service';

/** Lines received at the same time. */
const BULK_CONCURRENCY = 8;

export interface BulkLineReport {
  line: number;
  code: string | null;
  /** `failed`: the server could not write this line (nothing of it was written); send it again. */
  status: 'created' | 'existing' | 'rejected' | 'failed';
  message?: string;
  appointmentDate?: string;
}

export interface BulkReport {
  created: number;
  existing: number;
  rejected: number;
  failed: number;
  lines: BulkLineReport[];
}

/**
 * Bulk intake from the one-stop system: every line is received on its own through
 * DossierService.create (its own transaction), so a bad line is reported with its reason and
 * the others go ahead, and the answer is a per-line report, never a 500 after some lines were
 * written.
 */
@Injectable()
export class DossierIntakeService {
  private readonly logger = new Logger(DossierIntakeService.name);

  constructor(
    private readonly dossiers: DossierService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `declaredBytes`: the request's Content-Length, when it has one. */
  async bulk(
    user: AuthUser,
    body: AsyncIterable<Buffer>,
    format: BulkFormat,
    declaredBytes: number | null,
  ): Promise<BulkReport> {
    const limits = { maxBytes: this.config.bulkMaxBytes, maxLines: this.config.bulkMaxLines };
    const checked = await readBulkLines(body, format, limits, declaredBytes);
    // Lines are received a few at a time (the engine commits concurrent transitions in groups);
    // the report keeps the file's order. The same code twice is settled by the unique key.
    const lines: BulkLineReport[] = new Array(checked.length);
    let next = 0;
    const receiver = async () => {
      for (let index = next++; index < checked.length; index = next++) {
        lines[index] = await this.receive(user, checked[index]);
      }
    };
    await Promise.all(Array.from({ length: BULK_CONCURRENCY }, receiver));
    const count = (status: BulkLineReport['status']) =>
      lines.filter((line) => line.status === status).length;
    return {
      created: count('created'),
      existing: count('existing'),
      rejected: count('rejected'),
      failed: count('failed'),
      lines,
    };
  }

  private async receive(user: AuthUser, checked: CheckedLine): Promise<BulkLineReport> {
    const { line, code } = checked;
    if ('error' in checked) return { line, code, status: 'rejected', message: checked.error };
    try {
      const { created, dossier } = await this.dossiers.create(user, checked.dto);
      return {
        line,
        code,
        status: created ? 'created' : 'existing',
        appointmentDate: dossier.appointmentDate,
      };
    } catch (failure) {
      if (failure instanceof HttpException && failure.getStatus() < 500) {
        return { line, code, status: 'rejected', message: failure.message };
      }
      this.logger.error(
        `Bulk intake line ${line} (${code}) failed: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}`,
      );
      return {
        line,
        code,
        status: 'failed',
        message: 'Lỗi hệ thống khi ghi hồ sơ ở dòng này; dòng này chưa được ghi, hãy gửi lại.',
      };
    }
  }
}
