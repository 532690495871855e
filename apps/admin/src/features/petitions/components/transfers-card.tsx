import { Link } from 'react-router';
import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { handlingModeLabels, transferStatusLabels, type PetitionDetail, type Transfer } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { enumLabel } from '../../../shared/labels.ts';
import { PetitionStatusTag } from './petition-status-tag.tsx';

const transferStatusColor: Record<Transfer['status'], string> = { pending: 'gold', acknowledged: 'processing', returned: 'red', reported: 'success' };

/**
 * Where this record went (assigned, forwarded, sent up, joint): each receiving body with the state of its own
 * record right now, so the sender sees the state at every moment; and where this record came from.
 */
export function TransfersCard({ petition }: { petition: PetitionDetail }) {
  const { t, locale } = useI18n();
  const { transfersOut, transferIn } = petition;
  if (transfersOut.length === 0 && !transferIn) return null;

  return (
    <Card size="small" title={t('petitions.section.transfers')} data-testid="petition-transfers">
      <Flex vertical gap={16}>
        {transferIn ? (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            title={<Typography.Text strong>{t('petitions.transferIn')}</Typography.Text>}
            data-testid="petition-transfer-in"
            items={[
              { key: 'from', label: t('petitions.fromBody'), children: transferIn.fromOrganizationName },
              { key: 'mode', label: t('petitions.handlingMode'), children: enumLabel(handlingModeLabels, transferIn.mode, locale) },
              { key: 'at', label: t('petitions.transferredAt'), children: formatDateTime(transferIn.createdAt) },
              {
                key: 'report',
                label: t('petitions.reportBack'),
                children: transferIn.reportBackRequired ? <Tag color="orange">{t('petitions.reportBackRequired')}</Tag> : t('common.no'),
              },
            ]}
          />
        ) : null}
        {transfersOut.length ? (
          <Table<Transfer>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={transfersOut}
            scroll={{ x: 980 }}
            data-testid="petition-transfers-out"
            columns={[
              {
                title: t('petitions.receivingBody'),
                dataIndex: 'toOrganizationName',
                width: 170,
                render: (name: string, transfer) => (
                  <Flex vertical gap={2}>
                    <span data-testid="transfer-body">{name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(transfer.createdAt)}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: t('petitions.handlingMode'), dataIndex: 'mode', width: 150, render: (mode: Transfer['mode']) => enumLabel(handlingModeLabels, mode, locale) },
              {
                title: t('petitions.transferStatus'),
                dataIndex: 'status',
                width: 130,
                render: (status: Transfer['status']) => (
                  <Tag color={transferStatusColor[status]} data-testid="transfer-status">
                    {enumLabel(transferStatusLabels, status, locale)}
                  </Tag>
                ),
              },
              {
                title: t('petitions.receivingRecordStatus'),
                dataIndex: 'toPetitionStatus',
                width: 140,
                render: (status: Transfer['toPetitionStatus'], transfer) =>
                  status ? (
                    <span data-testid="transfer-receiving-status">
                      {/* The receiving record belongs to the other body: a link only helps where it is in scope; the server answers 404 otherwise. */}
                      {transfer.toPetitionId ? (
                        <Link to={`/petitions/${transfer.toPetitionId}`}>
                          <PetitionStatusTag status={status} />
                        </Link>
                      ) : (
                        <PetitionStatusTag status={status} />
                      )}
                    </span>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('petitions.transferTimes'),
                key: 'times',
                width: 230,
                render: (_value, transfer) => (
                  <Flex vertical gap={2} style={{ fontSize: 12 }}>
                    <span>
                      {t('petitions.acknowledgedAt')}: {formatDateTime(transfer.acknowledgedAt)}
                    </span>
                    {transfer.returnedAt ? (
                      <span>
                        {t('petitions.returnedAt')}: {formatDateTime(transfer.returnedAt)}
                      </span>
                    ) : null}
                    {transfer.reportBackRequired || transfer.reportedAt ? (
                      <span>
                        {t('petitions.reportedAt')}: {formatDateTime(transfer.reportedAt)}
                      </span>
                    ) : null}
                  </Flex>
                ),
              },
              {
                title: t('petitions.transferResult'),
                key: 'result',
                render: (_value, transfer) =>
                  transfer.result || transfer.returnReason ? (
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true, symbol: t('action.more') }}>
                      {transfer.returnReason ? `${t('petitions.returnReason')}: ${transfer.returnReason}` : transfer.result}
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
