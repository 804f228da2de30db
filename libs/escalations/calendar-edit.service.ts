import { Injectable } from '@nestjs/common';
import { CalendarService, YearView } from '@cchc/calendar-store';
import { YearSchedule } from '@cchc/calendar';
import { Actor } from '@cchc/domain';
import { TimerPlanScope } from '@cchc/timers';
import { TimerPlanRequests } from './timer-plan-requests';

/**
 * A year of the calendar edited: reminders and escalations are counted in its working days, so
 * the timers of every ward's tasks and report contributions it can move are planned again with
 * it, asked for in the edit's transaction.
 */
@Injectable()
export class CalendarEditService {
  constructor(
    private readonly calendars: CalendarService,
    private readonly planRequests: TimerPlanRequests,
  ) {}

  replaceYear(year: number, schedule: Omit<YearSchedule, 'year'>, actor: Actor): Promise<YearView> {
    return this.calendars.replaceYear(year, schedule, actor, (manager, now) =>
      this.planRequests.request(manager, dueDatesCountedAcross(year), now),
    );
  }
}

/**
 * The due dates whose timers can be counted across a year's days: an escalation comes at most
 * 250 working days (under a calendar year) after the due date, a reminder at most 60 before it
 * (EscalationPolicyDto), with a month to spare on each side.
 */
function dueDatesCountedAcross(year: number): TimerPlanScope {
  return { dueFrom: `${year - 2}-12-01`, dueTo: `${year + 1}-06-30` };
}
