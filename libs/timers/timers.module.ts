import { Module } from '@nestjs/common';
import { TimerFeeder } from './timer-feeder.service';
import { TimerRegistry } from './timer-registry';
import { TIMER_SETTINGS, timerSettings } from './timer-settings';
import { TimerPlanProcessor } from './timer-plan.processor';
import { TimerProcessor } from './timer.processor';
import { TimerService } from './timer.service';

/** Writing timers (TimerService) and registering handlers (TimerRegistry); import it anywhere. */
@Module({
  providers: [TimerService, TimerRegistry],
  exports: [TimerService, TimerRegistry],
})
export class TimersModule {}

/** The worker's part: feeds due timers into BullMQ, fires them and plans them again. Needs QueueModule. */
@Module({
  imports: [TimersModule],
  providers: [
    { provide: TIMER_SETTINGS, useFactory: () => timerSettings() },
    TimerFeeder,
    TimerProcessor,
    TimerPlanProcessor,
  ],
  exports: [TimerFeeder, TimerProcessor, TimerPlanProcessor],
})
export class TimerRunnerModule {}
