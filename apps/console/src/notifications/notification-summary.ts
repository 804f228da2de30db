import type { AppNotification, NotificationSummary } from '../api/types';

/**
 * The bell's summary once `read` (the API's answer to marking it read) is read: shown at once,
 * since the next summary may come from a read replica still a moment behind.
 */
export function withRead(summary: NotificationSummary, read: AppNotification): NotificationSummary {
  const shown = summary.latest.find((item) => item.id === read.id);
  const wasUnread = shown ? !shown.readAt : false;
  return {
    ...summary,
    // A capped count stays "more than" the cap: one less is still past it.
    unread: wasUnread && !summary.unreadCapped ? Math.max(0, summary.unread - 1) : summary.unread,
    latest: summary.latest.map((item) => (item.id === read.id ? read : item)),
  };
}
