import { Card, Empty, Timeline, Typography } from 'antd';
import type { WorkflowEvent } from '@guantong/contracts';
import { useI18n } from '../i18n.tsx';
import { formatDateTime } from '../format.ts';
import { workflowActionLabel, workflowStateLabel, type WorkflowKey } from '../labels.ts';

/** A record's workflow events, newest first: action, state change, who (or the system) and the note. */
export function WorkflowEventTimeline({
  events,
  actionLabel,
  stateLabel,
  testId,
}: {
  events: WorkflowEvent[];
  actionLabel(action: string): string;
  stateLabel(status: string): string;
  testId: string;
}) {
  const { t } = useI18n();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.noHistory')} />;
  return (
    <Timeline
      data-testid={testId}
      style={{ marginTop: 8 }}
      items={[...events].reverse().map((event) => ({
        key: event.id,
        color: event.actorId ? 'blue' : 'gray',
        title: formatDateTime(event.createdAt),
        content: (
          <div>
            <Typography.Text strong>{actionLabel(event.action)}</Typography.Text>{' '}
            {event.fromStatus !== event.toStatus ? (
              <Typography.Text type="secondary">
                {stateLabel(event.fromStatus)} → {stateLabel(event.toStatus)}
              </Typography.Text>
            ) : null}
            <div>
              <Typography.Text type="secondary">{t('users.by', { name: event.actorName ?? t('users.system') })}</Typography.Text>
            </div>
            {event.note ? <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Paragraph> : null}
          </div>
        ),
      }))}
    />
  );
}

/** A record's history in a card: its events labelled by the record's workflow. */
export function TimelineCard({ workflow, events, title, testId }: { workflow: WorkflowKey; events: WorkflowEvent[]; title: string; testId: string }) {
  const { locale } = useI18n();
  return (
    <Card size="small" title={title}>
      <WorkflowEventTimeline
        events={events}
        actionLabel={(action) => workflowActionLabel(workflow, action, locale)}
        stateLabel={(status) => workflowStateLabel(workflow, status, locale)}
        testId={testId}
      />
    </Card>
  );
}
