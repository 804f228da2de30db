import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import {
  CAMPAIGN_STATE_LABELS,
  CampaignState,
  FINDING_STATUS_LABELS,
  FindingStatus,
  INSPECTION_KIND_LABELS,
  InspectionKind,
  VISIT_STATE_LABELS,
  VisitState,
} from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { OrgService } from '@cchc/org';
import { allowedEvents, findingAllowedEvents, visitAllowedEvents } from '@cchc/workflows';
import { CampaignRow, CampaignStore } from './campaign-store';
import { inspectionCampaignPersistence } from './campaign.persistence';
import { ChecklistService } from './checklist.service';
import { CampaignListQuery, CreateCampaignDto } from './dto/campaign-commands.dto';
import {
  CampaignSummaryView,
  CampaignView,
  FindingView,
  VisitView,
} from './dto/campaign-views.dto';
import { inspectionScope, visibleVisitSql, visitVisible } from './inspection-scope';
import { FindingRow, VisitRow, campaignRecords } from './campaign-records';

/** Plans campaigns and shows them, each user only what their scope allows. */
@Injectable()
export class CampaignService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly org: OrgService,
    private readonly checklists: ChecklistService,
    private readonly store: CampaignStore,
  ) {}

  async create(user: AuthUser, dto: CreateCampaignDto): Promise<CampaignView> {
    const unitIds = dto.visits.map((visit) => visit.unitId);
    dto.visits.forEach((visit, index) => {
      if (unitIds.indexOf(visit.unitId) !== index) {
        throw new BadRequestException(`visits[${index}].unitId: đơn vị đã có trong danh sách`);
      }
      if (!visit.scheduledOn.startsWith(`${dto.year}-`)) {
        throw new BadRequestException(`visits[${index}].scheduledOn: phải trong năm ${dto.year}`);
      }
    });
    const units = await this.org.unitsByIds(user.wardId, unitIds);
    const missing = unitIds.findIndex((id) => !units.some((unit) => unit.id === id));
    if (missing >= 0) {
      throw new BadRequestException(`visits[${missing}].unitId: không có đơn vị này trong phường`);
    }
    const inspectorIds = [
      dto.headId,
      ...(dto.inspectorIds ?? []).filter((id) => id !== dto.headId),
    ];
    await this.checkInspectors(user.wardId, dto.headId, inspectorIds);
    const { topics } = await this.checklists.get(user.wardId);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.engine.create(
        inspectionCampaignPersistence,
        {
          id,
          input: { kind: dto.kind, headId: dto.headId, inspectorIds, visits: dto.visits },
          actor: actorOf(user),
          columns: {
            ward_id: user.wardId,
            title: dto.title.trim(),
            decision_number: dto.decisionNumber.trim(),
            decision_date: dto.decisionDate,
            kind: dto.kind,
            year: dto.year,
            head_id: dto.headId,
            checklist: JSON.stringify(topics),
            created_by: user.id,
          },
          auditPayload: { title: dto.title, decisionNumber: dto.decisionNumber, unitIds },
        },
        manager,
      );
      await manager.query(
        `INSERT INTO inspection_visits
           (campaign_id, unit_id, ward_id, unannounced, state, scheduled_on) VALUES ${dto.visits
             .map(() => "(?, ?, ?, ?, 'scheduled', ?)")
             .join(', ')}`,
        dto.visits.flatMap((visit) => [
          id,
          visit.unitId,
          user.wardId,
          dto.kind === 'khong_bao_truoc',
          visit.scheduledOn,
        ]),
      );
    });
    return this.get(user, id);
  }

  async list(user: AuthUser, query: CampaignListQuery): Promise<CampaignSummaryView[]> {
    const [visible, params] = visibleVisitSql(inspectionScope(user), 'v');
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.title, c.decision_number, DATE_FORMAT(c.decision_date, '%Y-%m-%d') AS decision_date,
              c.kind, c.year, c.head_id, c.state, c.version
         FROM inspection_campaigns c
        WHERE c.ward_id = ? AND (? IS NULL OR c.year = ?)
          AND EXISTS (SELECT 1 FROM inspection_visits v WHERE v.campaign_id = c.id AND ${visible})
        ORDER BY c.decision_date DESC, c.created_at DESC`,
      [user.wardId, query.year ?? null, query.year ?? null, ...params],
    )) as CampaignRow[];
    return rows.map(summaryOf);
  }

  async get(user: AuthUser, id: string): Promise<CampaignView> {
    const row = await this.store.find(user, id);
    const scope = inspectionScope(user);
    const records = campaignRecords(this.dataSource);
    const visits = (await records.visits(id)).filter((visit) => visitVisible(scope, visit));
    const shown = new Set(visits.map((visit) => visit.unitId));
    const findings = (await records.findings(id)).filter((finding) => shown.has(finding.unitId));
    const { snapshot } = await this.engine.load(inspectionCampaignPersistence, id);
    const context = snapshot.context;
    const allowed = allowedEvents(
      inspectionCampaignPersistence.definition,
      snapshot,
      actorOf(user),
    );
    return {
      ...summaryOf(row),
      inspectorIds: context.inspectorIds,
      checklist: row.checklist,
      noticeNumber: row.notice_number,
      concludedOn: row.concluded_on,
      visits: visits.map((visit) => ({
        ...visitView(visit),
        allowedEvents: visitAllowedEvents(context, allowed, visit.unitId),
      })),
      findings: findings.map((finding) => ({
        ...findingView(finding),
        // A settled finding (its task accepted) has nothing left to close.
        allowedEvents: findingAllowedEvents(context, allowed, finding.id).filter(
          (type) => !(finding.settled && type === 'CLOSE_FINDING'),
        ),
      })),
      allowedEvents: allowed,
    };
  }

  private async checkInspectors(wardId: string, headId: string, ids: string[]): Promise<void> {
    const found = (await this.dataSource.query(
      `SELECT id FROM users WHERE ward_id = ? AND role = 'inspector' AND active = 1 AND id IN (?)`,
      [wardId, ids],
    )) as { id: string }[];
    const known = new Set(found.map((user) => user.id));
    if (!known.has(headId)) {
      throw new BadRequestException(
        `headId: ${headId} không phải thành viên đoàn kiểm tra (inspector) của phường`,
      );
    }
    const stranger = ids.find((userId) => !known.has(userId));
    if (stranger) {
      throw new BadRequestException(
        `inspectorIds: ${stranger} không phải người dùng vai trò inspector của phường`,
      );
    }
  }
}

function summaryOf(row: CampaignRow): CampaignSummaryView {
  return {
    id: row.id,
    title: row.title,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    kind: row.kind,
    kindLabel: INSPECTION_KIND_LABELS[row.kind as InspectionKind],
    year: row.year,
    state: row.state,
    stateLabel: CAMPAIGN_STATE_LABELS[row.state as CampaignState],
    headId: row.head_id,
    version: row.version,
  };
}

function visitView(visit: VisitRow): Omit<VisitView, 'allowedEvents'> {
  return {
    unitId: visit.unitId,
    unitName: visit.unitName,
    state: visit.state,
    stateLabel: VISIT_STATE_LABELS[visit.state as VisitState],
    unannounced: visit.unannounced,
    scheduledOn: visit.scheduledOn,
    startedOn: visit.startedOn,
    doneOn: visit.doneOn,
    minutesNumber: visit.minutesNumber,
    results: visit.results,
    minutes: visit.minutes,
  };
}

function findingView(finding: FindingRow): Omit<FindingView, 'allowedEvents'> {
  return {
    ...finding,
    statusLabel: FINDING_STATUS_LABELS[finding.status as FindingStatus],
  };
}
