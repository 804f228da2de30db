import type { HistoryEntry } from '../api/types';
import { formatDateTime } from '../common/format';

/**
 * When an entry happened: the receipt at the dossier's receipt time (`receivedAt`, which the desk
 * may enter later than it received the dossier), saying when it was recorded if that reads
 * differently; any other entry when it was recorded.
 */
export function entryTime(entry: Pick<HistoryEntry, 'event' | 'at'>, receivedAt: string): string {
  if (entry.event !== 'RECEIVED') return formatDateTime(entry.at);
  const received = formatDateTime(receivedAt);
  const recorded = formatDateTime(entry.at);
  return received === recorded ? received : `${received} (ghi nhận vào hệ thống lúc ${recorded})`;
}
