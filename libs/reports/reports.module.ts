import { Module } from '@nestjs/common';
import { AuditModule } from '@cchc/audit';
import { CalendarStoreModule } from '@cchc/calendar-store';
import { DossiersModule } from '@cchc/dossiers';
import { EngineModule } from '@cchc/engine';
import { EscalationsModule } from '@cchc/escalations';
import { InspectionsModule } from '@cchc/inspections';
import { TargetsModule } from '@cchc/targets';
import { TimersModule } from '@cchc/timers';
import { ContributionTimerHandler } from './contribution-timer.handler';
import { ContributionService } from './contribution.service';
import { ReportCalendarService } from './report-calendar.service';
import { ReportDownloadService } from './report-download.service';
import { ReportFiguresService } from './report-figures.service';
import { ReportService } from './report.service';

/** Periodic reports for the API; contributions' timers fire through ContributionTimerHandler. */
@Module({
  imports: [
    EngineModule,
    AuditModule,
    CalendarStoreModule,
    TimersModule,
    EscalationsModule,
    DossiersModule,
    InspectionsModule,
    TargetsModule,
  ],
  providers: [
    ReportCalendarService,
    ReportFiguresService,
    ReportService,
    ReportDownloadService,
    ContributionService,
  ],
  exports: [ReportCalendarService, ReportService, ReportDownloadService, ContributionService],
})
export class ReportsModule {}

/** The worker's part: fires contributions' reminders, deadline and escalations. */
@Module({
  imports: [ReportsModule, EngineModule, TimersModule, EscalationsModule],
  providers: [ContributionTimerHandler],
})
export class ReportTimersModule {}
