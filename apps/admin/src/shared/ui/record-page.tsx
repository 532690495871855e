import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../api-client.ts';
import { PageContainer } from './page-container.tsx';
import { QueryError } from './query-error.tsx';

export interface NotFoundText {
  title: string;
  hint: string;
  testId: string;
  /** The list the person goes back to, and its label. */
  backTo: string;
  backLabel: string;
}

/**
 * The states of a page about one record: a skeleton while it loads; "not found" (with the way back) where the server
 * answers 404, which it also does for records outside the body's scope; the error and a retry otherwise; the page.
 */
export function RecordPage<T>({
  query,
  title,
  notFound,
  rows = 12,
  children,
}: {
  query: UseQueryResult<T>;
  /** The page title while the record loads. */
  title: string;
  notFound: NotFoundText;
  rows?: number;
  children: (record: T) => ReactNode;
}) {
  const navigate = useNavigate();
  if (query.isPending) {
    return (
      <PageContainer title={title}>
        <Card>
          <Skeleton active paragraph={{ rows }} />
        </Card>
      </PageContainer>
    );
  }
  if (query.isError) {
    return isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED') ? (
      <Result
        status="404"
        title={notFound.title}
        subTitle={notFound.hint}
        data-testid={notFound.testId}
        extra={
          <Button type="primary" onClick={() => navigate(notFound.backTo)}>
            {notFound.backLabel}
          </Button>
        }
      />
    ) : (
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return <>{children(query.data)}</>;
}

/** "← back to the list" under a record's title. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to}>
      <ArrowLeftOutlined /> {label}
    </Link>
  );
}
