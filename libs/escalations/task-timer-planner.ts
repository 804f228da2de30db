import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from '@cchc/calendar-store';
import { Clock } from '@cchc/common';
import { IsoDate, TaskState } from '@cchc/domain';
import { markOutboxProcessed, onBehalfOfRequest, OutboxJobData, QUEUES } from '@cchc/queue';
import { TimerService } from '@cchc/timers';
import { EscalationPolicy, firedSlot, planTaskTimers } from './escalation-policy';
import { storedPolicy } from './escalation-policy.service';

export const REFORM_TASK_SUBJECT = 'reform-task';

export interface PlanJobData extends OutboxJobData {
  instanceId: string;
}

/**
 * Re-plans a reform task's timers from its current state and due date; the engine writes a `plan`
 * job with every transition. The task's timers are locked before the task row, in the same order
 * as a firing timer does, and the plan is computed from the row as it is under the lock, so
 * concurrent plans of one task end with the latest state's timers.
 */
@Injectable()
export class TaskTimerPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timers: TimerService,
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
    const locked = await this.timers.lock(manager, REFORM_TASK_SUBJECT, taskId);
    // One statement for the task, its ward's policy and the escalations already fired for its
    // due date; FOR UPDATE locks the task row only (subqueries read without locks).
    const [task] = (await manager.query(
      `SELECT t.ward_id, t.state, t.due_date,
         (SELECT p.policy FROM escalation_policies p WHERE p.ward_id = t.ward_id) AS policy,
         (SELECT JSON_ARRAYAGG(JSON_ARRAY(e.kind, e.level)) FROM escalations e
          WHERE e.task_id = t.id AND e.due_date = t.due_date) AS fired
       FROM reform_tasks t WHERE t.id = ? FOR UPDATE`,
      [taskId],
    )) as PlannedTaskRow[];
    if (!task) {
      await this.timers.replace(manager, REFORM_TASK_SUBJECT, taskId, [], locked);
      return 0;
    }
    const fired = (parseJson(task.fired) ?? []).map(([kind, level]) => firedSlot(kind, level));
    const timers = planTaskTimers(
      { state: task.state, dueDate: task.due_date },
      storedPolicy(task.policy),
      await this.calendars.workingCalendar(),
      this.clock.now(),
      new Set(fired),
    );
    await this.timers.replace(manager, REFORM_TASK_SUBJECT, taskId, timers, locked);
    return timers.length;
  }
}

interface PlannedTaskRow {
  ward_id: string;
  state: TaskState;
  due_date: IsoDate | null;
  policy: EscalationPolicy | string | null;
  /** [kind, level] of each escalation fired for the due date (MariaDB gives JSON as text). */
  fired: [string, number][] | string | null;
}

function parseJson<T>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
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
