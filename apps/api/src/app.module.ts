import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@cchc/audit';
import { AuthModule } from '@cchc/auth';
import { CalendarStoreModule } from '@cchc/calendar-store';
import { CommonModule, requestIdOf } from '@cchc/common';
import { DatabaseModule } from '@cchc/database';
import { DossiersModule } from '@cchc/dossiers';
import { EscalationsModule } from '@cchc/escalations';
import { EvidenceModule } from '@cchc/evidence';
import { InboxModule } from '@cchc/inbox';
import { InspectionsModule } from '@cchc/inspections';
import { NotificationsModule } from '@cchc/notifications';
import { OrgModule } from '@cchc/org';
import { ParIndexModule } from '@cchc/par-index';
import { PlansModule } from '@cchc/plans';
import { ProceduresModule } from '@cchc/procedures';
import { ProvinceModule } from '@cchc/province';
import { ProvisioningModule } from '@cchc/provisioning';
import { MetricsModule } from '@cchc/metrics';
import { QueueModule } from '@cchc/queue';
import { ReportsModule } from '@cchc/reports';
import { TargetsModule } from '@cchc/targets';
import { TasksModule } from '@cchc/tasks';
import { WebhooksModule } from '@cchc/webhooks';
import { ApologiesController } from './controllers/apologies.controller';
import { AuditController } from './controllers/audit.controller';
import { AuthController } from './controllers/auth.controller';
import { CalendarController } from './controllers/calendar.controller';
import { DossierStatsController } from './controllers/dossier-stats.controller';
import { DossiersController } from './controllers/dossiers.controller';
import { EscalationsController } from './controllers/escalations.controller';
import { EvidenceController } from './controllers/evidence.controller';
import { HealthController } from './controllers/health.controller';
import { InboxController } from './controllers/inbox.controller';
import {
  InspectionStatsController,
  InspectionsController,
} from './controllers/inspections.controller';
import { NotificationsController } from './controllers/notifications.controller';
import { OrgController } from './controllers/org.controller';
import { MetricsController } from './controllers/metrics.controller';
import { OutboxController } from './controllers/outbox.controller';
import { ParIndexController } from './controllers/par-index.controller';
import { PlansController } from './controllers/plans.controller';
import { ProceduresController } from './controllers/procedures.controller';
import { ProvinceController } from './controllers/province.controller';
import { ReportsController } from './controllers/reports.controller';
import { ProvisioningController } from './controllers/provisioning.controller';
import { TargetsController } from './controllers/targets.controller';
import { TasksController } from './controllers/tasks.controller';
import { TaskStatsController } from './controllers/task-stats.controller';
import { LeaderAssignmentsController } from './controllers/leader-assignments.controller';
import { UnitAliasesController, UnitGroupsController } from './controllers/unit-aliases.controller';
import { WebhooksController } from './controllers/webhooks.controller';
import { RequestIdMiddleware } from './request-id.middleware';
import { WardsController } from './controllers/wards.controller';

@Module({
  imports: [
    LoggerModule.forRoot({
      pinoHttp: {
        level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
        autoLogging: false,
        genReqId: (request) =>
          (request as { id?: string }).id ?? requestIdOf(request.headers['x-request-id']),
        // Every line logged during a request carries its headers (a 5xx's stack included): never
        // the access token, sent as a Bearer header or the console's session cookie.
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      },
    }),
    CommonModule,
    DatabaseModule,
    QueueModule,
    MetricsModule,
    AuthModule,
    OrgModule,
    TasksModule,
    NotificationsModule,
    CalendarStoreModule,
    PlansModule,
    EscalationsModule,
    InboxModule,
    WebhooksModule,
    ProceduresModule,
    DossiersModule,
    EvidenceModule,
    TargetsModule,
    ParIndexModule,
    ProvinceModule,
    ReportsModule,
    AuditModule,
    InspectionsModule,
    ProvisioningModule,
    TerminusModule,
  ],
  controllers: [
    AuthController,
    CalendarController,
    OrgController,
    PlansController,
    TargetsController,
    ParIndexController,
    ProvinceController,
    UnitAliasesController,
    UnitGroupsController,
    LeaderAssignmentsController,
    TasksController,
    EvidenceController,
    InboxController,
    NotificationsController,
    EscalationsController,
    WebhooksController,
    ProceduresController,
    DossiersController,
    ApologiesController,
    DossierStatsController,
    ReportsController,
    InspectionsController,
    InspectionStatsController,
    TaskStatsController,
    HealthController,
    OutboxController,
    MetricsController,
    WardsController,
    ProvisioningController,
    AuditController,
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('*');
  }
}
