import { Tag } from 'antd';
import type { ClueStatus } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { clueStatusColor, clueStatusLabel } from '../../../shared/labels.ts';

export function ClueStatusTag({ status, testId }: { status: ClueStatus; testId?: string }) {
  const { locale } = useI18n();
  return (
    <Tag color={clueStatusColor[status]} data-testid={testId} data-status={status}>
      {clueStatusLabel(status, locale)}
    </Tag>
  );
}
