import { BadRequestException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf, AuthUser } from '@cchc/auth';
import { ContributionEvent, taskTimerPhase } from '@cchc/domain';
import { firedSlot, TimerPlanWriter } from '@cchc/escalations';
import { WorkflowEngine } from '@cchc/engine';
import { subjectsWithTimers, TimerPlanner, TimerPlanScope, TimerRegistry } from '@cchc/timers';
import { ContributionEventDto } from './dto/report-event.dto';
import {
  contributionTimerState,
  reportContributionPersistence,
  WAITING_STATES,
} from './report.persistence';

export const CONTRIBUTION_SUBJECT = reportContributionPersistence.instanceType;

/**
 * Units' contributions: their events go through the engine. Their reminders, deadline and
 * escalations are timers in working days, planned from the ward's escalation policy by the
 * worker (TimerPlanner) after a step that changes them, and again when the policy or the
 * calendar changes; the worker fires them exactly once, as for tasks.
 */
@Injectable()
export class ContributionService implements TimerPlanner, OnModuleInit {
  readonly subjectType = CONTRIBUTION_SUBJECT;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly registry: TimerRegistry,
    private readonly plans: TimerPlanWriter,
  ) {}

  onModuleInit(): void {
    this.registry.registerPlanner(this);
  }

  /** Applies a user's event to a contribution of one of the ward's reports. */
  async sendEvent(user: AuthUser, reportId: string, id: string, dto: ContributionEventDto) {
    const [row] = (await this.dataSource.query(
      'SELECT ward_id, unit_id FROM report_contributions WHERE id = ? AND report_id = ? AND ward_id = ?',
      [id, reportId, user.wardId],
    )) as { ward_id: string; unit_id: string }[];
    if (!row) throw new NotFoundException(`Không tìm thấy báo cáo đóng góp ${id}`);
    const { version, ...fields } = dto;
    if (fields.evidenceIds?.length) await this.checkEvidence(row, fields.evidenceIds);
    const event = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Omit<ContributionEvent, 'actor' | 'today'>;
    await this.engine.send(reportContributionPersistence, id, event, actorOf(user), version);
  }

  /** Locks the contribution's row: before its timers, by everyone who writes or fires them. */
  async lockRow(manager: EntityManager, id: string): Promise<void> {
    await manager.query('SELECT id FROM report_contributions WHERE id = ? FOR UPDATE', [id]);
  }

  timed(manager: EntityManager, scope: TimerPlanScope): Promise<{ id: string; version: number }[]> {
    return subjectsWithTimers(manager, reportContributionPersistence.table, WAITING_STATES, scope);
  }

  /**
   * Makes the contribution's pending timers match its snapshot, with the policy and the
   * calendar as committed (TimerPlanWriter).
   */
  async planIn(manager: EntityManager, id: string): Promise<number> {
    const [row] = (await manager.query(
      'SELECT ward_id FROM report_contributions WHERE id = ? FOR UPDATE',
      [id],
    )) as { ward_id: string }[];
    const snapshot =
      row && (await this.engine.load(reportContributionPersistence, id, manager)).snapshot;
    const state = snapshot && contributionTimerState(snapshot);
    // Gone, or waiting for nothing (sent or accepted).
    if (!snapshot || !state || taskTimerPhase(state) === 'none')
      return this.plans.write(manager, CONTRIBUTION_SUBJECT, id, null);
    const { context } = snapshot;
    return this.plans.write(manager, CONTRIBUTION_SUBJECT, id, {
      wardId: row.ward_id,
      watched: { state, dueDate: context.dueDate },
      fired: new Set([
        ...context.reminded.map((level) => firedSlot('remind', level)),
        ...context.escalated.map((level) => firedSlot('escalate', level)),
      ]),
    });
  }

  /** Attachments are evidence files of tasks the contributing unit leads (libs/evidence). */
  private async checkEvidence(row: { ward_id: string; unit_id: string }, ids: string[]) {
    const found = (await this.dataSource.query(
      `SELECT e.id FROM evidence_files e JOIN reform_tasks t ON t.id = e.task_id
       WHERE e.id IN (?) AND e.ward_id = ? AND t.lead_unit_id = ?`,
      [ids, row.ward_id, row.unit_id],
    )) as { id: string }[];
    const known = new Set(found.map((file) => file.id));
    const unknown = ids.filter((evidenceId) => !known.has(evidenceId));
    if (unknown.length > 0)
      throw new BadRequestException(
        `evidenceIds: không phải tệp minh chứng của nhiệm vụ do đơn vị chủ trì: ${unknown.join(', ')}`,
      );
  }
}
