import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { IsoDate, TaskState } from '@cchc/domain';

/*
 * Tasks as they stood at a past instant (a report's cut-off), from their audit history: a task's
 * state is the `to_state` of its last audit event at or before that instant, so a task accepted
 * the day after counts as not done then, and a task created after it does not count at all.
 * Its due date, lead unit and leader are those of that instant too (`assignmentAt`), so an
 * extension granted or a reassignment made after the cut-off does not change a past period's
 * figures. The periodic report reads its plan's tasks so, the targets their task figures, and
 * the inspection figures their remediation tasks.
 */

export interface TaskAuditRow {
  instanceId: string;
  seq: number;
  eventType: string;
  toState: string;
  reason: string | null;
  occurredAt: Date;
  /** The event's payload (the event without type and reason), read for the events that set fields. */
  payload?: Record<string, unknown> | null;
}

export interface TaskStateAsOf {
  state: TaskState;
  /** For an accepted task: its (last) report reached the leader by the due date. */
  onTime: boolean | null;
  /** The latest reason recorded in the task's history up to the cut-off. */
  reason: string | null;
}

/** The fields of a task's machine context that events change after its creation. */
export interface TaskAssignment {
  dueDate: IsoDate | null;
  leadUnitId: string;
  leaderId: string | null;
}
type AssignmentField = keyof TaskAssignment;

/** Events whose payload says a new due date, lead unit or leader (or an extension's proposal). */
const ASSIGNING_EVENTS = ['REQUEST_EXTENSION', 'DECIDE_EXTENSION', 'REASSIGN', 'AMEND'];
/** Timer events: their payload names the due date they were planned for, the one then in force. */
const TIMER_EVENTS = ['REMIND', 'ESCALATE'];

/** The fields named in `source` (a payload or its `changes`); a lead unit is never unset. */
function named(source: unknown, fields: AssignmentField[]): Partial<TaskAssignment> {
  const values = (source ?? {}) as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field];
    if (value === undefined || (field === 'leadUnitId' && typeof value !== 'string')) continue;
    set[field] = value;
  }
  return set as Partial<TaskAssignment>;
}

/**
 * What an event of the machine set, as the machine's actions do (reform-task.machine.ts): an
 * approved extension its new due date or else the pending request's proposal, a reassignment its
 * unit and leader, an amendment its `changes`.
 */
function setBy(row: TaskAuditRow, proposed: IsoDate | null): Partial<TaskAssignment> {
  const payload = row.payload ?? {};
  switch (row.eventType) {
    case 'DECIDE_EXTENSION':
      if (payload.decision !== 'approve') return {};
      return { dueDate: (payload.newDueDate as IsoDate | undefined) ?? proposed };
    case 'REASSIGN':
      return named(payload, ['leadUnitId', 'leaderId']);
    case 'AMEND':
      return named(payload.changes, ['dueDate', 'leadUnitId', 'leaderId']);
    default:
      return {};
  }
}

/**
 * The fields of `current` (a task's values now) as they stood at the cut-off: the value the last
 * event at or before it set, else the value the task was created with (in its first event's
 * payload). `rows` is the task's history up to the cut-off and its assigning events after it.
 *
 * Tasks created before their first event carried those values (before 2026-11-29) leave a gap:
 * when such a field was first changed only after the cut-off, the value it had is not in the
 * audit. A due date is then read from a reminder or escalation before the cut-off (the machine
 * takes one only for the due date in force); failing that, and always for a lead unit or leader,
 * the value now is all there is.
 */
export function assignmentAt<A extends Partial<TaskAssignment>>(
  current: A,
  rows: TaskAuditRow[],
  cutoffInstant: Date,
): A {
  const fields = (Object.keys(current) as AssignmentField[]).filter((field) =>
    ['dueDate', 'leadUnitId', 'leaderId'].includes(field),
  );
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  const created = sorted[0]?.seq === 1 ? named(sorted[0].payload, fields) : {};
  const atCutoff: Partial<TaskAssignment> = {};
  const changedLater = new Set<string>();
  let proposed: IsoDate | null = null;
  let timerDue: IsoDate | undefined;
  for (const row of sorted) {
    const before = row.occurredAt.getTime() <= cutoffInstant.getTime();
    if (row.eventType === 'REQUEST_EXTENSION')
      proposed = (row.payload?.proposedDueDate as IsoDate | undefined) ?? null;
    if (before && TIMER_EVENTS.includes(row.eventType))
      timerDue = row.payload?.dueDate as IsoDate | undefined;
    const set = setBy(row, proposed);
    if (before) Object.assign(atCutoff, set);
    else for (const field of Object.keys(set)) changedLater.add(field);
  }
  const result: Record<string, unknown> = { ...current };
  for (const field of fields) {
    if (field in atCutoff) result[field] = atCutoff[field];
    else if (field in created) result[field] = created[field];
    else if (changedLater.has(field) && field === 'dueDate' && timerDue !== undefined)
      result[field] = timerDue;
    // Otherwise unchanged since the cut-off, or (see above) not recoverable: the value now.
  }
  return result as A;
}

/**
 * Each task's state, timeliness and last reason at the cut-off, with its due date (and lead unit
 * and leader, when given) as they were then; tasks not yet created are left out.
 */
export function tasksAsOf<
  T extends { id: string } & Pick<TaskAssignment, 'dueDate'> & Partial<TaskAssignment>,
>(tasks: T[], audit: TaskAuditRow[], cutoffInstant: Date): (T & TaskStateAsOf)[] {
  const byTask = new Map<string, TaskAuditRow[]>();
  for (const row of audit) {
    const rows = byTask.get(row.instanceId) ?? [];
    rows.push(row);
    byTask.set(row.instanceId, rows);
  }
  return tasks.flatMap((current) => {
    const history = (byTask.get(current.id) ?? []).sort((a, b) => a.seq - b.seq);
    const rows = history.filter((row) => row.occurredAt.getTime() <= cutoffInstant.getTime());
    if (rows.length === 0) return [];
    const task = assignmentAt(current, history, cutoffInstant);
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

/**
 * The audit history up to the cut-off of a plan's tasks (group rows left out), or of some tasks,
 * with their assigning events after it (what `assignmentAt` needs to tell the values then from
 * the values now): one query, payloads read only where they carry a due date, unit or leader.
 */
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
    `SELECT a.instance_id, a.seq, a.event_type, a.to_state, a.reason, a.occurred_at,
            CASE WHEN a.seq = 1 OR a.event_type IN (?) THEN a.payload END AS payload
       FROM audit_events a JOIN reform_tasks t ON t.id = a.instance_id
       WHERE ${which} AND a.instance_type = 'reform-task'
         AND (a.occurred_at <= ? OR a.event_type IN (?))`,
    [[...ASSIGNING_EVENTS, ...TIMER_EVENTS], param, cutoff, ASSIGNING_EVENTS],
  )) as {
    instance_id: string;
    seq: number;
    event_type: string;
    to_state: string;
    reason: string | null;
    occurred_at: Date;
    payload: string | Record<string, unknown> | null;
  }[];
  return rows.map((row) => ({
    instanceId: row.instance_id,
    seq: row.seq,
    eventType: row.event_type,
    toState: row.to_state,
    reason: row.reason,
    occurredAt: new Date(row.occurred_at),
    payload:
      typeof row.payload === 'string'
        ? (JSON.parse(row.payload) as Record<string, unknown>)
        : row.payload,
  }));
}
