import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@cchc/common';
import { SYSTEM_ACTOR } from '@cchc/domain';
import { EventRefusedError, WorkflowEngine } from '@cchc/engine';
import { EscalationPolicyService, recipientsOf, TASK_TIMER_KINDS } from '@cchc/escalations';
import { DueTimer, TimerHandler, TimerRegistry, TimerService } from '@cchc/timers';
import { CONTRIBUTION_SUBJECT, ContributionService } from './contribution.service';
import { reportContributionPersistence } from './report.persistence';

/**
 * Fires a contribution's timer in the timer's transaction: DEADLINE_PASSED, or REMIND / ESCALATE
 * to whom the ward's policy names, lower escalation levels due first. The machine refuses a level
 * already fired and a contribution already sent, so a timer fires at most once; a timer for an
 * old due date is dropped.
 */
@Injectable()
export class ContributionTimerHandler implements TimerHandler, OnModuleInit {
  readonly subjectType = CONTRIBUTION_SUBJECT;

  constructor(
    private readonly registry: TimerRegistry,
    private readonly engine: WorkflowEngine,
    private readonly policies: EscalationPolicyService,
    private readonly contributions: ContributionService,
    private readonly timers: TimerService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  lockSubject(manager: EntityManager, id: string): Promise<void> {
    return this.contributions.lockRow(manager, id);
  }

  async fire(manager: EntityManager, timer: DueTimer): Promise<void> {
    const [row] = (await manager.query('SELECT ward_id FROM report_contributions WHERE id = ?', [
      timer.subjectId,
    ])) as { ward_id: string }[];
    if (!row || !timer.dueDate) return;
    const current = await this.engine.load(reportContributionPersistence, timer.subjectId, manager);
    const { context } = current.snapshot;
    if (context.dueDate !== timer.dueDate) return;
    // A reminder left from before the deadline passed (its plan job not run yet) stays silent:
    // the overdue notice says more, as the planner would have it (planTaskTimers).
    if (timer.kind === TASK_TIMER_KINDS.remind && context.overdue) return;
    // Caught up long overdue (returned after its due date, or a late plan), a contribution has
    // both escalation levels due at once and their jobs may run in any order: the first to run
    // takes the lower levels due with it and fires them first, as a task's do.
    const lower =
      timer.kind === TASK_TIMER_KINDS.escalate
        ? await this.timers.takeDueBelow(manager, timer, this.clock.now())
        : [];
    let version = current.version;
    for (const step of [...lower, timer])
      version = (await this.fireStep(manager, row.ward_id, version, step)) ?? version;
  }

  /** Fires one step; returns the contribution's version after it, or null when it had no effect. */
  private async fireStep(
    manager: EntityManager,
    wardId: string,
    version: number,
    timer: DueTimer,
  ): Promise<number | null> {
    const event = await this.eventFor(manager, wardId, timer);
    if (!event) return null;
    try {
      // A step that changes its timers (the deadline passed) has the engine ask for a plan.
      const result = await this.engine.send(
        reportContributionPersistence,
        timer.subjectId,
        event,
        SYSTEM_ACTOR,
        version,
        manager,
      );
      return result.version;
    } catch (error) {
      if (error instanceof EventRefusedError) return null;
      throw error;
    }
  }

  private async eventFor(manager: EntityManager, wardId: string, timer: DueTimer) {
    if (timer.kind === TASK_TIMER_KINDS.deadline) return { type: 'DEADLINE_PASSED' as const };
    const to = recipientsOf(await this.policies.policyOf(manager, wardId), timer.kind, timer.level);
    if (!to) return null;
    const type = timer.kind === TASK_TIMER_KINDS.remind ? 'REMIND' : 'ESCALATE';
    return { type, level: timer.level, to } as const;
  }
}
