import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { IsoDate, TaskState } from '@cchc/domain';

/*
 * Tasks as they stood at a past instant (a report's cut-off), from their audit history: a task's
 * state is the `to_state` of its last audit event at or before that instant, so a task accepted
 * the day after counts as not done then, and a task created after it does not count at all.
 * The periodic report reads its plan's tasks so, and the inspection figures their remediation
 * tasks.
 */

export interface TaskAuditRow {
  instanceId: string;
  seq: number;
  eventType: string;
  toState: string;
  reason: string | null;
  occurredAt: Date;
}

export interface TaskStateAsOf {
  state: TaskState;
  /** For an accepted task: its (last) report reached the leader by the due date. */
  onTime: boolean | null;
  /** The latest reason recorded in the task's history up to the cut-off. */
  reason: string | null;
}

/** Each task's state, timeliness and last reason at the cut-off; tasks not yet created are left out. */
export function tasksAsOf<T extends { id: string; dueDate: IsoDate | null }>(
  tasks: T[],
  audit: TaskAuditRow[],
  cutoffInstant: Date,
): (T & TaskStateAsOf)[] {
  const byTask = new Map<string, TaskAuditRow[]>();
  for (const row of audit) {
    if (row.occurredAt.getTime() > cutoffInstant.getTime()) continue;
    const rows = byTask.get(row.instanceId) ?? [];
    rows.push(row);
    byTask.set(row.instanceId, rows);
  }
  return tasks.flatMap((task) => {
    const rows = (byTask.get(task.id) ?? []).sort((a, b) => a.seq - b.seq);
    if (rows.length === 0) return [];
    const last = rows[rows.length - 1];
    const state = last.toState as TaskState;
    // On time as everywhere in the product (GET /stats/tasks, the tasks_on_time target): accepted
    // on or before the due date, the day taken in Vietnam.
    const completed = rows.filter((row) => row.toState === 'accepted').pop();
    const onTime =
      state !== 'accepted'
        ? null
        : task.dueDate === null ||
          (completed !== undefined && todayIn(completed.occurredAt) <= task.dueDate);
    const reason = rows.filter((row) => row.reason).pop()?.reason ?? null;
    return [{ ...task, state, onTime, reason }];
  });
}

/** The audit history up to the cut-off of a plan's tasks (group rows left out), or of some tasks. */
export async function taskAuditUpTo(
  db: DataSource | EntityManager,
  tasks: { planId: string } | { ids: string[] },
  cutoff: Date,
): Promise<TaskAuditRow[]> {
  if ('ids' in tasks && tasks.ids.length === 0) return [];
  const [which, param] =
    'planId' in tasks
      ? ['t.plan_id = ? AND t.is_group = 0', tasks.planId]
      : ['t.id IN (?)', tasks.ids];
  const rows = (await db.query(
    `SELECT a.instance_id, a.seq, a.event_type, a.to_state, a.reason, a.occurred_at
       FROM audit_events a JOIN reform_tasks t ON t.id = a.instance_id
       WHERE ${which} AND a.instance_type = 'reform-task' AND a.occurred_at <= ?`,
    [param, cutoff],
  )) as {
    instance_id: string;
    seq: number;
    event_type: string;
    to_state: string;
    reason: string | null;
    occurred_at: Date;
  }[];
  return rows.map((row) => ({
    instanceId: row.instance_id,
    seq: row.seq,
    eventType: row.event_type,
    toState: row.to_state,
    reason: row.reason,
    occurredAt: new Date(row.occurred_at),
  }));
}
