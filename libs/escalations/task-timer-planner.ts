import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IsoDate, TASK_STATES, TaskState, taskTimerPhase } from '@cchc/domain';
import { reformTaskPersistence } from '@cchc/tasks';
import { subjectsWithTimers, TimerPlanner, TimerPlanScope, TimerRegistry } from '@cchc/timers';
import { firedSlot } from './escalation-policy';
import { TimerPlanWriter } from './timer-plan-writer';

export const REFORM_TASK_SUBJECT = reformTaskPersistence.instanceType;

/** The states in which a task has timers. */
const TIMED_STATES = TASK_STATES.filter((state) => taskTimerPhase(state) !== 'none');

/**
 * Plans a reform task's timers from its current state and due date; the engine writes a `plan`
 * job with a task's creation and every transition that changes its timer phase or due date. The
 * task's row is locked before its timers, in the same order as a firing timer does
 * (TimerHandler), and the plan is computed from the row as it is under the lock, so concurrent
 * plans of one task end with the latest state's timers.
 */
@Injectable()
export class TaskTimerPlanner implements TimerPlanner, OnModuleInit {
  readonly subjectType = REFORM_TASK_SUBJECT;

  constructor(
    private readonly registry: TimerRegistry,
    private readonly plans: TimerPlanWriter,
  ) {}

  onModuleInit(): void {
    this.registry.registerPlanner(this);
  }

  timed(manager: EntityManager, scope: TimerPlanScope): Promise<{ id: string; version: number }[]> {
    return subjectsWithTimers(manager, reformTaskPersistence.table, TIMED_STATES, scope);
  }

  async planIn(manager: EntityManager, taskId: string): Promise<number> {
    const [task] = (await manager.query(
      'SELECT ward_id, state, due_date FROM reform_tasks WHERE id = ? FOR UPDATE',
      [taskId],
    )) as { ward_id: string; state: TaskState; due_date: IsoDate | null }[];
    // Gone, or waiting for nothing (reported, accepted, cancelled).
    if (!task || taskTimerPhase(task.state) === 'none')
      return this.plans.write(manager, REFORM_TASK_SUBJECT, taskId, null);
    const fired = task.due_date
      ? (
          (await manager.query(
            'SELECT kind, level FROM escalations WHERE task_id = ? AND due_date = ?',
            [taskId, task.due_date],
          )) as { kind: string; level: number }[]
        ).map((row) => firedSlot(row.kind, row.level))
      : [];
    return this.plans.write(manager, REFORM_TASK_SUBJECT, taskId, {
      wardId: task.ward_id,
      watched: { state: task.state, dueDate: task.due_date },
      fired: new Set(fired),
    });
  }
}
