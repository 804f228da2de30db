import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, RefreshingCache } from '@cchc/common';
import { DEFAULT_ESCALATION_POLICY, EscalationPolicy } from './escalation-policy';
import { TimerPlanRequests } from './timer-plan-requests';

export interface EscalationPolicyView extends EscalationPolicy {
  /** True while the ward has not set its own policy. */
  isDefault: boolean;
  updatedAt: Date | null;
}

/** Another process may have replaced a ward's policy; what only shows is re-read at most this often. */
const SHOWN_REFRESH_MS = 30_000;

/** Each ward's reminder and escalation policy (the defaults until its coordinator sets one). */
@Injectable()
export class EscalationPolicyService {
  private readonly shown = new RefreshingCache(SHOWN_REFRESH_MS, (wardId: string) =>
    this.policyOf(this.dataSource.manager, wardId),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly planRequests: TimerPlanRequests,
  ) {}

  async view(wardId: string): Promise<EscalationPolicyView> {
    const [row] = (await this.dataSource.query(
      'SELECT policy, updated_at FROM escalation_policies WHERE ward_id = ?',
      [wardId],
    )) as { policy: EscalationPolicy | string; updated_at: Date }[];
    if (!row) return { ...DEFAULT_ESCALATION_POLICY, isDefault: true, updatedAt: null };
    return { ...parsePolicy(row.policy), isDefault: false, updatedAt: row.updated_at };
  }

  /**
   * The policy as shown beside tasks (their SLA window), read at most every 30 s: every list
   * and transition answer shows it. Timers are planned with `policyOf`, read in their transaction.
   */
  shownPolicy(wardId: string): Promise<EscalationPolicy> {
    return this.shown.get(wardId);
  }

  /**
   * The ward's policy as committed, share-locked in the caller's transaction: a plan waits for a
   * replacement in flight, and a replacement for the plans reading before it, so no plan misses
   * the re-planning a replacement asks for.
   */
  async policyOf(manager: EntityManager, wardId: string): Promise<EscalationPolicy> {
    const [row] = (await manager.query(
      'SELECT policy FROM escalation_policies WHERE ward_id = ? LOCK IN SHARE MODE',
      [wardId],
    )) as { policy: EscalationPolicy | string }[];
    return row ? parsePolicy(row.policy) : DEFAULT_ESCALATION_POLICY;
  }

  /**
   * Replaces the ward's policy and, in the same transaction, asks for the timers of the ward's
   * tasks and report contributions to be planned again with it.
   */
  async replace(
    wardId: string,
    policy: EscalationPolicy,
    updatedBy: string,
  ): Promise<EscalationPolicyView> {
    assertIncreasing(policy);
    const clean: EscalationPolicy = {
      reminders: policy.reminders.map(({ workingDaysBefore, at, to }) => ({
        workingDaysBefore,
        at,
        to: [...new Set(to)],
      })),
      escalations: policy.escalations.map(({ workingDaysAfter, to }) => ({
        workingDaysAfter,
        to: [...new Set(to)],
      })),
    };
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await manager.query(
        'INSERT INTO escalation_policies (ward_id, policy, updated_by, updated_at) VALUES (?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE policy = VALUES(policy), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)',
        [wardId, JSON.stringify(clean), updatedBy, now],
      );
      await this.planRequests.request(manager, { wardId }, now);
    });
    this.shown.forget(wardId);
    return this.view(wardId);
  }
}

function parsePolicy(policy: EscalationPolicy | string): EscalationPolicy {
  return typeof policy === 'string' ? (JSON.parse(policy) as EscalationPolicy) : policy;
}

/** Reminders from the earliest, escalations from the first level up: each step after the one before. */
function assertIncreasing(policy: EscalationPolicy): void {
  const problems: string[] = [];
  policy.reminders.forEach((step, index) => {
    const previous = policy.reminders[index - 1];
    if (
      previous &&
      step.workingDaysBefore * 1440 - minutes(step.at) >=
        previous.workingDaysBefore * 1440 - minutes(previous.at)
    )
      problems.push(`reminders[${index}]: phải nhắc sau lần nhắc trước (reminders[${index - 1}])`);
  });
  policy.escalations.forEach((step, index) => {
    const previous = policy.escalations[index - 1];
    if (previous && step.workingDaysAfter <= previous.workingDaysAfter)
      problems.push(
        `escalations[${index}].workingDaysAfter: phải lớn hơn cấp trước (${previous.workingDaysAfter})`,
      );
  });
  if (problems.length > 0) {
    throw new BadRequestException({
      error: 'ValidationFailed',
      message: `Chính sách nhắc hạn không hợp lệ: ${problems.join('; ')}`,
    });
  }
}

function minutes(hhmm: string): number {
  const [hours, mins] = hhmm.split(':').map(Number);
  return hours * 60 + mins;
}
