import { Card, Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { WorkflowDefinitionJson } from '@guantong/contracts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { QueryError } from './query-error.tsx';
import { WorkflowDiagram } from './workflow-diagram.tsx';

/** The record's workflow as a diagram with its current state marked; only for those who may read workflow definitions. */
export function WorkflowCard({ definition, current, title, testId }: { definition: UseQueryResult<WorkflowDefinitionJson>; current: string; title: string; testId: string }) {
  const { locale } = useI18n();
  const { can } = useSession();
  if (!can('workflows.read')) return null;
  return (
    <Card size="small" title={title} data-testid={testId}>
      {definition.data ? (
        <WorkflowDiagram definition={definition.data} current={current} locale={locale} />
      ) : definition.isError ? (
        <QueryError error={definition.error} onRetry={() => void definition.refetch()} />
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
