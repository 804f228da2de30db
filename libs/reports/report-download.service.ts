import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { activeChairmanName } from '@cchc/org';
import { ReportDocumentQuery } from './dto/report-event.dto';
import { ReportContent } from './report-content';
import { renderReportDocx, renderReportXlsx, ReportReplaced } from './report-documents';
import { reportRevisions, StoredRevision, storedRevision } from './report-revisions';
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
    const stored = await storedRevision(this.dataSource, id, revision);
    if (!stored)
      throw new NotFoundException(
        revision === 0
          ? `Báo cáo ${row.period_label} chưa được tổng hợp số liệu`
          : `Báo cáo không có lần tổng hợp ${revision}`,
      );
    const content = JSON.parse(stored.content) as ReportContent;
    const replaces = await this.replaced(id, stored);
    const baseName = `Báo cáo CCHC ${row.period_label} lần ${revision}`.replace(
      /[/\\:*?"<>|]/g,
      '-',
    );
    if (query.format === 'json') {
      const data = Buffer.from(
        JSON.stringify({
          revision,
          contentHash: stored.contentHash,
          number: stored.number,
          signedOn: stored.signedOn,
          // A withdrawn signature: not an issued document (number and signedOn are null).
          signatureWithdrawn: stored.signatureWithdrawn,
          replaces,
          content,
        }),
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
    return {
      fileName: `${baseName}.docx`,
      mediaType: MEDIA_TYPES.docx,
      data: await renderReportDocx(content, {
        // Each revision carries its own signature: a corrected one keeps its number and day. One
        // whose signature was withdrawn is a draft again, and says so.
        number: stored.number,
        date: stored.signedOn ?? todayIn(new Date(stored.compiledAt)),
        // A signed revision carries its signer as he was; a draft, the chairman who would sign.
        signerName: stored.signerName ?? (await activeChairmanName(this.dataSource, row.ward_id)),
        revision,
        contentHash: stored.contentHash,
        replaces,
        withdrawn: stored.signatureWithdrawn,
      }),
    };
  }

  /** On a correction's revision: the sent report it replaces, as that one was signed. */
  private async replaced(id: string, stored: StoredRevision): Promise<ReportReplaced | null> {
    if (stored.correctsRevision === null) return null;
    const corrected = (await reportRevisions(this.dataSource, id)).find(
      (candidate) => candidate.revision === stored.correctsRevision,
    );
    if (!corrected?.number || !corrected.signedOn) return null;
    return {
      revision: corrected.revision,
      number: corrected.number,
      signedOn: corrected.signedOn,
      reason: stored.correctionReason ?? '',
    };
  }
}
