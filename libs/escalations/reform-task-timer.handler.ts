import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '@cchc/calendar-store';
import { Clock } from '@cchc/common';
import { IsoDate, NotifyEffect, NotifyRecipient, SYSTEM_ACTOR } from '@cchc/domain';
import { EventRefusedError, WorkflowEngine } from '@cchc/engine';
import { reformTaskPersistence } from '@cchc/tasks';
import { DueTimer, TimerHandler, TimerRegistry } from '@cchc/timers';
import { WebhookService } from '@cchc/webhooks';
import { escalationMoment, recipientsOf, TASK_TIMER_KINDS } from './escalation-policy';
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
 * is dropped without effect.
 */
@Injectable()
export class ReformTaskTimerHandler implements TimerHandler, OnModuleInit {
  readonly subjectType = REFORM_TASK_SUBJECT;

  constructor(
    private readonly registry: TimerRegistry,
    private readonly engine: WorkflowEngine,
    private readonly policies: EscalationPolicyService,
    private readonly calendars: CalendarService,
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
    let version = task.version;
    for (const step of await this.stepsToFire(manager, task, timer, fired))
      version = (await this.fireStep(manager, task, version, step)) ?? version;
  }

  /**
   * The timer's own step, after the lower escalation levels not fired yet for this due date: a
   * task caught up long overdue has every level due at once, and their jobs may run in any
   * order, so the first to run fires the levels below it first, in its transaction. The history
   * and the chairman's notifications then always read "lần 1" before "lần 2"; the lower levels'
   * own timers find them fired.
   */
  private async stepsToFire(
    manager: EntityManager,
    task: TaskRow,
    timer: DueTimer,
    fired: ReadonlySet<number>,
  ): Promise<DueTimer[]> {
    const lower = Array.from({ length: timer.level - 1 }, (_, index) => index + 1).filter(
      (level) => !fired.has(level),
    );
    if (timer.kind !== TASK_TIMER_KINDS.escalate || lower.length === 0) return [timer];
    const steps = (await this.policies.policyOf(manager, task.ward_id)).escalations;
    const calendar = await this.calendars.committedCalendar(manager);
    return [
      ...lower.flatMap((level) =>
        steps[level - 1]
          ? [
              {
                ...timer,
                level,
                fireAt: escalationMoment(steps[level - 1], calendar, timer.dueDate as IsoDate),
              },
            ]
          : [],
      ),
      timer,
    ];
  }

  /** Fires one step; returns the task's version after it, or null when the task refused it. */
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
