import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Outbox } from '@cchc/engine';
import { TIMER_PLAN_ROUTE, TimerPlanScope, TimerRegistry } from '@cchc/timers';

/** Outbox rows per statement: a province's open tasks in one INSERT would outgrow a packet. */
const ROWS_PER_INSERT = 5_000;

/**
 * Asks for the timers planned from a ward's policy and the calendar to be planned again after
 * either changed: a `plan` job, in the caller's transaction, for every subject in scope that has
 * timers, of every subject type with a planner (reform tasks, report contributions).
 */
@Injectable()
export class TimerPlanRequests {
  constructor(private readonly registry: TimerRegistry) {}

  async request(manager: EntityManager, scope: TimerPlanScope, now: Date): Promise<void> {
    for (const planner of this.registry.planners()) {
      const subjects = await planner.timed(manager, scope);
      for (let start = 0; start < subjects.length; start += ROWS_PER_INSERT) {
        await Outbox.enqueue(
          manager,
          subjects.slice(start, start + ROWS_PER_INSERT).map((subject) => ({
            ...TIMER_PLAN_ROUTE,
            payload: {
              instanceType: planner.subjectType,
              instanceId: subject.id,
              seq: subject.version,
            },
          })),
          now,
        );
      }
    }
  }
}
