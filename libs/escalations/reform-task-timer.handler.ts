import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@cchc/common';
import { IsoDate, NotifyEffect, NotifyRecipient, SYSTEM_ACTOR } from '@cchc/domain';
import { EventRefusedError, WorkflowEngine } from '@cchc/engine';
import { reformTaskPersistence } from '@cchc/tasks';
import { DueTimer, TimerHandler, TimerRegistry, TimerService } from '@cchc/timers';
import { WebhookService } from '@cchc/webhooks';
import { recipientsOf, TASK_TIMER_KINDS } from './escalation-policy';
import { EscalationPolicyService } from './escalation-policy.service';
import { REFORM_TASK_SUBJECT } from './task-timer-planner';

/** The webhook event type of each timer kind. */
export const TASK_WEBHOOK_EVENTS: Record<string, string> = {
  [TASK_TIMER_KINDS.remind]: 'task.reminder',
  [TASK_TIMER_KINDS.deadline]: 'task.overdue',
  [TASK_TIMER_KINDS.escalate]: 'task.escalated',
};

interface TaskRow {
  ward_id: string;
  title: string;
  lead_unit_id: string;
  leader_id: string | null;
  due_date: IsoDate | null;
  version: number;
}

type TimerEvent =
  | { type: 'DEADLINE_PASSED' }
  | { type: 'REMIND' | 'ESCALATE'; dueDate: IsoDate; level: number; to: NotifyRecipient[] };

/**
 * Fires a reform task's timer: sends the machine event (DEADLINE_PASSED, REMIND or ESCALATE, as
 * the system), records the escalation row and publishes the webhook event, all in the timer's
 * transaction. A timer the task no longer wants (the machine refuses it, or its due date changed)
 * is dropped without effect. An escalation fires the lower levels due with it first.
 */
@Injectable()
export class ReformTaskTimerHandler implements TimerHandler, OnModuleInit {
  readonly subjectType = REFORM_TASK_SUBJECT;

  constructor(
    private readonly registry: TimerRegistry,
    private readonly engine: WorkflowEngine,
    private readonly policies: EscalationPolicyService,
    private readonly timers: TimerService,
    private readonly webhooks: WebhookService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async lockSubject(manager: EntityManager, taskId: string): Promise<void> {
    // A plain read fixes no snapshot here: the timer processor's transaction is READ COMMITTED.
    const [task] = (await manager.query('SELECT ward_id FROM reform_tasks WHERE id = ?', [
      taskId,
    ])) as { ward_id: string }[];
    if (task) await this.engine.lockRow(manager, reformTaskPersistence, taskId, task.ward_id);
  }

  async fire(manager: EntityManager, timer: DueTimer): Promise<void> {
    const [task] = (await manager.query(
      'SELECT ward_id, title, lead_unit_id, leader_id, due_date, version FROM reform_tasks WHERE id = ?',
      [timer.subjectId],
    )) as TaskRow[];
    if (!task || !timer.dueDate || task.due_date !== timer.dueDate) return;
    const fired = new Set(
      (
        (await manager.query(
          'SELECT level FROM escalations WHERE task_id = ? AND kind = ? AND due_date = ?',
          [timer.subjectId, timer.kind, timer.dueDate],
        )) as { level: number }[]
      ).map((row) => Number(row.level)),
    );
    if (fired.has(timer.level)) return;
    // A task caught up long overdue has every escalation level due at once, and their jobs may
    // run in any order: the first to run takes the lower levels due with it and fires them first,
    // so the history and the chairman's notifications always read "lần 1" before "lần 2".
    const lower =
      timer.kind === TASK_TIMER_KINDS.escalate
        ? await this.timers.takeDueBelow(manager, timer, this.clock.now())
        : [];
    let version = task.version;
    for (const step of [...lower.filter((due) => !fired.has(due.level)), timer])
      version = (await this.fireStep(manager, task, version, step)) ?? version;
  }

  /** Fires one step; returns the task's version after it, or null when it had no effect. */
  private async fireStep(
    manager: EntityManager,
    task: TaskRow,
    version: number,
    timer: DueTimer,
  ): Promise<number | null> {
    const event = await this.eventFor(manager, task.ward_id, timer);
    if (!event) return null;
    const result = await this.engine
      .send(reformTaskPersistence, timer.subjectId, event, SYSTEM_ACTOR, version, manager)
      .catch((error: unknown) => {
        if (error instanceof EventRefusedError) return null;
        throw error;
      });
    if (!result) return null;
    const recipients = [
      ...new Set(
        result.effects.flatMap((effect) =>
          effect.type === 'notify' ? ((effect.params as NotifyEffect).to ?? []) : [],
        ),
      ),
    ];
    await manager.query(
      'INSERT INTO escalations (ward_id, task_id, kind, level, due_date, lead_unit_id, recipients, fired_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        task.ward_id,
        timer.subjectId,
        timer.kind,
        timer.level,
        timer.dueDate,
        task.lead_unit_id,
        JSON.stringify(recipients),
        this.clock.now(),
      ],
    );
    await this.webhooks.publish(manager, {
      wardId: task.ward_id,
      type: TASK_WEBHOOK_EVENTS[timer.kind],
      key: `${REFORM_TASK_SUBJECT}:${timer.subjectId}:${timer.kind}:${timer.level}:${timer.dueDate}`,
      data: {
        taskId: timer.subjectId,
        title: task.title,
        dueDate: timer.dueDate,
        level: timer.level,
        leadUnitId: task.lead_unit_id,
        leaderId: task.leader_id,
        recipients,
        plannedFor: timer.fireAt.toISOString(),
      },
    });
    return result.version;
  }

  private async eventFor(
    manager: EntityManager,
    wardId: string,
    timer: DueTimer,
  ): Promise<TimerEvent | null> {
    const dueDate = timer.dueDate as IsoDate;
    if (timer.kind === TASK_TIMER_KINDS.deadline) return { type: 'DEADLINE_PASSED' };
    const to = recipientsOf(await this.policies.policyOf(manager, wardId), timer.kind, timer.level);
    if (!to) return null;
    if (timer.kind === TASK_TIMER_KINDS.remind)
      return { type: 'REMIND', dueDate, level: timer.level, to };
    if (timer.kind === TASK_TIMER_KINDS.escalate)
      return { type: 'ESCALATE', dueDate, level: timer.level, to };
    return null;
  }
}
