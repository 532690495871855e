import { Tag } from 'antd';
import type { PetitionStatus } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { petitionStatusColor, petitionStatusLabel } from '../../../shared/labels.ts';

export function PetitionStatusTag({ status, testId }: { status: PetitionStatus; testId?: string }) {
  const { locale } = useI18n();
  return (
    <Tag color={petitionStatusColor[status]} data-testid={testId} data-status={status}>
      {petitionStatusLabel(status, locale)}
    </Tag>
  );
}
