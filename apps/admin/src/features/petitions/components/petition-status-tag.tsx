import type { PetitionStatus } from '@guantong/contracts';
import { StatusTag } from '../../../shared/ui/status-tag.tsx';

export function PetitionStatusTag({ status, testId }: { status: PetitionStatus; testId?: string }) {
  return <StatusTag workflow="petition" status={status} testId={testId} />;
}
