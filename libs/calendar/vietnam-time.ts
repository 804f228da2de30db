import type { IsoDate } from '@cchc/domain';
import { parseIsoDate } from './iso-date';

// Converts between instants (what the engine's clock gives) and calendar dates in Vietnam.

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam has kept UTC+7 without daylight saving since 1975. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

const MS_PER_HOUR = 3_600_000;

/** "07:29": the time of day in Vietnam at `instant`. */
export function vietnamTimeOfDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_UTC_OFFSET_HOURS * MS_PER_HOUR)
    .toISOString()
    .slice(11, 16);
}

/**
 * The calendar date in Asia/Ho_Chi_Minh at the instant `now` (pass the injectable clock's time).
 * By the fixed offset rather than Intl: formatToParts was 3% of the API's CPU per transition.
 */
export function todayIn(now: Date): IsoDate {
  return new Date(now.getTime() + VIETNAM_UTC_OFFSET_HOURS * MS_PER_HOUR)
    .toISOString()
    .slice(0, 10);
}

/** The last millisecond of `date` in Vietnam (23:59:59.999+07:00): the instant a deadline expires. */
export function endOfDayInstant(date: IsoDate): Date {
  const { year, month, day } = parseIsoDate(date);
  const endOfUtcDay = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  return new Date(endOfUtcDay - VIETNAM_UTC_OFFSET_HOURS * MS_PER_HOUR);
}
