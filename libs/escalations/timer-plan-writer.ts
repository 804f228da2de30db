import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '@cchc/calendar-store';
import { Clock } from '@cchc/common';
import { TimerService } from '@cchc/timers';
import { FiredSlots, planTaskTimers, WatchedTask } from './escalation-policy';
import { EscalationPolicyService } from './escalation-policy.service';

/** What a planner read of a subject that waits for something, under the subject's row lock. */
export interface WaitingSubject {
  wardId: string;
  watched: WatchedTask;
  /** The reminders and escalations already sent for the current due date. */
  fired: FiredSlots;
}

/**
 * The shared end of every TimerPlanner (tasks, units' contributions): the subject's pending
 * timers become those its ward's policy gives, counted in working days of the calendar as
 * committed (both share-locked: see EscalationPolicyService.policyOf).
 */
@Injectable()
export class TimerPlanWriter {
  constructor(
    private readonly timers: TimerService,
    private readonly policies: EscalationPolicyService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /**
   * Replaces the subject's pending timers; returns how many it now has. The caller holds the
   * subject's row lock (taken before its timers, as a firing timer does). `waiting` is null when
   * the subject is gone or waits for nothing: it keeps no timer, and nothing more is read.
   */
  async write(
    manager: EntityManager,
    subjectType: string,
    subjectId: string,
    waiting: WaitingSubject | null,
  ): Promise<number> {
    const timers = waiting
      ? planTaskTimers(
          waiting.watched,
          await this.policies.policyOf(manager, waiting.wardId),
          await this.calendars.committedCalendar(manager),
          this.clock.now(),
          waiting.fired,
        )
      : [];
    await this.timers.replace(manager, subjectType, subjectId, timers);
    return timers.length;
  }
}
