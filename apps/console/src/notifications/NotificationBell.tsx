import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { data, http } from '../api/http';
import type { AppNotification, NotificationSummary } from '../api/types';
import { formatDateTime } from '../common/format';
import { PATHS } from '../paths';
import { withRead } from './notification-summary';

/** How often new notifications are fetched: the issue asks for no slower than 15 s. */
const POLL_MS = 15_000;

/**
 * The bell of the header: unread count, the latest notifications, mark read; polls the summary
 * (the count and the latest 30, not the user's whole list).
 */
export function NotificationBell({ userId }: { userId: string }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const summary = useQuery({
    queryKey: ['notifications', userId],
    queryFn: () => data(http.GET('/notifications/summary')),
    refetchInterval: POLL_MS,
  });
  const markRead = useMutation({
    mutationFn: (id: string) =>
      data(http.POST('/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: (read) =>
      client.setQueryData<NotificationSummary>(['notifications', userId], (shown) =>
        shown ? withRead(shown, read) : shown,
      ),
  });
  const items = summary.data?.latest ?? [];
  const unread = summary.data?.unread ?? 0;
  // Counted up to the API's cap: past it, "more than".
  const unreadText = summary.data?.unreadCapped ? `${unread}+` : String(unread);

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
                        loading={markRead.isPending && markRead.variables === item.id}
                        onClick={() => markRead.mutate(item.id)}
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
        onClose={() => setOpen(false)}
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
