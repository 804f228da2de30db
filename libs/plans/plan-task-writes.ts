import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor } from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { PlannedTask, StoredTask, TaskChange } from '@cchc/plan-import';
import { reformTaskPersistence } from '@cchc/tasks';

/** The plan a write belongs to, and who imports it. */
export interface PlanWriteContext {
  engine: WorkflowEngine;
  manager: EntityManager;
  planId: string;
  wardId: string;
  actor: Actor;
  fileName: string;
}

/** What a plan's row says, as the task's columns keep it (compared on re-import). */
function rowColumns(task: PlannedTask): Record<string, unknown> {
  return {
    title: task.title,
    content: task.content,
    requirement: task.requirement,
    product: task.product,
    coordinating_unit_ids: JSON.stringify(task.coordinatingUnitIds),
    source_row: task.sourceRow,
    lead_unit_raw: task.leadUnitRaw,
    coordinating_raw: task.coordinatingRaw,
    leader_raw: task.leaderRaw,
    deadline_raw: task.deadlineRaw,
    deadline: task.deadline ? JSON.stringify(task.deadline) : null,
  };
}

/** Creates one task of the plan in `assigned`, through the engine, in the caller's transaction. */
export async function createPlanTask(
  write: PlanWriteContext,
  task: PlannedTask,
  parentId: string | null,
): Promise<string> {
  const id = randomUUID();
  const input = { leadUnitId: task.leadUnitId, leaderId: task.leaderId, dueDate: task.dueDate };
  await write.engine.create(
    reformTaskPersistence,
    {
      id,
      input,
      actor: write.actor,
      columns: {
        ...rowColumns(task),
        ward_id: write.wardId,
        created_by: write.actor.kind === 'user' ? write.actor.userId : null,
        plan_id: write.planId,
        area_code: task.area,
        ordinal: task.ordinal,
        parent_id: parentId,
        is_group: task.isGroup,
      },
      auditPayload: {
        planId: write.planId,
        fileName: write.fileName,
        sourceRow: task.sourceRow,
        area: task.area,
        ordinal: task.ordinal,
        // What it was created with, so its values at a past cut-off can be rebuilt (@cchc/tasks).
        ...input,
      },
    },
    write.manager,
  );
  return id;
}

/** A stored task with what the engine needs to move it. */
export interface LiveTask extends StoredTask {
  version: number;
  leadUnitId: string;
  leaderId: string | null;
}

/**
 * Applies a changed row as an amendment: an AMEND event (due date, lead unit and leader go
 * through the machine, so the change is in the task's history with the cells before/after) and
 * the row's other columns, in the same transaction.
 */
export async function amendPlanTask(
  write: PlanWriteContext,
  change: TaskChange,
  live: LiveTask,
  reason: string,
): Promise<void> {
  const changed = new Set(change.fields.map((field) => field.field));
  const next = change.incoming;
  const changes = {
    ...(changed.has('deadline') ? { dueDate: next.dueDate } : {}),
    ...(changed.has('leadUnit') && next.leadUnitId !== live.leadUnitId
      ? { leadUnitId: next.leadUnitId }
      : {}),
    ...(changed.has('leader') && next.leaderId !== live.leaderId
      ? { leaderId: next.leaderId }
      : {}),
  };
  // The row's columns first (locked in the engine's order), so that the notification the
  // amendment writes in this transaction names the task by its new title.
  await write.engine.lockRow(write.manager, reformTaskPersistence, live.id, write.wardId);
  const columns = rowColumns(next);
  await write.manager.query(
    `UPDATE reform_tasks SET ${Object.keys(columns)
      .map((name) => `${name} = ?`)
      .join(', ')} WHERE id = ?`,
    [...Object.values(columns), live.id],
  );
  // The changed cells ride along in the audit payload; the machine reads only `changes`.
  const event = { type: 'AMEND' as const, reason, changes, planChanges: change.fields };
  await write.engine.send(
    reformTaskPersistence,
    live.id,
    event,
    write.actor,
    live.version,
    write.manager,
  );
}

/** Cancels a task whose row is gone from the plan; the task and its history stay. */
export async function cancelPlanTask(
  write: PlanWriteContext,
  live: LiveTask,
  reason: string,
): Promise<void> {
  const cancel = { type: 'CANCEL' as const, reason };
  await write.engine.send(
    reformTaskPersistence,
    live.id,
    cancel,
    write.actor,
    live.version,
    write.manager,
  );
}
