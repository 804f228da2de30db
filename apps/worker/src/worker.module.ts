import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuditCheckpointProcessor, AuditModule } from '@cchc/audit';
import { CommonModule } from '@cchc/common';
import { DatabaseModule } from '@cchc/database';
import { MetricsModule, MetricsServer } from '@cchc/metrics';
import { ApologyProcessor, DossiersModule } from '@cchc/dossiers';
import { TaskTimersModule } from '@cchc/escalations';
import { NotificationProcessor, NotificationsModule } from '@cchc/notifications';
import { GroupCompletionProcessor, PlansModule } from '@cchc/plans';
import { JobFailures, OutboxPruner, OutboxRelay, QueueModule } from '@cchc/queue';
import { ReportTimersModule } from '@cchc/reports';
import { TimerRunnerModule } from '@cchc/timers';
import { WebhookDeliveryModule } from '@cchc/webhooks';

/** The worker: relays the outbox to BullMQ and runs the jobs. */
@Module({
  imports: [
    LoggerModule.forRoot({ pinoHttp: { level: process.env.LOG_LEVEL ?? 'info' } }),
    DiscoveryModule,
    CommonModule,
    DatabaseModule,
    QueueModule,
    MetricsModule,
    NotificationsModule,
    PlansModule,
    TimerRunnerModule,
    TaskTimersModule,
    WebhookDeliveryModule,
    DossiersModule,
    ReportTimersModule,
    AuditModule,
  ],
  providers: [
    OutboxRelay,
    MetricsServer,
    OutboxPruner,
    JobFailures,
    NotificationProcessor,
    GroupCompletionProcessor,
    ApologyProcessor,
    AuditCheckpointProcessor,
  ],
})
export class WorkerModule {}
