import { DataSource, EntityManager } from 'typeorm';
import { documentNumber } from '@cchc/documents';
import { MINUTES_SYMBOL } from './inspection-documents';
import { ChecklistResultRow } from './checklist';

export interface VisitRow {
  unitId: string;
  unitName: string;
  state: string;
  unannounced: boolean;
  scheduledOn: string;
  startedOn: string | null;
  doneOn: string | null;
  /** "01/BB-ĐKT": given when the visit is done. */
  minutesNumber: string | null;
  results: ChecklistResultRow[];
  minutes: string | null;
}

export interface FindingRow {
  id: string;
  unitId: string;
  unitName: string;
  topicCode: string;
  description: string;
  severity: string;
  parCode: string | null;
  recommendation: string;
  status: string;
  statusReason: string | null;
  taskId: string | null;
  taskState: string | null;
  taskDueDate: string | null;
  /** The remediation task is accepted, or the chairman closed the finding. */
  settled: boolean;
}

function json<T>(value: unknown, empty: T): T {
  if (value === null || value === undefined) return empty;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** The visit and finding rows of a campaign, as the views and documents read them. */
export function campaignRecords(db: DataSource | EntityManager) {
  return {
    async visits(campaignId: string): Promise<VisitRow[]> {
      const rows = (await db.query(
        `SELECT v.unit_id, u.name AS unit_name, v.state, v.unannounced,
                DATE_FORMAT(v.scheduled_on, '%Y-%m-%d') AS scheduled_on,
                DATE_FORMAT(v.started_on, '%Y-%m-%d') AS started_on,
                DATE_FORMAT(v.done_on, '%Y-%m-%d') AS done_on, v.minutes_number, v.results,
                v.minutes
           FROM inspection_visits v JOIN org_units u ON u.id = v.unit_id
          WHERE v.campaign_id = ? ORDER BY u.code`,
        [campaignId],
      )) as Record<string, unknown>[];
      return rows.map((row) => ({
        unitId: row.unit_id as string,
        unitName: row.unit_name as string,
        state: row.state as string,
        unannounced: Boolean(row.unannounced),
        scheduledOn: row.scheduled_on as string,
        startedOn: row.started_on as string | null,
        doneOn: row.done_on as string | null,
        minutesNumber:
          row.minutes_number === null
            ? null
            : documentNumber(Number(row.minutes_number), MINUTES_SYMBOL),
        results: json<ChecklistResultRow[]>(row.results, []),
        minutes: row.minutes as string | null,
      }));
    },

    async findings(campaignId: string): Promise<FindingRow[]> {
      const rows = (await db.query(
        `SELECT f.id, f.unit_id, u.name AS unit_name, f.topic_code, f.description, f.severity,
                f.par_code, f.recommendation, f.status, f.status_reason, f.task_id,
                t.state AS task_state, DATE_FORMAT(t.due_date, '%Y-%m-%d') AS task_due_date
           FROM inspection_findings f
           JOIN org_units u ON u.id = f.unit_id
           LEFT JOIN reform_tasks t ON t.id = f.task_id
          WHERE f.campaign_id = ? ORDER BY f.created_at, f.id`,
        [campaignId],
      )) as Record<string, string | null>[];
      return rows.map((row) => ({
        id: row.id as string,
        unitId: row.unit_id as string,
        unitName: row.unit_name as string,
        topicCode: row.topic_code as string,
        description: row.description as string,
        severity: row.severity as string,
        parCode: row.par_code,
        recommendation: row.recommendation as string,
        status: row.status as string,
        statusReason: row.status_reason,
        taskId: row.task_id,
        taskState: row.task_state,
        taskDueDate: row.task_due_date,
        settled: row.status === 'closed' || row.task_state === 'accepted',
      }));
    },
  };
}
