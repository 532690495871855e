import { Card, Empty, Timeline, Typography } from 'antd';
import { petitionWorkflow, type PetitionDetail, type PetitionStatus } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { petitionActionLabel, petitionStatusLabel } from '../../../shared/labels.ts';

/** The record's history from its workflow events, newest first. */
export function PetitionTimeline({ petition }: { petition: PetitionDetail }) {
  const { t, locale } = useI18n();
  const stateName = (key: string) => (Object.hasOwn(petitionWorkflow.states, key) ? petitionStatusLabel(key as PetitionStatus, locale) : key);
  return (
    <Card size="small" title={t('petitions.section.timeline')}>
      {petition.events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.noHistory')} />
      ) : (
        <Timeline
          data-testid="petition-timeline"
          style={{ marginTop: 8 }}
          items={[...petition.events].reverse().map((event) => ({
            key: event.id,
            color: event.actorId ? 'blue' : 'gray',
            title: formatDateTime(event.createdAt),
            content: (
              <div>
                <Typography.Text strong>{petitionActionLabel(event.action, locale)}</Typography.Text>{' '}
                {event.fromStatus !== event.toStatus ? (
                  <Typography.Text type="secondary">
                    {stateName(event.fromStatus)} → {stateName(event.toStatus)}
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
      )}
    </Card>
  );
}
