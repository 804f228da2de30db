import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { data, http } from '../api/http';
import { ROLE_LABELS } from '../common/labels';
import { NotificationBell } from '../notifications/NotificationBell';
import { useSession, useUser } from '../session/session';
import { PATHS } from '../paths';

/** The frame of every signed-in screen: navigation with counts, the user, sign-out. */
export function AppLayout() {
  const user = useUser();
  const { signOut } = useSession();
  const location = useLocation();
  const inbox = useQuery({
    queryKey: ['inbox', user.id],
    queryFn: () => data(http.GET('/inbox')),
    refetchInterval: 15_000,
  });
  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <Typography.Text strong className="app-name">
          CCHC
        </Typography.Text>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[selected]}
          className="app-menu"
          disabledOverflow
          items={[
            {
              key: PATHS.inbox,
              label: (
                <Link to={PATHS.inbox}>
                  Việc cần làm <Badge count={inbox.data?.total ?? 0} size="small" />
                </Link>
              ),
            },
            { key: PATHS.tasks, label: <Link to={PATHS.tasks}>Nhiệm vụ</Link> },
            { key: PATHS.dashboard, label: <Link to={PATHS.dashboard}>Tổng quan</Link> },
            { key: PATHS.dossiers, label: <Link to={PATHS.dossiers}>Hồ sơ TTHC</Link> },
            { key: PATHS.plans, label: <Link to={PATHS.plans}>Kế hoạch</Link> },
            { key: PATHS.inspections, label: <Link to={PATHS.inspections}>Kiểm tra</Link> },
          ]}
        />
        <Space className="app-user">
          <NotificationBell userId={user.id} />
          <span className="app-user-name">
            {user.fullName} ({ROLE_LABELS[user.role]})
          </span>
          <Button size="small" onClick={signOut}>
            Đăng xuất
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
