import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { placeName, shortDate } from '@cchc/documents';
import { InspectionKind } from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { CampaignRow, CampaignStore } from './campaign-store';
import { inspectionCampaignPersistence } from './campaign.persistence';
import { FindingRow, campaignRecords } from './campaign-records';
import {
  CampaignDocumentSource,
  DocumentFinding,
  renderMinutesDocx,
  renderNoticeDocx,
} from './inspection-documents';
import { inspectionScope, visitVisible } from './inspection-scope';

export interface CampaignDocument {
  fileName: string;
  data: Buffer;
}

/** The minutes of a visit and the conclusion notice, from the campaign's records. */
@Injectable()
export class CampaignDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly store: CampaignStore,
  ) {}

  async minutes(user: AuthUser, id: string, unitId: string): Promise<CampaignDocument> {
    const row = await this.store.find(user, id);
    const records = campaignRecords(this.dataSource);
    const visit = (await records.visits(id)).find((v) => v.unitId === unitId);
    if (!visit || !visitVisible(inspectionScope(user), visit)) {
      throw new NotFoundException(`Đơn vị ${unitId} không có lượt kiểm tra trong đợt này`);
    }
    if (visit.state === 'scheduled') {
      throw new ConflictException('Chưa bắt đầu kiểm tra tại đơn vị này, chưa có biên bản');
    }
    const findings = (await records.findings(id)).filter((f) => f.unitId === unitId);
    const data = await renderMinutesDocx({
      ...(await this.source(row)),
      unitName: visit.unitName,
      doneOn: visit.doneOn,
      minutesNumber: visit.minutesNumber,
      topics: row.checklist,
      results: visit.results,
      minutes: visit.minutes,
      findings: findings.map((finding) => documentFinding(row, finding)),
    });
    return { fileName: `Biên bản kiểm tra ${visit.unitName}.docx`, data };
  }

  async notice(user: AuthUser, id: string): Promise<CampaignDocument> {
    const row = await this.store.find(user, id);
    if (!row.notice_number || !row.concluded_on) {
      throw new ConflictException('Chủ tịch chưa ký thông báo kết luận của đợt kiểm tra này');
    }
    const records = campaignRecords(this.dataSource);
    const [signer] = (await this.dataSource.query(
      `SELECT u.full_name FROM audit_events a JOIN users u ON u.id = a.actor_id
        WHERE a.instance_type = ? AND a.instance_id = ? AND a.event_type = 'CONCLUDE'`,
      [inspectionCampaignPersistence.instanceType, id],
    )) as { full_name: string }[];
    const data = await renderNoticeDocx({
      ...(await this.source(row)),
      noticeNumber: row.notice_number,
      concludedOn: row.concluded_on,
      chairmanName: signer?.full_name ?? '',
      unitNames: (await records.visits(id)).map((visit) => visit.unitName),
      findings: (await records.findings(id)).map((finding) => documentFinding(row, finding)),
    });
    return { fileName: `Thông báo kết luận ${row.notice_number}.docx`.replace(/\//g, '-'), data };
  }

  private async source(row: CampaignRow): Promise<CampaignDocumentSource> {
    const { snapshot } = await this.engine.load(inspectionCampaignPersistence, row.id);
    const [ward] = (await this.dataSource.query('SELECT name, province FROM wards WHERE id = ?', [
      row.ward_id,
    ])) as { name: string; province: string | null }[];
    const team = snapshot.context.inspectorIds;
    const people = (await this.dataSource.query('SELECT id, full_name FROM users WHERE id IN (?)', [
      team,
    ])) as { id: string; full_name: string }[];
    const name = (userId: string) => people.find((p) => p.id === userId)?.full_name ?? userId;
    return {
      wardName: ward.name,
      province: ward.province,
      place: placeName(ward.province, ward.name),
      title: row.title,
      decisionNumber: row.decision_number,
      decisionDate: row.decision_date,
      kind: row.kind as InspectionKind,
      year: row.year,
      headName: name(row.head_id),
      inspectorNames: team.filter((userId) => userId !== row.head_id).map(name),
    };
  }
}

function documentFinding(row: CampaignRow, finding: FindingRow): DocumentFinding {
  const topic = row.checklist.find((t) => t.code === finding.topicCode);
  const remedy =
    finding.status === 'task'
      ? `Đã giao nhiệm vụ khắc phục${finding.taskDueDate ? `, hạn ${shortDate(finding.taskDueDate)}` : ''}.`
      : finding.status === 'escalated'
        ? `Đã báo cáo Chủ tịch: ${finding.statusReason ?? ''}`
        : finding.status === 'closed'
          ? `Chủ tịch đã kết thúc: ${finding.statusReason ?? ''}`
          : '';
  return {
    unitName: finding.unitName,
    topicTitle: topic?.title ?? finding.topicCode,
    description: finding.description,
    severity: finding.severity as DocumentFinding['severity'],
    parCode: finding.parCode,
    recommendation: finding.recommendation,
    remedy,
  };
}
