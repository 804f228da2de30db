import { NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { RecordedAuditEvent } from '@cchc/domain';
import { AuditLog } from '@cchc/engine';
import { TargetView, TargetValueView } from './dto/target-view.dto';

/** The plan a target belongs to, found within the ward (404 otherwise). */
export interface PlanOfTargets {
  id: string;
  year: number;
  narrative: string | null;
}

export async function planInWard(
  db: DataSource | EntityManager,
  wardId: string,
  planId: string,
): Promise<PlanOfTargets> {
  const [plan] = (await db.query(
    'SELECT id, year, narrative FROM plans WHERE id = ? AND ward_id = ?',
    [planId, wardId],
  )) as PlanOfTargets[];
  if (!plan) throw new NotFoundException(`Không tìm thấy kế hoạch ${planId} trong phường`);
  return plan;
}

type Row = Record<string, unknown>;
const numberOrNull = (value: unknown) => (value === null ? null : Number(value));
const json = (value: unknown): string[] =>
  typeof value === 'string' ? (JSON.parse(value) as string[]) : ((value as string[]) ?? []);

/** Targets of a plan (or one of them), with their entered values, ordered by code. */
export async function loadTargets(
  db: DataSource | EntityManager,
  planId: string,
  targetId?: string,
): Promise<TargetView[]> {
  const targets = (await db.query(
    `SELECT * FROM plan_targets WHERE plan_id = ? ${targetId ? 'AND id = ?' : ''} ORDER BY code`,
    targetId ? [planId, targetId] : [planId],
  )) as Row[];
  const values = (await db.query(
    `SELECT v.* FROM target_values v JOIN plan_targets t ON t.id = v.target_id
     WHERE t.plan_id = ? ORDER BY v.period_from, v.period_to`,
    [planId],
  )) as Row[];
  return targets.map((row) => ({
    id: String(row.id),
    planId: String(row.plan_id),
    code: String(row.code),
    name: String(row.name),
    unit: row.unit as TargetView['unit'],
    comparator: row.comparator as TargetView['comparator'],
    value: numberOrNull(row.target_value),
    qualitative: row.qualitative as string | null,
    source: row.source as TargetView['source'],
    metric: row.metric as TargetView['metric'],
    status: row.status as TargetView['status'],
    sentence: row.sentence as string | null,
    sourceRow: numberOrNull(row.source_row),
    values: values.filter((value) => value.target_id === row.id).map(toValueView),
  }));
}

export async function oneTarget(
  db: DataSource | EntityManager,
  planId: string,
  targetId: string,
): Promise<TargetView> {
  const [target] = await loadTargets(db, planId, targetId);
  if (!target) throw new NotFoundException(`Không tìm thấy chỉ tiêu ${targetId} của kế hoạch`);
  return target;
}

function toValueView(row: Row): TargetValueView {
  return {
    id: String(row.id),
    from: String(row.period_from),
    to: String(row.period_to),
    value: Number(row.value),
    note: row.note as string | null,
    evidenceIds: json(row.evidence_ids),
    enteredBy: String(row.entered_by),
    enteredAt: row.entered_at as Date,
  };
}

/** Every change to a plan's targets is in the plan's audit history. */
export function auditTargets(
  manager: EntityManager,
  user: AuthUser,
  planId: string,
  eventType: RecordedAuditEvent,
  payload: Record<string, unknown>,
  now: Date,
): Promise<void> {
  return AuditLog.append(manager, {
    instanceType: 'plan-targets',
    instanceId: planId,
    wardId: user.wardId,
    eventType,
    fromState: null,
    toState: eventType,
    actor: actorOf(user),
    reason: null,
    payload,
    occurredAt: now,
  });
}
