import { ConflictException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanKind } from '@cchc/domain';
import { AuditLog, isDuplicateKey } from '@cchc/engine';
import {
  diffPlan,
  PlanDiff,
  PlannedTask,
  PlanPreview,
  PlanProblem,
  taskKey,
} from '@cchc/plan-import';
import {
  amendPlanTask,
  cancelPlanTask,
  createPlanTask,
  LiveTask,
  PlanWriteContext,
} from './plan-task-writes';

/** A plan as an import finds it. */
export interface PlanRow {
  id: string;
  number: string | null;
  title: string | null;
  kind: PlanKind;
  revision: number;
}

/** What one import writes: the file's preview, its tasks, and when. */
export interface PlanVersion {
  preview: PlanPreview;
  /** The text outside the task table, where the plan states its targets. */
  narrative: string;
  tasks: PlannedTask[];
  /** Identifies a plan without a number; null when it has one. */
  contentHash: string | null;
  /** As the importer said; undefined keeps an amended plan's kind (a new one is `reform`). */
  kind?: PlanKind;
  now: Date;
  onProgress?: (done: number, total: number) => void;
}

/** Tasks an amendment leaves as they are: their outcome is history. */
const SETTLED = ['accepted', 'cancelled'];

/**
 * The plan imported before: the one named, else the one with the same number and year, else
 * (a plan without a number) the one with the same content. Locking reads, so that imports of
 * one ward serialised by the caller see each other's plans (a preview's read waits for them too).
 */
export async function findPlan(
  manager: EntityManager,
  wardId: string,
  version: Pick<PlanVersion, 'preview' | 'contentHash'>,
  planId?: string,
): Promise<PlanRow | null> {
  const select = 'SELECT id, number, title, kind, revision FROM plans WHERE ward_id = ? AND ';
  if (planId) {
    const [plan] = (await manager.query(`${select} id = ? FOR UPDATE`, [
      wardId,
      planId,
    ])) as PlanRow[];
    if (!plan) throw new NotFoundException(`Không tìm thấy kế hoạch ${planId} trong phường`);
    return plan;
  }
  const { number, year } = version.preview.plan;
  const [plan] = (await (number === null
    ? manager.query(`${select} content_hash = ? FOR UPDATE`, [wardId, version.contentHash])
    : manager.query(`${select} year = ? AND number = ? FOR UPDATE`, [
        wardId,
        year,
        number,
      ]))) as PlanRow[];
  return plan ?? null;
}

/** Writes a new plan, its areas and its tasks (through the engine), and the import's audit. */
export async function insertPlan(write: PlanWriteContext, version: PlanVersion): Promise<void> {
  const { preview, tasks, now } = version;
  await write.manager.query(
    'INSERT INTO plans (id, ward_id, number, title, year, kind, issued_on, source_file, content_hash, narrative, revision, created_by, created_at, updated_at) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
    [
      write.planId,
      write.wardId,
      preview.plan.number,
      preview.plan.title?.slice(0, 500) ?? null,
      preview.plan.year,
      version.kind ?? 'reform',
      preview.plan.issueDate,
      write.fileName.slice(0, 255),
      version.contentHash,
      version.narrative,
      write.actor.kind === 'user' ? write.actor.userId : null,
      now,
      now,
    ],
  );
  await saveAreas(write, preview);
  const ids = new Map<string, string>();
  for (const [index, task] of tasks.entries()) {
    const parentId = task.parentKey ? (ids.get(task.parentKey) ?? null) : null;
    ids.set(task.key, await createPlanTask(write, task, parentId));
    version.onProgress?.(index + 1, tasks.length);
  }
  await audit(write, 'IMPORTED', now, {
    fileName: write.fileName,
    number: preview.plan.number,
    year: preview.plan.year,
    areas: preview.areas.length,
    tasks: tasks.length,
  });
}

/**
 * Applies an amended version: new rows become tasks, changed rows AMEND their task, tasks
 * whose rows are gone are cancelled (never deleted). Settled tasks are left as they are.
 */
