import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { markOutboxProcessed, onBehalfOfRequest, OutboxJobData, QUEUES } from '@cchc/queue';
import { TimerRegistry } from './timer-registry';

/**
 * The job that plans a subject's timers again: written by the engine with a transition that
 * changes what they are planned from, and for every subject a policy or calendar change moves.
 */
export const TIMER_PLAN_ROUTE = { queue: QUEUES.taskTimers, jobName: 'plan' } as const;

export interface PlanJobData extends OutboxJobData {
  instanceType: string;
  instanceId: string;
}

/** Runs `plan` jobs: the subject type's planner, and the outbox row marked, in one transaction. */
@Processor(QUEUES.taskTimers, { concurrency: 4 })
export class TimerPlanProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: TimerRegistry,
    private readonly clock: Clock,
  ) {
    super();
  }

  process(job: Job<PlanJobData>): Promise<number> {
    return onBehalfOfRequest(job, () => this.plan(job.data));
  }

  plan({ instanceType, instanceId, outboxId }: PlanJobData): Promise<number> {
    const planner = this.registry.plannerFor(instanceType);
    // Failing keeps the job (and its outbox row) for the dead-letter view, never drops it.
    if (!planner) throw new Error(`No timer planner for '${instanceType}'`);
    // READ COMMITTED: no gap locks, so plans of different subjects never deadlock on the timers'
    // index; plans of one subject are serialised by its row's lock.
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const planned = await planner.planIn(manager, instanceId);
      await markOutboxProcessed(manager, outboxId, this.clock.now());
      return planned;
    });
  }
}
