import { Card } from 'antd';
import { petitionWorkflow, type PetitionDetail, type PetitionStatus } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { WorkflowEventTimeline } from '../../../shared/ui/workflow-event-timeline.tsx';
import { petitionActionLabel, petitionStatusLabel } from '../../../shared/labels.ts';

/** The record's history from its workflow events, newest first. */
export function PetitionTimeline({ petition }: { petition: PetitionDetail }) {
  const { t, locale } = useI18n();
  const stateName = (key: string) => (Object.hasOwn(petitionWorkflow.states, key) ? petitionStatusLabel(key as PetitionStatus, locale) : key);
  return (
    <Card size="small" title={t('petitions.section.timeline')}>
      <WorkflowEventTimeline
        events={petition.events}
        actionLabel={(action) => petitionActionLabel(action, locale)}
        stateLabel={stateName}
        testId="petition-timeline"
      />
    </Card>
  );
}
