import { endOfDayInstant } from '@cchc/calendar';

const DAY_MS = 24 * 3600 * 1000;

/** Calendar days (Vietnam time, both ends included) as the instants the history is read between. */
export function instantsOf(from?: string, to?: string): { from?: Date; to?: Date } {
  return {
    from: from ? new Date(endOfDayInstant(from).getTime() - DAY_MS + 1) : undefined,
    to: to ? endOfDayInstant(to) : undefined,
  };
}
