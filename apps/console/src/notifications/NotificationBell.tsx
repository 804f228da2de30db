import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { data, http } from '../api/http';
import type { AppNotification, NotificationPage, NotificationSummary } from '../api/types';
import { formatDateTime } from '../common/format';
import { PATHS } from '../paths';
import { drawerItems, pagesWithRead, withRead } from './notification-summary';

/** How often new notifications are fetched: the issue asks for no slower than 15 s. */
const POLL_MS = 15_000;

/** Older notifications are read as many at a time as the summary's latest. */
const OLDER_PAGE_SIZE = 30;

type ShownPage = { items: AppNotification[] };

/**
 * The bell of the header: unread count, the latest notifications, mark read; polls the summary
 * (the count and the latest 30, not the user's whole list); "Xem thông báo cũ hơn" reads the
 * older ones from GET /notifications, 30 at a time.
 */
export function NotificationBell({ userId }: { userId: string }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  // Older ones asked for: from the summary's cursor then, with what the drawer showed then.
  const [olderFrom, setOlderFrom] = useState<{ cursor: string; shown: ShownPage } | null>(null);
  const summary = useQuery({
    queryKey: ['notifications', userId],
    queryFn: () => data(http.GET('/notifications/summary')),
    refetchInterval: POLL_MS,
  });
  const olderCursor = summary.data?.olderCursor ?? null;
  // Older than the summary's latest, a page at a time, once asked for.
  const older = useInfiniteQuery({
    queryKey: ['notifications', userId, 'older'],
    initialPageParam: olderFrom?.cursor ?? '',
    queryFn: ({ pageParam }) =>
      data(
        http.GET('/notifications', {
          params: { query: { pageSize: OLDER_PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: olderFrom !== null,
    staleTime: Infinity,
  });
  const markRead = useMutation({
    mutationFn: (shown: AppNotification) =>
      data(http.POST('/notifications/{id}/read', { params: { path: { id: shown.id } } })),
    onSuccess: (read, shown) => {
      client.setQueryData<NotificationSummary>(['notifications', userId], (current) =>
        current ? withRead(current, read, shown) : current,
      );
      client.setQueryData<InfiniteData<NotificationPage>>(
        ['notifications', userId, 'older'],
        (current) =>
          current ? { ...current, pages: pagesWithRead(current.pages, read) } : current,
      );
      setOlderFrom((from) => from && { ...from, shown: pagesWithRead([from.shown], read)[0] });
    },
  });
  const latest = summary.data?.latest ?? [];
  // New notifications since older ones were asked for push some of the shown out of `latest`.
  const items = olderFrom
    ? drawerItems(latest, olderFrom.shown.items, ...(older.data?.pages.map((p) => p.items) ?? []))
    : latest;
  const unread = summary.data?.unread ?? 0;
  // Counted up to the API's cap: past it, "more than".
  const unreadText = summary.data?.unreadCapped ? `${unread}+` : String(unread);
  const moreToShow = olderFrom ? older.hasNextPage : olderCursor !== null;

  const list = (
    <div>
      {items.length === 0 ? (
        <Empty description="Chưa có thông báo" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List<AppNotification>
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              className={item.readAt ? undefined : 'notification-unread'}
              actions={
                item.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        loading={markRead.isPending && markRead.variables?.id === item.id}
                        onClick={() => markRead.mutate(item)}
                        aria-label={`Đánh dấu đã đọc: ${item.title}`}
                      >
                        Đánh dấu đã đọc
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  item.subjectType === 'reform-task' ? (
                    <Link to={PATHS.task(item.subjectId)}>{item.title}</Link>
                  ) : item.subjectType === 'inspection-campaign' ? (
                    <Link to={PATHS.inspection(item.subjectId)}>{item.title}</Link>
                  ) : (
                    item.title
                  )
                }
                description={formatDateTime(item.createdAt)}
              />
            </List.Item>
          )}
        />
      )}
      {moreToShow || older.isFetching ? (
        <Button
          block
          loading={older.isFetching}
          onClick={() =>
            olderFrom
              ? older.fetchNextPage()
              : olderCursor && setOlderFrom({ cursor: olderCursor, shown: { items: latest } })
          }
        >
          Xem thông báo cũ hơn
        </Button>
      ) : null}
    </div>
  );

  return (
    <>
      <Button
        size="small"
        aria-label={`Thông báo: ${unreadText} chưa đọc`}
        className="notification-bell"
        onClick={() => setOpen(true)}
      >
        <BellIcon />
        <Badge count={unread} title={unreadText} size="small" offset={[4, -2]} />
      </Button>
      <Drawer
        title="Thông báo"
        open={open}
        onClose={() => {
          setOpen(false);
          // Opened again, the drawer starts from the latest; older pages are read again if asked.
          setOlderFrom(null);
          client.removeQueries({ queryKey: ['notifications', userId, 'older'] });
        }}
        size="min(400px, 100vw)"
        className="notification-drawer"
      >
        {list}
      </Drawer>
    </>
  );
}
function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
      />
    </svg>
  );
}
