import { Result, Spin } from 'antd';
import { lazy, ReactNode, Suspense } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router';
import { mayOpen, Screen } from './access';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './session/LoginPage';
import { PATHS } from './paths';
import { RequireSession, useUser } from './session/session';

// Each screen is its own chunk: the first screen loads only what it shows.
const InboxPage = lazy(() => import('./inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const TaskListPage = lazy(() =>
  import('./tasks/TaskListPage').then((m) => ({ default: m.TaskListPage })),
);
const DashboardPage = lazy(() =>
  import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const TaskPage = lazy(() => import('./tasks/TaskPage').then((m) => ({ default: m.TaskPage })));
const DossierListPage = lazy(() =>
  import('./dossiers/DossierListPage').then((m) => ({ default: m.DossierListPage })),
);
const DossierPage = lazy(() =>
  import('./dossiers/DossierPage').then((m) => ({ default: m.DossierPage })),
);

const PlanListPage = lazy(() =>
  import('./plans/PlanListPage').then((m) => ({ default: m.PlanListPage })),
);
const PlanPage = lazy(() => import('./plans/PlanPage').then((m) => ({ default: m.PlanPage })));
const PlanImportPage = lazy(() =>
  import('./plans/PlanImportPage').then((m) => ({ default: m.PlanImportPage })),
);

const CampaignListPage = lazy(() =>
  import('./inspections/CampaignListPage').then((m) => ({ default: m.CampaignListPage })),
);
const CampaignPage = lazy(() =>
  import('./inspections/CampaignPage').then((m) => ({ default: m.CampaignPage })),
);
const ChecklistTemplatePage = lazy(() =>
  import('./inspections/ChecklistTemplatePage').then((m) => ({
    default: m.ChecklistTemplatePage,
  })),
);

const AdminPage = lazy(() => import('./admin/AdminPage').then((m) => ({ default: m.AdminPage })));

const AuditPage = lazy(() => import('./audit/AuditPage').then((m) => ({ default: m.AuditPage })));

const ReportListPage = lazy(() =>
  import('./reports/ReportListPage').then((m) => ({ default: m.ReportListPage })),
);
const ReportPage = lazy(() =>
  import('./reports/ReportPage').then((m) => ({ default: m.ReportPage })),
);

const ParPage = lazy(() => import('./par/ParPage').then((m) => ({ default: m.ParPage })));
const RankingPage = lazy(() =>
  import('./province/RankingPage').then((m) => ({ default: m.RankingPage })),
);
const WardPage = lazy(() => import('./province/WardPage').then((m) => ({ default: m.WardPage })));
const WardReportPage = lazy(() =>
  import('./province/WardReportPage').then((m) => ({ default: m.WardReportPage })),
);

/**
 * A screen for the roles that may open it (those whose navigation links to it); a URL typed by
 * anyone else gets a 403 page rather than a half-working screen whose calls the API refuses.
 */
function Guarded({ name, children }: { name: Screen; children: ReactNode }) {
  const user = useUser();
  if (!mayOpen(user.role, name))
    return (
      <Result
        status="403"
        title="Bạn không có quyền truy cập trang này"
        subTitle="Trang này dành cho vai trò khác."
        extra={<Link to="/">Về trang chủ</Link>}
      />
    );
  return <Suspense fallback={<Spin />}>{children}</Suspense>;
}

const screen = (name: Screen, element: ReactNode) => <Guarded name={name}>{element}</Guarded>;

/** Where signing in lands: the province officer has no ward work, so its inbox is the ranking. */
function Home() {
  const user = useUser();
  return <Navigate to={user.role === 'province_officer' ? PATHS.ranking : PATHS.inbox} replace />;
}

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path={PATHS.login} element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route path={PATHS.inbox} element={screen('inbox', <InboxPage />)} />
        <Route path={PATHS.dashboard} element={screen('dashboard', <DashboardPage />)} />
        <Route path={PATHS.tasks} element={screen('tasks', <TaskListPage />)} />
        <Route path={`${PATHS.tasks}/:id`} element={screen('tasks', <TaskPage />)} />
        <Route path={PATHS.dossiers} element={screen('dossiers', <DossierListPage />)} />
        <Route path={`${PATHS.dossiers}/:code`} element={screen('dossiers', <DossierPage />)} />
        <Route path={PATHS.plans} element={screen('plans', <PlanListPage />)} />
        <Route path={PATHS.planImport} element={screen('planImport', <PlanImportPage />)} />
        <Route path={`${PATHS.plans}/:id`} element={screen('plans', <PlanPage />)} />
        <Route path={PATHS.inspections} element={screen('inspections', <CampaignListPage />)} />
        <Route
          path={PATHS.checklistTemplate}
          element={screen('inspections', <ChecklistTemplatePage />)}
        />
        <Route
          path={`${PATHS.inspections}/:id`}
          element={screen('inspections', <CampaignPage />)}
        />
        <Route path={PATHS.reports} element={screen('reports', <ReportListPage />)} />
        <Route path={`${PATHS.reports}/:id`} element={screen('reports', <ReportPage />)} />
        <Route path={PATHS.par} element={screen('par', <ParPage />)} />
        <Route path={PATHS.ranking} element={screen('ranking', <RankingPage />)} />
        <Route path={`${PATHS.ranking}/:wardId`} element={screen('ranking', <WardPage />)} />
        <Route
          path={`${PATHS.ranking}/:wardId/bao-cao/:reportId`}
          element={screen('ranking', <WardReportPage />)}
        />
        <Route path={PATHS.audit} element={screen('audit', <AuditPage />)} />
        <Route path={PATHS.admin} element={screen('admin', <AdminPage />)} />
      </Route>
      {/* Home is the role's own (the province officer's is the ranking). */}
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
