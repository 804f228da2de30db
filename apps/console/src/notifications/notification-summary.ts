import type { AppNotification, NotificationSummary } from '../api/types';

/**
 * The bell's summary once `read` (the API's answer to marking it read) is read: shown at once,
 * since the next summary may come from a read replica still a moment behind. `shown` is the
 * notification as the drawer showed it (among the latest, or an older one).
 */
export function withRead(
  summary: NotificationSummary,
  read: AppNotification,
  shown = summary.latest.find((item) => item.id === read.id),
): NotificationSummary {
  const wasUnread = shown ? !shown.readAt : false;
  return {
    ...summary,
    // A capped count stays "more than" the cap: one less is still past it.
    unread: wasUnread && !summary.unreadCapped ? Math.max(0, summary.unread - 1) : summary.unread,
    latest: summary.latest.map((item) => (item.id === read.id ? read : item)),
  };
}

/** Pages of older notifications (GET /notifications) once `read` is read. */
export function pagesWithRead<P extends { items: AppNotification[] }>(
  pages: P[],
  read: AppNotification,
): P[] {
  return pages.map((page) => ({
    ...page,
    items: page.items.map((item) => (item.id === read.id ? read : item)),
  }));
}
