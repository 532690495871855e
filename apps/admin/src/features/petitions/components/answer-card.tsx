import { Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import { satisfactionLabels, type PetitionDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { enumLabel } from '../../../shared/labels.ts';

/** What the reporter was told, how they rated it, and what they added since. */
export function AnswerCard({ petition }: { petition: PetitionDetail }) {
  const { t, locale } = useI18n();
  const nothing = !petition.answer && !petition.satisfaction && petition.supplements.length === 0 && petition.rehandlingCount === 0;
  return (
    <Card size="small" title={t('petitions.section.answer')} data-testid="petition-answer">
      {nothing ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petitions.noAnswer')} />
      ) : (
        <Flex vertical gap={12}>
          {petition.answer ? (
            <div>
              <Typography.Text type="secondary">{t('petitions.answeredAt', { at: formatDateTime(petition.answeredAt) })}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid="petition-answer-text">
                {petition.answer}
              </Typography.Paragraph>
            </div>
          ) : null}
          {petition.satisfaction || petition.rehandlingCount ? (
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                {
                  key: 'rating',
                  label: t('petitions.satisfaction'),
                  children: petition.satisfaction ? (
                    <Tag color={petition.satisfaction === 'dissatisfied' ? 'red' : 'green'} data-testid="petition-satisfaction">
                      {enumLabel(satisfactionLabels, petition.satisfaction, locale)}
                    </Tag>
                  ) : (
                    '—'
                  ),
                },
                ...(petition.satisfactionComment ? [{ key: 'comment', label: t('petitions.ratingComment'), children: petition.satisfactionComment }] : []),
                ...(petition.rehandlingCount ? [{ key: 'rehandling', label: t('petitions.rehandlingCount'), children: petition.rehandlingCount }] : []),
              ]}
            />
          ) : null}
          {petition.supplements.length ? (
            <div data-testid="petition-supplements">
              <Typography.Text strong>{t('petitions.supplements')}</Typography.Text>
              <List
                size="small"
                dataSource={petition.supplements}
                renderItem={(supplement) => (
                  <List.Item>
                    <Flex vertical gap={2}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(supplement.createdAt)}
                      </Typography.Text>
                      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{supplement.body}</Typography.Paragraph>
                    </Flex>
                  </List.Item>
                )}
              />
            </div>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
