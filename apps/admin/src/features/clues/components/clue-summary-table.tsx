import { Link } from 'react-router';
import { Empty, Flex, Table, Tag, Typography } from 'antd';
import { clueSourceLabels, disposalTypeLabels, type ClueSource, type ClueStatus, type ClueSummary, type DisposalType } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { enumLabel } from '../../../shared/labels.ts';
import { DeadlineStateTag } from '../../../shared/ui/deadline-state-tag.tsx';
import { ClueStatusTag } from './clue-status-tag.tsx';

/** A short ledger of clues (about one person), each linking to its page; no paging (the server caps the list). */
export function ClueSummaryTable({ clues, emptyText, testId, loading }: { clues: ClueSummary[]; emptyText: string; testId: string; loading?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Table<ClueSummary>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={clues}
      pagination={clues.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 980 }}
      data-testid={testId}
      rowClassName={(clue) => (clue.deadlineState === 'overdue' ? 'gt-row-overdue' : '')}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      columns={[
        {
          title: t('clues.serialNumber'),
          dataIndex: 'serialNumber',
          width: 130,
          render: (serial: string, clue) => (
            <Link to={`/clues/${clue.id}`} data-testid={`clue-link-${clue.id}`}>
              {serial}
            </Link>
          ),
        },
        { title: t('clues.receivedAt'), dataIndex: 'receivedAt', width: 110, render: (value: string) => formatDateTime(value) },
        { title: t('clues.source'), dataIndex: 'source', width: 120, render: (source: ClueSource) => enumLabel(clueSourceLabels, source, locale) },
        {
          title: t('clues.title'),
          dataIndex: 'title',
          render: (title: string, clue) => (
            <Flex vertical gap={2}>
              <Link to={`/clues/${clue.id}`}>{title}</Link>
              {clue.concernedUnit ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {clue.concernedName} · {clue.concernedUnit}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        { title: t('field.status'), dataIndex: 'status', width: 140, render: (status: ClueStatus) => <ClueStatusTag status={status} /> },
        {
          title: t('clues.disposalType'),
          dataIndex: 'disposalType',
          width: 120,
          render: (disposal: DisposalType | null) => (disposal ? <Tag>{enumLabel(disposalTypeLabels, disposal, locale)}</Tag> : '—'),
        },
        { title: t('clues.heldBy'), dataIndex: 'organizationName', width: 140 },
        {
          title: t('clues.dueAt'),
          dataIndex: 'dueAt',
          width: 130,
          render: (value: string | null, clue) => (
            <Flex vertical gap={2} align="flex-start">
              <span>{formatDateTime(value)}</span>
              <DeadlineStateTag state={clue.deadlineState} />
            </Flex>
          ),
        },
      ]}
    />
  );
}
