import { Card } from 'antd';
import type { ClueDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { WorkflowEventTimeline } from '../../../shared/ui/workflow-event-timeline.tsx';
import { clueActionLabel, clueStateName } from '../../../shared/labels.ts';

/** The clue's history from its workflow events, newest first. */
export function ClueTimeline({ clue }: { clue: ClueDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={t('clues.section.timeline')}>
      <WorkflowEventTimeline
        events={clue.events}
        actionLabel={(action) => clueActionLabel(action, locale)}
        stateLabel={(status) => clueStateName(status, locale)}
        testId="clue-timeline"
      />
    </Card>
  );
}
