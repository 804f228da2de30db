import { DataSource, EntityManager } from 'typeorm';
import { IsoDate } from '@cchc/domain';
import { PlannedTask, TaskAsOf, TaskAuditRow, tasksAsOf } from './report-content';

/** The plan's tasks as they stood at the cut-off instant, from their audit history. */
export async function planTasksAsOf(
  db: DataSource | EntityManager,
  planId: string,
  cutoff: Date,
): Promise<TaskAsOf[]> {
  return tasksAsOf(await plannedTasks(db, planId), await taskAudit(db, planId, cutoff), cutoff);
}

/** The plan's tasks (group rows are counted through their children). */
async function plannedTasks(
  db: DataSource | EntityManager,
  planId: string,
): Promise<PlannedTask[]> {
  const rows = (await db.query(
    `SELECT t.id, t.ordinal, t.title, t.area_code, a.title AS area_name, u.name AS lead_unit,
              DATE_FORMAT(t.due_date, '%Y-%m-%d') AS due_date
       FROM reform_tasks t
       JOIN org_units u ON u.id = t.lead_unit_id
       LEFT JOIN plan_areas a ON a.plan_id = t.plan_id AND a.code = t.area_code
       WHERE t.plan_id = ? AND t.is_group = 0
       ORDER BY t.area_code, t.ordinal`,
    [planId],
  )) as {
    id: string;
    ordinal: string | null;
    title: string;
    area_code: string | null;
    area_name: string | null;
    lead_unit: string;
    due_date: IsoDate | null;
  }[];
  return rows.map((row) => ({
    id: row.id,
    ordinal: row.ordinal,
    title: row.title,
    areaCode: row.area_code,
    areaName: row.area_name,
    leadUnitName: row.lead_unit,
    dueDate: row.due_date,
  }));
}

async function taskAudit(
  db: DataSource | EntityManager,
  planId: string,
  cutoff: Date,
): Promise<TaskAuditRow[]> {
  const rows = (await db.query(
    `SELECT a.instance_id, a.seq, a.event_type, a.to_state, a.reason, a.occurred_at
       FROM audit_events a JOIN reform_tasks t ON t.id = a.instance_id
       WHERE t.plan_id = ? AND t.is_group = 0 AND a.instance_type = 'reform-task'
         AND a.occurred_at <= ?`,
    [planId, cutoff],
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
