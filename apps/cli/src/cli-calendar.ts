import { createConnection } from 'mysql2/promise';
import { WorkingCalendar } from '@cchc/calendar';
import { loadConfig, mysqlConnectionOptions } from '@cchc/common';
import { loadEditedSchedules } from '@cchc/calendar-store';

/**
 * The working calendar for CLI commands: the shipped schedules plus the years edited in the
 * database when it answers. The calendar commands still work without a database, and say so.
 */
export async function cliWorkingCalendar(): Promise<WorkingCalendar> {
  try {
    const connection = await createConnection({
      ...mysqlConnectionOptions(loadConfig().databaseUrl, true),
      connectTimeout: 1500,
    });
    try {
      return new WorkingCalendar(
        await loadEditedSchedules({ query: async (sql) => (await connection.query(sql))[0] }),
      );
    } finally {
      await connection.end();
    }
  } catch (error) {
    const reason = (error as { code?: string }).code ?? String(error);
    console.error(
      `(không đọc được lịch nghỉ đã chỉnh sửa trong cơ sở dữ liệu: ${reason}; dùng lịch nghỉ có sẵn)`,
    );
    return new WorkingCalendar();
  }
}
