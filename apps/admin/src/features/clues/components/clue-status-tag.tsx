import type { ClueStatus } from '@guantong/contracts';
import { StatusTag } from '../../../shared/ui/status-tag.tsx';

export function ClueStatusTag({ status, testId }: { status: ClueStatus; testId?: string }) {
  return <StatusTag workflow="clue" status={status} testId={testId} />;
}
