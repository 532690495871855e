import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Flex, Result, Spin } from 'antd';
import { useT } from '../shared/i18n.tsx';
import { useSession } from '../shared/session.tsx';
import { QueryError } from '../shared/ui/query-error.tsx';
import { useMayOpen, type Access } from './navigation.tsx';

/** Only a safe path inside the console may follow a sign-in (no other site, no protocol-relative URL). */
export function safeRedirect(target: string | null): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Pages behind sign-in: wait for the session, send signed-out people to the login page and back afterwards. */
export function RequireAuth() {
  const { session, loading, error, retry, signedOutByUser } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!session) {
    if (error) return <QueryError error={error} onRetry={retry} />;
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={back === '/' || signedOutByUser ? '/login' : `/login?redirect=${encodeURIComponent(back)}`} replace />;
  }
  return <Outlet />;
}

export function Forbidden() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subtitle')}
      data-testid="forbidden"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('action.backHome')}
        </Button>
      }
    />
  );
}

/** Refuses a page whose permission (or role) the active membership lacks; the API refuses the data anyway. */
export function RequirePermission({ access, children }: { access: Access; children: ReactNode }) {
  const mayOpen = useMayOpen();
  if (!mayOpen(access)) return <Forbidden />;
  return <>{children}</>;
}

export function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.subtitle')}
      data-testid="not-found"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('action.backHome')}
        </Button>
      }
    />
  );
}
