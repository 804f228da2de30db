import { BadRequestException, Injectable } from '@nestjs/common';
import { AuthUser } from '@cchc/auth';
import { nextDocumentNumber } from '@cchc/database';
import { CampaignStore } from './campaign-store';
import { CampaignService } from './campaign.service';
import { campaignRecords } from './campaign-records';
import { uncheckedTopics } from './checklist';
import { FinishVisitDto, RecordChecklistDto, VersionDto } from './dto/campaign-commands.dto';
import { CampaignView } from './dto/campaign-views.dto';
import { MINUTES_SYMBOL } from './inspection-documents';

/** The campaign's start and its visits: started, checked topic by topic, finished with a date. */
@Injectable()
export class VisitService {
  constructor(
    private readonly store: CampaignStore,
    private readonly campaigns: CampaignService,
  ) {}

  async startCampaign(user: AuthUser, id: string, dto: VersionDto): Promise<CampaignView> {
    await this.store.apply(user, id, dto.version, { type: 'START' });
    return this.campaigns.get(user, id);
  }

  async start(user: AuthUser, id: string, unitId: string, dto: VersionDto): Promise<CampaignView> {
    await this.store.apply(
      user,
      id,
      dto.version,
      { type: 'START_VISIT', unitId },
      (manager, result) => this.store.mirrorVisit(manager, result, unitId),
    );
    return this.campaigns.get(user, id);
  }

  async recordChecklist(
    user: AuthUser,
    id: string,
    unitId: string,
    dto: RecordChecklistDto,
  ): Promise<CampaignView> {
    const { checklist } = await this.store.find(user, id);
    const codes = new Set(checklist.map((topic) => topic.code));
    const seen = new Set<string>();
    dto.results.forEach((row, index) => {
      if (!codes.has(row.topicCode)) {
        throw new BadRequestException(
          `results[${index}].topicCode: ${row.topicCode} không có trong danh mục kiểm tra của đợt`,
        );
      }
      if (seen.has(row.topicCode)) {
        throw new BadRequestException(`results[${index}].topicCode: ${row.topicCode} bị trùng`);
      }
      seen.add(row.topicCode);
    });
    const results = dto.results.map((row) => ({
      topicCode: row.topicCode,
      result: row.result,
      note: row.note?.trim() || null,
    }));
    const minutes = dto.minutes?.trim() || null;
    await this.store.apply(
      user,
      id,
      dto.version,
      { type: 'RECORD_CHECKLIST', unitId, results, minutes },
      async (manager) => {
        await manager.query(
          'UPDATE inspection_visits SET results = ?, minutes = ? WHERE campaign_id = ? AND unit_id = ?',
          [JSON.stringify(results), minutes, id, unitId],
        );
      },
    );
    return this.campaigns.get(user, id);
  }

  /** Done: the visit's minutes take the campaign's next number (01/BB-ĐKT…) in the same transaction. */
  async finish(
    user: AuthUser,
    id: string,
    unitId: string,
    dto: FinishVisitDto,
  ): Promise<CampaignView> {
    await this.store.apply(
      user,
      id,
      dto.version,
      async (manager) => {
        const campaign = await this.store.find(user, id, manager);
        const visit = (await campaignRecords(manager).visits(id)).find((v) => v.unitId === unitId);
        const unchecked = uncheckedTopics(campaign.checklist, visit?.results ?? null).length;
        return { type: 'FINISH_VISIT', unitId, doneOn: dto.doneOn, uncheckedTopics: unchecked };
      },
      async (manager, result) => {
        await this.store.mirrorVisit(manager, result, unitId);
        // The team issues the minutes: one sequence per campaign (its id as the issuer).
        const { year } = await this.store.find(user, id, manager);
        const number = await nextDocumentNumber(manager, id, MINUTES_SYMBOL, year);
        await manager.query(
          'UPDATE inspection_visits SET minutes_number = ? WHERE campaign_id = ? AND unit_id = ?',
          [number, id, unitId],
        );
      },
    );
    return this.campaigns.get(user, id);
  }
}
