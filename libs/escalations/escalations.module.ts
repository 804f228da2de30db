import { Module } from '@nestjs/common';
import { CalendarStoreModule } from '@cchc/calendar-store';
import { EngineModule } from '@cchc/engine';
import { TimersModule } from '@cchc/timers';
import { WebhooksModule } from '@cchc/webhooks';
import { CalendarEditService } from './calendar-edit.service';
import { EscalationPolicyService } from './escalation-policy.service';
import { EscalationService } from './escalation.service';
import { TaskSlaService } from './task-sla.service';
import { TaskStatsService } from './task-stats.service';
import { ReformTaskTimerHandler } from './reform-task-timer.handler';
import { TaskTimerPlanner, TaskTimerPlanProcessor } from './task-timer-planner';

/** Policies, calendar edits and the escalation log, for the API. */
@Module({
  imports: [CalendarStoreModule],
  providers: [
    CalendarEditService,
    EscalationPolicyService,
    EscalationService,
    TaskSlaService,
    TaskStatsService,
  ],
  exports: [
    CalendarEditService,
    EscalationPolicyService,
    EscalationService,
    TaskSlaService,
    TaskStatsService,
  ],
})
export class EscalationsModule {}

/** The worker's part: plans reform tasks' timers after each transition and fires them. */
@Module({
  imports: [EscalationsModule, TimersModule, WebhooksModule, EngineModule, CalendarStoreModule],
  providers: [TaskTimerPlanner, TaskTimerPlanProcessor, ReformTaskTimerHandler],
  exports: [TaskTimerPlanner],
})
export class TaskTimersModule {}
