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
import { TaskTimerPlanner } from './task-timer-planner';
import { TimerPlanRequests } from './timer-plan-requests';
import { TimerPlanWriter } from './timer-plan-writer';

/**
 * Policies, calendar edits and the escalation log; tasks' timer planner, registered where the
 * policy and the calendar change (the API) and where plans run (the worker).
 */
@Module({
  imports: [CalendarStoreModule, TimersModule],
  providers: [
    TaskTimerPlanner,
    TimerPlanRequests,
    TimerPlanWriter,
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
    TaskTimerPlanner,
    TimerPlanWriter,
  ],
})
export class EscalationsModule {}

/** The worker's part: fires reform tasks' timers (TimerRunnerModule runs their plans). */
@Module({
  imports: [EscalationsModule, TimersModule, WebhooksModule, EngineModule, CalendarStoreModule],
  providers: [ReformTaskTimerHandler],
})
export class TaskTimersModule {}
