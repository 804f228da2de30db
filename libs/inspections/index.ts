// Public API of @cchc/inspections: inspection campaigns (đợt kiểm tra) on the engine, their
// visits, findings turned into remediation tasks, DOCX documents and figures.
export * from './dto/campaign-commands.dto';
export * from './dto/campaign-views.dto';
export * from './dto/checklist.dto';
export { DEFAULT_CHECKLIST } from './checklist';
export { CampaignDocumentsService, type CampaignDocument } from './campaign-documents.service';
export { CampaignService } from './campaign.service';
export { ChecklistService } from './checklist.service';
export { FindingService } from './finding.service';
/**
 * `InspectionStats.forWard(wardId, from, to, asOf?)`: the whole ward's figures, for the periodic
 * report's inspection section (as of its cut-off) and the targets; `forUser(user, from, to)`:
 * what the user's inspection scope shows, for GET /stats/inspections (as things stand).
 */
export { InspectionStats } from './inspection-stats.service';
export { annualReportingRule } from './reporting-year';
export { InspectionsModule } from './inspections.module';
export { VisitService } from './visit.service';
