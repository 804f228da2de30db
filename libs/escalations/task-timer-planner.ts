import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from '@cchc/calendar-store';
import { Clock } from '@cchc/common';
import { IsoDate, TaskState, taskTimerPhase } from '@cchc/domain';
import { markOutboxProcessed, onBehalfOfRequest, OutboxJobData, QUEUES } from '@cchc/queue';
import { TimerService } from '@cchc/timers';
import { firedSlot, planTaskTimers } from './escalation-policy';
import { EscalationPolicyService } from './escalation-policy.service';

export const REFORM_TASK_SUBJECT = 'reform-task';

export interface PlanJobData extends OutboxJobData {
  instanceId: string;
}

/**
 * Re-plans a reform task's timers from its current state and due date; the engine writes a `plan`
 * job with a task's creation and every transition that changes its timer phase or due date. The
 * task's row is locked before its timers, in the same order as a firing timer does
 * (TimerHandler), and the plan is computed from the row as it is under the
 * lock, so concurrent plans of one task end with the latest state's timers.
 */
@Injectable()
export class TaskTimerPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timers: TimerService,
    private readonly policies: EscalationPolicyService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  plan(job: PlanJobData): Promise<number> {
    // READ COMMITTED: no gap locks, so plans of different tasks never deadlock on the timers'
    // index; plans of one task are serialised by the task row's lock.
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const planned = await this.planIn(manager, job.instanceId);
      await markOutboxProcessed(manager, job.outboxId, this.clock.now());
      return planned;
    });
  }

  async planIn(manager: EntityManager, taskId: string): Promise<number> {
    const [task] = (await manager.query(
      'SELECT ward_id, state, due_date FROM reform_tasks WHERE id = ? FOR UPDATE',
      [taskId],
    )) as { ward_id: string; state: TaskState; due_date: IsoDate | null }[];
    // Gone, or waiting for nothing (reported, accepted, cancelled): no timer, nothing to read.
    if (!task || taskTimerPhase(task.state) === 'none') {
      await this.timers.replace(manager, REFORM_TASK_SUBJECT, taskId, []);
      return 0;
    }
    const fired = task.due_date
      ? (
          (await manager.query(
            'SELECT kind, level FROM escalations WHERE task_id = ? AND due_date = ?',
            [taskId, task.due_date],
          )) as { kind: string; level: number }[]
        ).map((row) => firedSlot(row.kind, row.level))
      : [];
    const timers = planTaskTimers(
      { state: task.state, dueDate: task.due_date },
      await this.policies.policyOf(manager, task.ward_id),
      await this.calendars.committedCalendar(manager),
      this.clock.now(),
      new Set(fired),
    );
    await this.timers.replace(manager, REFORM_TASK_SUBJECT, taskId, timers);
    return timers.length;
  }
}

@Processor(QUEUES.taskTimers, { concurrency: 4 })
export class TaskTimerPlanProcessor extends WorkerHost {
  constructor(private readonly planner: TaskTimerPlanner) {
    super();
  }

  process(job: Job<PlanJobData>): Promise<number> {
    return onBehalfOfRequest(job, () => this.planner.plan(job.data));
  }
}
