import { ApiClient } from './api-client';

/** A year of the calendar as `PUT /calendar/years/:year` takes it. */
export interface YearScheduleBody {
  daysOff: { date: string; name: string }[];
  makeUpWorkdays: { date: string; name: string }[];
  source: string;
}

/** The year's schedule as it is, and the same with `date` made a day off, to edit and restore. */
export async function yearWithDayOff(
  client: ApiClient,
  year: number,
  date: string,
): Promise<{ original: YearScheduleBody; withDayOff: YearScheduleBody }> {
  const { schedule } = (await client.get('officer', `/calendar/years/${year}`)).body;
  const original: YearScheduleBody = {
    daysOff: schedule.daysOff,
    makeUpWorkdays: schedule.makeUpWorkdays,
    source: schedule.source,
  };
  const dayOff = { date, name: 'Nghỉ đột xuất (thử nghiệm)' };
  return { original, withDayOff: { ...original, daysOff: [...original.daysOff, dayOff] } };
}
