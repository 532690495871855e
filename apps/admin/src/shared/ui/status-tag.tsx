import { Tag } from 'antd';
import { useI18n } from '../i18n.tsx';
import { statusColors, workflowStateLabel, type StatusOf, type WorkflowKey } from '../labels.ts';

/** The status of a record as a coloured tag, labelled by its workflow definition (`data-status` carries the key). */
export function StatusTag<W extends WorkflowKey>({ workflow, status, testId }: { workflow: W; status: StatusOf<W>; testId?: string }) {
  const { locale } = useI18n();
  const colors: Record<string, string> = statusColors[workflow];
  return (
    <Tag color={colors[status]} data-testid={testId} data-status={status}>
      {workflowStateLabel(workflow, status, locale)}
    </Tag>
  );
}
