import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { ReactNode, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { data, http } from '../api/http';
import { mayOpen, Screen } from '../access';
import { ROLE_LABELS } from '../common/labels';
import { NotificationBell } from '../notifications/NotificationBell';
import { useSession, useUser } from '../session/session';
import { PATHS } from '../paths';

/**
 * The frame of every signed-in screen: navigation with counts, the user, sign-out. Below antd's
 * `lg` breakpoint (992 px) the navigation and sign-out move into a drawer behind "Menu", so the
 * header never scrolls sideways on a phone or a tablet; the user's name needs `xxl` (1600 px).
 */
export function AppLayout() {
  const user = useUser();
  const { signOut } = useSession();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const inbox = useQuery({
    queryKey: ['inbox', user.id],
    queryFn: () => data(http.GET('/inbox')),
    refetchInterval: 15_000,
  });
  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  // The links of the screens the role may open (access.ts, which the route guard reads too).
  const links: { screen: Screen; path: string; label: ReactNode }[] = [
    {
      screen: 'inbox',
      path: PATHS.inbox,
      label: (
        <>
          Việc cần làm <Badge count={inbox.data?.total ?? 0} size="small" />
        </>
      ),
    },
    { screen: 'tasks', path: PATHS.tasks, label: 'Nhiệm vụ' },
    { screen: 'dashboard', path: PATHS.dashboard, label: 'Tổng quan' },
    { screen: 'dossiers', path: PATHS.dossiers, label: 'Hồ sơ TTHC' },
    { screen: 'plans', path: PATHS.plans, label: 'Kế hoạch' },
    { screen: 'inspections', path: PATHS.inspections, label: 'Kiểm tra' },
    { screen: 'reports', path: PATHS.reports, label: 'Báo cáo' },
    { screen: 'par', path: PATHS.par, label: 'Chỉ số CCHC' },
    // The province officer reads the wards from above: its one screen is their ranking.
    { screen: 'ranking', path: PATHS.ranking, label: 'Xếp hạng phường, xã' },
    { screen: 'audit', path: PATHS.audit, label: 'Nhật ký' },
    { screen: 'admin', path: PATHS.admin, label: 'Quản trị' },
  ];
  const menu = links
    .filter((link) => mayOpen(user.role, link.screen))
    .map((link) => ({ key: link.path, label: <Link to={link.path}>{link.label}</Link> }));
  const userName = (
    <span className="app-user-name">
      {user.fullName} ({ROLE_LABELS[user.role]})
    </span>
  );
  const signOutButton = (
    <Button size="small" onClick={signOut}>
      Đăng xuất
    </Button>
  );

  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        {narrow && (
          <Button
            className="app-menu-button"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          >
            <span aria-hidden="true">☰ </span>Menu
          </Button>
        )}
        <Typography.Text strong className="app-name">
          CCHC
        </Typography.Text>
        {narrow ? (
          <span className="app-header-fill" />
        ) : (
          <nav aria-label="Điều hướng chính" className="app-menu">
            <Menu
              mode="horizontal"
              theme="dark"
              selectedKeys={[selected]}
              disabledOverflow
              items={menu}
            />
          </nav>
        )}
        <Space className="app-user">
          <NotificationBell userId={user.id} />
          {screens.xxl && userName}
          {!narrow && signOutButton}
        </Space>
      </Layout.Header>
      {narrow && (
        <Drawer
          title="CCHC"
          placement="left"
          size="min(280px, 85vw)"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
        >
          <nav aria-label="Điều hướng chính">
            <Menu
              mode="vertical"
              className="app-drawer-menu"
              selectedKeys={[selected]}
              items={menu}
              onClick={() => setDrawerOpen(false)}
            />
          </nav>
          <Space direction="vertical" className="app-drawer-user">
            {userName}
            {signOutButton}
          </Space>
        </Drawer>
      )}
      <Layout.Content className="app-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
