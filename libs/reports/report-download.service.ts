import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { ReportContext } from '@cchc/domain';
import { ReportDocumentQuery } from './dto/report-event.dto';
import { ReportContent } from './report-content';
import { renderReportDocx, renderReportXlsx } from './report-documents';
import { ReportService } from './report.service';

export interface ReportFile {
  fileName: string;
  mediaType: string;
  data: Buffer;
}

const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

/**
 * A report's documents, always rendered from a frozen revision (the latest unless one is
 * asked for), so every download of a revision carries the same figures as its hash.
 */
@Injectable()
export class ReportDownloadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportService,
  ) {}

  async document(wardId: string, id: string, query: ReportDocumentQuery): Promise<ReportFile> {
    const row = await this.reports.row(wardId, id);
    const revision = query.revision ?? row.revision;
    const [stored] = (await this.dataSource.query(
      'SELECT content, content_hash, compiled_at FROM report_revisions WHERE report_id = ? AND revision = ?',
      [id, revision],
    )) as { content: string; content_hash: string; compiled_at: Date }[];
    if (!stored)
      throw new NotFoundException(
        revision === 0
          ? `Báo cáo ${row.period_label} chưa được tổng hợp số liệu`
          : `Báo cáo không có lần tổng hợp ${revision}`,
      );
    const content = JSON.parse(stored.content) as ReportContent;
    const baseName = `Báo cáo CCHC ${row.period_label} lần ${revision}`.replace(
      /[/\\:*?"<>|]/g,
      '-',
    );
    if (query.format === 'json') {
      const data = Buffer.from(
        JSON.stringify({ revision, contentHash: stored.content_hash, number: row.number, content }),
        'utf8',
      );
      return { fileName: `${baseName}.json`, mediaType: MEDIA_TYPES.json, data };
    }
    if (query.format === 'xlsx')
      return {
        fileName: `${baseName} - phụ lục.xlsx`,
        mediaType: MEDIA_TYPES.xlsx,
        data: await renderReportXlsx(content),
      };
    const context = (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot)
      .context as ReportContext;
    return {
      fileName: `${baseName}.docx`,
      mediaType: MEDIA_TYPES.docx,
      data: await renderReportDocx(content, {
        // The number and signature belong to the revision that was signed (the latest).
        number: revision === row.revision ? row.number : null,
        date: context.signedOn ?? todayIn(new Date(stored.compiled_at)),
        signerName: await this.chairmanName(row.ward_id),
        revision,
        contentHash: stored.content_hash,
      }),
    };
  }

  private async chairmanName(wardId: string): Promise<string> {
    const [chairman] = (await this.dataSource.query(
      "SELECT full_name FROM users WHERE ward_id = ? AND role = 'chairman' AND active = 1 ORDER BY created_at LIMIT 1",
      [wardId],
    )) as { full_name: string }[];
    return chairman?.full_name ?? '';
  }
}
