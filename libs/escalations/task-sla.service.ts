import { Injectable } from '@nestjs/common';
import { todayIn } from '@cchc/calendar';
import { CalendarService } from '@cchc/calendar-store';
import { Clock } from '@cchc/common';
import { IsoDate, TaskState } from '@cchc/domain';
import { EscalationPolicyService } from './escalation-policy.service';
import { TaskSla, taskSla } from './task-sla';

interface SlaSubject {
  state: TaskState;
  dueDate: IsoDate | null;
  late: boolean;
}

/** Adds the working-day SLA to tasks, with the ward's calendar and its first reminder as the window. */
@Injectable()
export class TaskSlaService {
  constructor(
    private readonly calendars: CalendarService,
    private readonly policies: EscalationPolicyService,
    private readonly clock: Clock,
  ) {}

  async withSla<T extends SlaSubject>(
    wardId: string,
    tasks: T[],
  ): Promise<(T & { sla: TaskSla })[]> {
    if (tasks.length === 0) return [];
    const [calendar, policy] = await Promise.all([
      this.calendars.workingCalendar(),
      this.policies.shownPolicy(wardId),
    ]);
    const window = Math.max(0, ...policy.reminders.map((step) => step.workingDaysBefore));
    const today = todayIn(this.clock.now());
    return tasks.map((task) => ({ ...task, sla: taskSla(task, today, calendar, window) }));
  }
}
