import { Module } from '@nestjs/common';
import { EngineModule } from '@cchc/engine';
import { OrgModule } from '@cchc/org';
import { TasksModule } from '@cchc/tasks';
import { CampaignDocumentsService } from './campaign-documents.service';
import { CampaignStore } from './campaign-store';
import { CampaignService } from './campaign.service';
import { ChecklistService } from './checklist.service';
import { FindingService } from './finding.service';
import { InspectionStats } from './inspection-stats.service';
import { VisitService } from './visit.service';

/** Inspection campaigns, their visits, findings, documents and figures. */
@Module({
  imports: [EngineModule, OrgModule, TasksModule],
  providers: [
    CampaignStore,
    CampaignService,
    ChecklistService,
    VisitService,
    FindingService,
    CampaignDocumentsService,
    InspectionStats,
  ],
  exports: [
    CampaignService,
    ChecklistService,
    VisitService,
    FindingService,
    CampaignDocumentsService,
    InspectionStats,
  ],
})
export class InspectionsModule {}
