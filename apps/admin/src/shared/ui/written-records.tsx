import type { ReactNode } from 'react';
import { Empty, Flex, List, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n.tsx';
import { formatDateTime } from '../format.ts';
import { workflowActionLabel, type WorkflowKey } from '../labels.ts';

export interface WrittenRecord {
  action: string;
  body: string;
  authorName: string;
  createdAt: string;
}

/**
 * The written record of each step of a record (reports, talks, letters, opinions, decisions), oldest first, as the
 * file reads: the step, its text (long ones fold), who wrote it and when. `tags` adds marks after the step's name.
 */
export function WrittenRecords<R extends WrittenRecord>({
  workflow,
  records,
  emptyText,
  itemTestId,
  tags,
}: {
  workflow: WorkflowKey;
  records: R[];
  emptyText: string;
  itemTestId: string;
  tags?: (record: R) => ReactNode;
}) {
  const { t, locale } = useI18n();
  if (records.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <List
      itemLayout="vertical"
      size="small"
      dataSource={records}
      renderItem={(record, index) => (
        <List.Item key={`${record.createdAt}-${index}`} data-testid={itemTestId}>
          <Flex vertical gap={4}>
            <Flex gap={8} align="center" wrap>
              <FileTextOutlined />
              <Typography.Text strong>{workflowActionLabel(workflow, record.action, locale)}</Typography.Text>
              {tags?.(record)}
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
  );
}
