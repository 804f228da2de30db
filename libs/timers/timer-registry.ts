import { Injectable } from '@nestjs/common';
import { TimerHandler } from './timer.types';

/** The handler of each subject type; modules register theirs in onModuleInit. */
@Injectable()
export class TimerRegistry {
  private readonly handlers = new Map<string, TimerHandler>();

  register(handler: TimerHandler): void {
    const existing = this.handlers.get(handler.subjectType);
    if (existing && existing !== handler) {
      throw new Error(`A timer handler for '${handler.subjectType}' is already registered`);
    }
    this.handlers.set(handler.subjectType, handler);
  }

  handlerFor(subjectType: string): TimerHandler | undefined {
    return this.handlers.get(subjectType);
  }
}
