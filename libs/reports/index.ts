// Public API of @cchc/reports: the reporting calendar, periodic reports and units' contributions.
export * from './reporting-calendar';
export * from './dto/report-event.dto';
export type { ReportContent } from './report-content';
export { NO_INSPECTIONS, NO_TARGETS } from './report-documents';
export type { ContributionView, ReportSummary, ReportView } from './report-view';
export type { RevisionView, SignatureWithdrawal } from './report-revisions';
export { ReportCalendarService } from './report-calendar.service';
export { ReportService } from './report.service';
export { ReportDownloadService, type ReportFile } from './report-download.service';
export { ContributionService } from './contribution.service';
export { ReportsModule, ReportTimersModule } from './reports.module';
