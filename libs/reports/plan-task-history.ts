import { DataSource, EntityManager } from 'typeorm';
import { IsoDate } from '@cchc/domain';
import { taskAuditUpTo, tasksAsOf } from '@cchc/tasks';
import { PlannedTask, TaskAsOf } from './report-content';

/** The plan's tasks as they stood at the cut-off instant, from their audit history. */
export async function planTasksAsOf(
  db: DataSource | EntityManager,
  planId: string,
  cutoff: Date,
): Promise<TaskAsOf[]> {
  return tasksAsOf(
    await plannedTasks(db, planId),
    await taskAuditUpTo(db, { planId }, cutoff),
    cutoff,
  );
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
