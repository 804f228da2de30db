import { Injectable } from '@nestjs/common';
import { CalendarService, YearView } from '@cchc/calendar-store';
import { YearSchedule } from '@cchc/calendar';
import { Actor } from '@cchc/domain';
import { requestTaskPlans } from './task-plan-requests';

/**
 * A year of the calendar edited: reminders and escalations are counted in its working days, so
 * the timers of every ward's tasks are planned again with it, asked for in the edit's transaction.
 */
@Injectable()
export class CalendarEditService {
  constructor(private readonly calendars: CalendarService) {}

  replaceYear(year: number, schedule: Omit<YearSchedule, 'year'>, actor: Actor): Promise<YearView> {
    return this.calendars.replaceYear(year, schedule, actor, (manager, now) =>
      requestTaskPlans(manager, 'allWards', now, { freshCalendar: true }),
    );
  }
}