export async function amendPlan(
  write: PlanWriteContext,
  plan: PlanRow,
  version: PlanVersion,
): Promise<{ diff: PlanDiff; skipped: PlanProblem[]; revision: number }> {
  const { preview, now } = version;
  const revision = plan.revision + 1;
  const stored = await storedTasks(write.manager, plan.id, true);
  const diff = diffPlan(stored, version.tasks);
  const reason = `Điều chỉnh kế hoạch ${plan.number ?? plan.title ?? ''} theo tệp ${write.fileName}`;
  const skipped: PlanProblem[] = [];
  const idOf = new Map(stored.map((task) => [task.key, task.id]));
  const total = diff.added.length + diff.changed.length + diff.removed.length;
  let done = 0;
  const progressed = () => version.onProgress?.((done += 1), total);
  for (const task of diff.added) {
    const parentId = task.parentKey ? (idOf.get(task.parentKey) ?? null) : null;
    idOf.set(task.key, await createPlanTask(write, task, parentId));
    progressed();
  }
  const leftAlone = (task: LiveTask, what: string) => {
    const label = task.state === 'accepted' ? 'đã nghiệm thu' : 'đã hủy';
    skipped.push({
      row: null,
      field: null,
      message: `Nhiệm vụ ${task.area ?? ''} ${task.ordinal} ${label}; không ${what}.`,
    });
  };
  for (const change of diff.changed) {
    const live = change.task as LiveTask;
    if (SETTLED.includes(live.state)) leftAlone(live, 'điều chỉnh theo kế hoạch mới');
    else await amendPlanTask(write, change, live, reason);
    progressed();
  }
  for (const task of diff.removed as LiveTask[]) {
    if (SETTLED.includes(task.state)) leftAlone(task, 'hủy dù kế hoạch mới không còn nhiệm vụ này');
    else await cancelPlanTask(write, task, `${reason}: nhiệm vụ không còn trong kế hoạch`);
    progressed();
  }
  await write.manager
    .query(
      // A draft without a number that an amendment gives one keeps the number from then on, so
      // the numbered file finds this plan again (and the content hash is no longer needed).
      'UPDATE plans SET title = ?, year = ?, issued_on = ?, source_file = ?, number = COALESCE(number, ?), ' +
        'content_hash = ?, narrative = ?, kind = COALESCE(?, kind), revision = ?, updated_at = ? WHERE id = ?',
      [
        preview.plan.title?.slice(0, 500) ?? plan.title,
        preview.plan.year,
        preview.plan.issueDate,
        write.fileName.slice(0, 255),
        preview.plan.number,
        plan.number === null && preview.plan.number === null ? version.contentHash : null,
        version.narrative,
        version.kind ?? null,
        revision,
        now,
        plan.id,
      ],
    )
    .catch((error: unknown) => {
      if (isDuplicateKey(error, 'uq_plans_ward_content'))
        throw new ConflictException('Phường đã có một kế hoạch khác với đúng nội dung này.');
      if (isDuplicateKey(error, 'uq_plans_ward_year_number'))
        throw new ConflictException('Phường đã có một kế hoạch khác mang số hiệu này trong năm.');
      throw error;
    });
  await saveAreas(write, preview);
  const kind = version.kind ?? plan.kind;
  await audit(write, 'AMENDED', now, {
    fileName: write.fileName,
    added: diff.added.length,
    changed: diff.changed.length,
    removed: diff.removed.length,
    skipped: skipped.length,
    ...(kind === plan.kind ? {} : { kind: { before: plan.kind, after: kind } }),
  });
  return { diff, skipped, revision };
}

async function saveAreas(write: PlanWriteContext, preview: PlanPreview): Promise<void> {
  if (preview.areas.length === 0) return;
  await write.manager.query(
    `INSERT INTO plan_areas (plan_id, code, title, position) VALUES ${preview.areas
      .map(() => '(?, ?, ?, ?)')
      .join(', ')} ON DUPLICATE KEY UPDATE title = VALUES(title), position = VALUES(position)`,
    preview.areas.flatMap((area, index) => [
      write.planId,
      area.code,
      area.title.slice(0, 500),
      index + 1,
    ]),
  );
}

/** The import itself is part of the plan's history (instance type 'plan'). */
async function audit(
  write: PlanWriteContext,
  eventType: 'IMPORTED' | 'AMENDED',
  now: Date,
  payload: Record<string, unknown>,
): Promise<void> {
  await AuditLog.append(write.manager, {
    instanceType: 'plan',
    instanceId: write.planId,
    eventType,
    fromState: eventType === 'IMPORTED' ? null : 'active',
    toState: 'active',
    actor: write.actor,
    reason: null,
    payload,
    occurredAt: now,
    wardId: write.wardId,
  });
}

/** The plan's tasks as the diff compares them. */
export async function storedTasks(
  manager: EntityManager,
  planId: string,
  forUpdate = false,
): Promise<LiveTask[]> {
  const rows = (await manager.query(
    'SELECT id, area_code, ordinal, state, title, content, requirement, product, lead_unit_raw, ' +
      'coordinating_raw, leader_raw, deadline_raw, version, lead_unit_id, leader_id ' +
      `FROM reform_tasks WHERE plan_id = ? ORDER BY source_row${forUpdate ? ' FOR UPDATE' : ''}`,
    [planId],
  )) as Record<string, string | number | null>[];
  return rows.map((row) => ({
    id: String(row.id),
    key: taskKey(row.area_code as string | null, String(row.ordinal)),
    state: String(row.state),
    area: row.area_code as string | null,
    ordinal: String(row.ordinal),
    title: String(row.title),
    content: String(row.content),
    requirement: row.requirement as string | null,
    product: row.product as string | null,
    leadUnitRaw: row.lead_unit_raw as string | null,
    coordinatingRaw: row.coordinating_raw as string | null,
    leaderRaw: row.leader_raw as string | null,
    deadlineRaw: row.deadline_raw as string | null,
    version: Number(row.version),
    leadUnitId: String(row.lead_unit_id),
    leaderId: row.leader_id as string | null,
  }));
}
