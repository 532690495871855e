import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, useRouteError } from 'react-router';
import { Button, Result, Skeleton } from 'antd';
import { useT } from '../shared/i18n.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { NotFound, RequireAuth, RequirePermission } from './access.tsx';
import { navItems, pageRoutes } from './navigation.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';

// Feature pages load on first visit, so the login page stays small.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const pages: Record<string, ComponentType> = {
  home: page(() => import('../features/home/home-page.tsx'), 'HomePage'),
  organizations: page(() => import('../features/organizations/organization-list-page.tsx'), 'OrganizationListPage'),
  users: page(() => import('../features/users/user-list-page.tsx'), 'UserListPage'),
  calendar: page(() => import('../features/calendar/holiday-calendar-page.tsx'), 'HolidayCalendarPage'),
  workflows: page(() => import('../features/workflows/workflow-list-page.tsx'), 'WorkflowListPage'),
  audit: page(() => import('../features/audit/audit-log-page.tsx'), 'AuditLogPage'),
  petitions: page(() => import('../features/petitions/petition-list-page.tsx'), 'PetitionListPage'),
  petitionRegister: page(() => import('../features/petitions/petition-register-page.tsx'), 'PetitionRegisterPage'),
  petitionDetail: page(() => import('../features/petitions/petition-detail-page.tsx'), 'PetitionDetailPage'),
  petitionSettings: page(() => import('../features/petitions/settings/petition-settings-page.tsx'), 'PetitionSettingsPage'),
  clues: page(() => import('../features/clues/clue-list-page.tsx'), 'ClueListPage'),
  clueCreate: page(() => import('../features/clues/clue-create-page.tsx'), 'ClueCreatePage'),
  clueDetail: page(() => import('../features/clues/clue-detail-page.tsx'), 'ClueDetailPage'),
  cluePerson: page(() => import('../features/clues/clue-person-page.tsx'), 'CluePersonPage'),
  clueSettings: page(() => import('../features/clues/settings/clue-approval-rules-page.tsx'), 'ClueApprovalRulesPage'),
  clueScreenings: page(() => import('../features/clues/screenings/screening-list-page.tsx'), 'ScreeningListPage'),
  screeningCreate: page(() => import('../features/clues/screenings/screening-create-page.tsx'), 'ScreeningCreatePage'),
  screeningDetail: page(() => import('../features/clues/screenings/screening-detail-page.tsx'), 'ScreeningDetailPage'),
  cases: page(() => import('../features/cases/case-list-page.tsx'), 'CaseListPage'),
  caseDetail: page(() => import('../features/cases/case-detail-page.tsx'), 'CaseDetailPage'),
  sanctions: page(() => import('../features/cases/sanctions-page.tsx'), 'SanctionsPage'),
  caseReviews: page(() => import('../features/cases/reviews/case-reviews-page.tsx'), 'CaseReviewsPage'),
  reviewChecklists: page(() => import('../features/cases/reviews/checklists-page.tsx'), 'ChecklistsPage'),
  documentTemplates: page(() => import('../features/cases/settings/document-templates-page.tsx'), 'DocumentTemplatesPage'),
};

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>{children}</Suspense>;
}

function RouteError() {
  const error = useRouteError();
  const t = useT();
  // A new build replaced the chunk this tab expected: a reload fetches the current one.
  return (
    <Result
      status="error"
      title={t('error.pageCrashed')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('action.reload')}
        </Button>
      }
    />
  );
}

export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
    {
      element: <RequireAuth />,
      errorElement: <RouteError />,
      children: [
        {
          element: <AppLayout />,
          errorElement: <RouteError />,
          children: [
            ...navItems.map((item) => {
              const Page = pages[item.key];
              const element = (
                <RequirePermission access={item}>
                  <Loading>
                    <Page />
                  </Loading>
                </RequirePermission>
              );
              return item.path === '/' ? { index: true, element } : { path: item.path.slice(1), element };
            }),
            ...pageRoutes.map((route) => {
              const Page = pages[route.key];
              return {
                path: route.path.slice(1),
                element: (
                  <RequirePermission access={route}>
                    <Loading>
                      <Page />
                    </Loading>
                  </RequirePermission>
                ),
              };
            }),
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
