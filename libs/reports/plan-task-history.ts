import { DataSource, EntityManager } from 'typeorm';
import { IsoDate } from '@cchc/domain';
import { taskAuditUpTo, tasksAsOf } from '@cchc/tasks';
import { PlannedTask, TaskAsOf } from './report-content';

/**
 * The plan's tasks as they stood at the cut-off instant, from their audit history: state, due
 * date and lead unit then (a unit is named as it is named now).
 */
export async function planTasksAsOf(
  db: DataSource | EntityManager,
  planId: string,
  cutoff: Date,
): Promise<TaskAsOf[]> {
  const tasks = tasksAsOf(
    await plannedTasks(db, planId),
    await taskAuditUpTo(db, { planId }, cutoff),
    cutoff,
  );
  const names = await unitNames(db, [...new Set(tasks.map((task) => task.leadUnitId))]);
  return tasks.map((task) => ({ ...task, leadUnitName: names.get(task.leadUnitId) ?? '' }));
}

/** The plan's tasks (group rows are counted through their children). */
async function plannedTasks(
  db: DataSource | EntityManager,
  planId: string,
): Promise<PlannedTask[]> {
  const rows = (await db.query(
    `SELECT t.id, t.ordinal, t.title, t.area_code, a.title AS area_name, a.position AS area_position,
              t.lead_unit_id,
              DATE_FORMAT(t.due_date, '%Y-%m-%d') AS due_date
       FROM reform_tasks t
       LEFT JOIN plan_areas a ON a.plan_id = t.plan_id AND a.code = t.area_code
       WHERE t.plan_id = ? AND t.is_group = 0
       ORDER BY a.position IS NULL, a.position, t.area_code, t.source_row, t.ordinal`,
    [planId],
  )) as {
    id: string;
    ordinal: string | null;
    title: string;
    area_code: string | null;
    area_name: string | null;
    area_position: number | null;
    lead_unit_id: string;
    due_date: IsoDate | null;
  }[];
  return rows.map((row) => ({
    id: row.id,
    ordinal: row.ordinal,
    title: row.title,
    areaCode: row.area_code,
    areaName: row.area_name,
    areaPosition: row.area_position,
    leadUnitId: row.lead_unit_id,
    dueDate: row.due_date,
  }));
}

async function unitNames(db: DataSource | EntityManager, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = (await db.query('SELECT id, name FROM org_units WHERE id IN (?)', [ids])) as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}
