import { Injectable } from '@nestjs/common';
import { TimerHandler, TimerPlanner } from './timer.types';

/**
 * The handler and the planner of each subject type; modules register theirs in onModuleInit
 * (planners in the modules the API and the worker both import, as both use them).
 */
@Injectable()
export class TimerRegistry {
  private readonly handlers = new Map<string, TimerHandler>();
  private readonly plannerMap = new Map<string, TimerPlanner>();

  register(handler: TimerHandler): void {
    add(this.handlers, handler, 'handler');
  }

  registerPlanner(planner: TimerPlanner): void {
    add(this.plannerMap, planner, 'planner');
  }

  handlerFor(subjectType: string): TimerHandler | undefined {
    return this.handlers.get(subjectType);
  }

  plannerFor(subjectType: string): TimerPlanner | undefined {
    return this.plannerMap.get(subjectType);
  }

  planners(): TimerPlanner[] {
    return [...this.plannerMap.values()];
  }
}

function add<T extends { subjectType: string }>(map: Map<string, T>, entry: T, what: string) {
  const existing = map.get(entry.subjectType);
  if (existing && existing !== entry) {
    throw new Error(`A timer ${what} for '${entry.subjectType}' is already registered`);
  }
  map.set(entry.subjectType, entry);
}
