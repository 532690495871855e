import { Link } from 'react-router';
import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { clueTransferModeLabels, clueTransferStatusLabels, type ClueDetail, type ClueStatus } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { enumLabel } from '../../../shared/labels.ts';
import { ClueStatusTag } from './clue-status-tag.tsx';

type ClueTransfer = ClueDetail['transfersOut'][number];

const transferStatusColor: Record<ClueTransfer['status'], string> = { pending: 'gold', acknowledged: 'processing', returned: 'red', reported: 'success' };

/**
 * Where this clue went (移送, 交办, 转办): each receiving commission with the state of its own clue right now, so the
 * sender follows it at every moment; and where this clue came from.
 */
export function TransfersCard({ clue }: { clue: ClueDetail }) {
  const { t, locale } = useI18n();
  const { transfersOut, transferIn } = clue;
  if (transfersOut.length === 0 && !transferIn) return null;

  return (
    <Card size="small" title={t('clues.section.transfers')} data-testid="clue-transfers">
      <Flex vertical gap={16}>
        {transferIn ? (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            title={<Typography.Text strong>{t('clues.transferIn')}</Typography.Text>}
            data-testid="clue-transfer-in"
            items={[
              { key: 'from', label: t('clues.fromBody'), children: transferIn.fromOrganizationName },
              { key: 'mode', label: t('clues.transferMode'), children: enumLabel(clueTransferModeLabels, transferIn.mode, locale) },
              { key: 'at', label: t('clues.transferredAt'), children: formatDateTime(transferIn.createdAt) },
              {
                key: 'status',
                label: t('clues.transferStatus'),
                children: <Tag color={transferStatusColor[transferIn.status]}>{enumLabel(clueTransferStatusLabels, transferIn.status, locale)}</Tag>,
              },
              ...(transferIn.returnReason ? [{ key: 'reason', label: t('clues.returnReason'), span: 'filled' as const, children: transferIn.returnReason }] : []),
            ]}
          />
        ) : null}
        {transfersOut.length ? (
          <Table<ClueTransfer>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={transfersOut}
            scroll={{ x: 980 }}
            data-testid="clue-transfers-out"
            columns={[
              {
                title: t('clues.receivingBody'),
                dataIndex: 'toOrganizationName',
                width: 170,
                render: (name: string, transfer) => (
                  <Flex vertical gap={2}>
                    <span data-testid="clue-transfer-body">{name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(transfer.createdAt)}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: t('clues.transferMode'), dataIndex: 'mode', width: 160, render: (mode: ClueTransfer['mode']) => enumLabel(clueTransferModeLabels, mode, locale) },
              {
                title: t('clues.transferStatus'),
                dataIndex: 'status',
                width: 130,
                render: (status: ClueTransfer['status']) => (
                  <Tag color={transferStatusColor[status]} data-testid="clue-transfer-status">
                    {enumLabel(clueTransferStatusLabels, status, locale)}
                  </Tag>
                ),
              },
              {
                title: t('clues.receivingClueStatus'),
                dataIndex: 'toClueStatus',
                width: 150,
                render: (status: ClueStatus | null, transfer) =>
                  status ? (
                    <span data-testid="clue-transfer-receiving-status">
                      {/* The receiving clue is in the other ledger: the link only opens where it is in scope; the server answers 404 otherwise. */}
                      <Link to={`/clues/${transfer.toClueId}`}>
                        <ClueStatusTag status={status} />
                      </Link>
                    </span>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('clues.transferTimes'),
                key: 'times',
                width: 230,
                render: (_value, transfer) => (
                  <Flex vertical gap={2} style={{ fontSize: 12 }}>
                    <span>
                      {t('clues.acknowledgedAt')}: {formatDateTime(transfer.acknowledgedAt)}
                    </span>
                    {transfer.returnedAt ? (
                      <span>
                        {t('clues.returnedAt')}: {formatDateTime(transfer.returnedAt)}
                      </span>
                    ) : null}
                    {transfer.mode !== 'forward' || transfer.reportedAt ? (
                      <span>
                        {t('clues.reportedAt')}: {formatDateTime(transfer.reportedAt)}
                      </span>
                    ) : null}
                  </Flex>
                ),
              },
              {
                title: t('clues.transferResult'),
                key: 'result',
                render: (_value, transfer) =>
                  transfer.result || transfer.returnReason ? (
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true, symbol: t('action.more') }}>
                      {transfer.returnReason ? `${t('clues.returnReason')}: ${transfer.returnReason}` : transfer.result}
                    </Typography.Paragraph>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
