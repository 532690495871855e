import { Tag } from 'antd';
import type { DeadlineState } from '@guantong/contracts';
import { useI18n } from '../i18n.tsx';
import { deadlineStateColor, deadlineStateLabel } from '../labels.ts';

/** 正常 / 即将到期 / 已超期 … as a coloured tag; overdue is red. */
export function DeadlineStateTag({ state, testId }: { state: DeadlineState | null | undefined; testId?: string }) {
  const { locale } = useI18n();
  if (!state) return null;
  return (
    <Tag color={deadlineStateColor[state]} data-testid={testId} data-state={state}>
      {deadlineStateLabel(state, locale)}
    </Tag>
  );
}
