/** ISO 8601 extended date, optional time, optional offset (`Z`, `+07`, `+0700`, `+07:00`). */
const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving since 1975. */
const VIETNAM_OFFSET = '+07:00';

/**
 * An instant written in ISO 8601's extended form (a dossier's receipt, a figures' cut-off). The
 * people writing it are in Vietnam, so a time without a time zone (`2026-02-12T09:30:00`, or a
 * date alone, read as its midnight) is Asia/Ho_Chi_Minh time (UTC+7) — never UTC, nor the
 * server's. Null for anything else, week and ordinal dates included (`Date` cannot read them).
 */
export function vietnamInstant(text: string): Date | null {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return null;
  const [, date, time = '00:00', offset] = match;
  const zone = offset ? normalOffset(offset) : VIETNAM_OFFSET;
  const instant = new Date(`${date}T${time}${zone}`);
  // Date accepts 2026-02-30 as 2 March: the calendar date must read back unchanged.
  if (Number.isNaN(instant.getTime()) || !sameCalendarDate(date, time, zone, instant)) return null;
  return instant;
}

function normalOffset(offset: string): string {
  if (offset.toUpperCase() === 'Z') return 'Z';
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
}

function sameCalendarDate(date: string, time: string, zone: string, instant: Date): boolean {
  const minutes =
    zone === 'Z'
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const local = new Date(instant.getTime() + minutes * 60_000).toISOString();
  return local.slice(0, 10) === date && local.slice(11, 16) === time.slice(0, 5);
}
