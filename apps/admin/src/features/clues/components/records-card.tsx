import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { inquiryMethodLabels, verificationRecommendationLabels, type ClueDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { clueActionLabel, enumLabel } from '../../../shared/labels.ts';

/** The written record of each step (谈话记录, 函询, 书面说明, 报告, 处理意见, 反馈), oldest first, as the file reads. */
export function RecordsCard({ clue }: { clue: ClueDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={t('clues.section.records')} data-testid="clue-records">
      {clue.records.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clues.noRecords')} />
      ) : (
        <List
          itemLayout="vertical"
          size="small"
          dataSource={clue.records}
          renderItem={(record, index) => (
            <List.Item key={`${record.createdAt}-${index}`} data-testid="clue-record">
              <Flex vertical gap={4}>
                <Flex gap={8} align="center" wrap>
                  <FileTextOutlined />
                  <Typography.Text strong>{clueActionLabel(record.action, locale)}</Typography.Text>
                  {record.inquiryMethod ? <Tag color="blue">{enumLabel(inquiryMethodLabels, record.inquiryMethod, locale)}</Tag> : null}
                  {record.recommendation ? (
                    <Tag color="gold" title={t('clues.recommendation')}>
                      {enumLabel(verificationRecommendationLabels, record.recommendation, locale)}
                    </Tag>
                  ) : null}
                </Flex>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 6, expandable: true, symbol: t('action.more') }}>
                  {record.body}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {record.authorName} · {formatDateTime(record.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
