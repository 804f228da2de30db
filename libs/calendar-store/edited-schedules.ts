import { YearSchedule } from '@cchc/calendar';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The year schedules coordinators have edited, as stored in `calendar_years`. */
export async function loadEditedSchedules(
  db: Queryable,
  { shareLocked = false } = {},
): Promise<YearSchedule[]> {
  const rows = (await db.query(
    `SELECT schedule FROM calendar_years ORDER BY year${shareLocked ? ' LOCK IN SHARE MODE' : ''}`,
  )) as {
    schedule: YearSchedule | string;
  }[];
  return rows.map((row) =>
    typeof row.schedule === 'string' ? JSON.parse(row.schedule) : row.schedule,
  );
}
