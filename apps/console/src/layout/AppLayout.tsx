import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { data, http } from '../api/http';
import type { Role } from '../api/types';
import { ROLE_LABELS } from '../common/labels';
import { NotificationBell } from '../notifications/NotificationBell';
import { useSession, useUser } from '../session/session';
import { PATHS } from '../paths';

/** Those who score, review or answer for the self-assessment. */
const PAR_ROLES: readonly Role[] = ['coordinator', 'chairman', 'leader', 'unit_head', 'officer'];

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
  const items = [
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
    { key: PATHS.reports, label: <Link to={PATHS.reports}>Báo cáo</Link> },
    ...(PAR_ROLES.includes(user.role)
      ? [{ key: PATHS.par, label: <Link to={PATHS.par}>Chỉ số CCHC</Link> }]
      : []),
    // Who did what, and whether the history is intact: for those who examine or answer for it.
    ...(user.role === 'inspector' || user.role === 'chairman'
      ? [{ key: PATHS.audit, label: <Link to={PATHS.audit}>Nhật ký</Link> }]
      : []),
    ...(user.role === 'admin'
      ? [{ key: PATHS.admin, label: <Link to={PATHS.admin}>Quản trị</Link> }]
      : []),
  ];
  // The province officer reads the wards from above: its one screen is their ranking.
  const menu =
    user.role === 'province_officer'
      ? [{ key: PATHS.ranking, label: <Link to={PATHS.ranking}>Xếp hạng phường, xã</Link> }]
      : items;
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
