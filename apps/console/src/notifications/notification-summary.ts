import type { AppNotification, NotificationSummary } from '../api/types';

/**
 * The bell's summary once `read` (the API's answer to marking it read) is read: shown at once,
 * since the next summary may come from a read replica still a moment behind. `shown` is the
 * notification as the drawer showed it (among the latest, or an older one).
 */
export function withRead(
  summary: NotificationSummary,
  read: AppNotification,
  shown?: AppNotification,
): NotificationSummary {
  // As the summary shows it now (a poll may have seen it read already), else as the drawer did.
  shown = summary.latest.find((item) => item.id === read.id) ?? shown;
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

/**
 * What the drawer lists once older ones were asked for: the summary's latest, what it showed
 * then (new notifications since may have pushed some of those out of the latest) and the older
 * pages; each notification once (its first copy), newest first.
 */
export function drawerItems(...lists: AppNotification[][]): AppNotification[] {
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || compareIds(b.id, a.id));
}

/** Ids are numbers (bigint) as text: a shorter one is smaller. */
const compareIds = (a: string, b: string) => a.length - b.length || a.localeCompare(b);
