import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Table, Tag, Typography, type DescriptionsProps } from 'antd';
import { useI18n } from '../i18n.tsx';
import { formatDateTime } from '../format.ts';
import { StackedCell } from './list-view.tsx';

type TransferStatus = 'pending' | 'acknowledged' | 'returned' | 'reported';

/** What a transfer of a petition or a clue has in common. */
export interface TransferLike {
  id: string;
  status: TransferStatus;
  fromOrganizationName: string;
  toOrganizationName: string;
  createdAt: string;
  acknowledgedAt: string | null;
  returnedAt: string | null;
  reportedAt: string | null;
  returnReason: string | null;
  result: string | null;
}

const transferStatusColor: Record<TransferStatus, string> = { pending: 'gold', acknowledged: 'processing', returned: 'red', reported: 'success' };

export interface TransfersCardProps<T extends TransferLike> {
  /** Whose texts: `petitions.*` or `clues.*` (section title, column titles, times). */
  ns: 'petitions' | 'clues';
  /** Names the card and its parts for the browser tests (`petition` → petition-transfers, petition-transfer-in …). */
  testIdPrefix: string;
  /** Prefix of the cell test ids (transfer-body, transfer-status, transfer-receiving-status). */
  cellTestIdPrefix: string;
  transfersOut: T[];
  transferIn: T | null;
  modeTitle: string;
  receivingTitle: string;
  modeLabel: (transfer: T) => string;
  statusLabel: (status: TransferStatus) => string;
  /** The receiving record's status right now (a tag, linked where it can be opened); null: not known. */
  receiving: (transfer: T) => ReactNode | null;
  /** Whether a result is owed back (shows the "reported" time even before it comes). */
  expectsReport: (transfer: T) => boolean;
  /** What else to say about where this record came from, after body, mode and time. */
  transferInItems: (transfer: T) => DescriptionsProps['items'];
}

/**
 * Where a record went (each receiving body with the state of its own record right now, so the sender follows it at
 * every moment) and where it came from.
 */
export function TransfersCard<T extends TransferLike>(props: TransfersCardProps<T>) {
  const { ns, testIdPrefix, cellTestIdPrefix, transfersOut, transferIn, modeTitle, receivingTitle, modeLabel, statusLabel, receiving, expectsReport, transferInItems } = props;
  const { t } = useI18n();
  if (transfersOut.length === 0 && !transferIn) return null;
  const statusTag = (status: TransferStatus, testId?: string) => (
    <Tag color={transferStatusColor[status]} data-testid={testId}>
      {statusLabel(status)}
    </Tag>
  );

  return (
    <Card size="small" title={t(`${ns}.section.transfers`)} data-testid={`${testIdPrefix}-transfers`}>
      <Flex vertical gap={16}>
        {transferIn ? (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            title={<Typography.Text strong>{t(`${ns}.transferIn`)}</Typography.Text>}
            data-testid={`${testIdPrefix}-transfer-in`}
            items={[
              { key: 'from', label: t(`${ns}.fromBody`), children: transferIn.fromOrganizationName },
              { key: 'mode', label: modeTitle, children: modeLabel(transferIn) },
              { key: 'at', label: t(`${ns}.transferredAt`), children: formatDateTime(transferIn.createdAt) },
              ...(transferInItems(transferIn) ?? []),
            ]}
          />
        ) : null}
        {transfersOut.length ? (
          <Table<T>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={transfersOut}
            scroll={{ x: 980 }}
            data-testid={`${testIdPrefix}-transfers-out`}
            columns={[
              {
                title: t(`${ns}.receivingBody`),
                dataIndex: 'toOrganizationName',
                width: 170,
                render: (name: string, transfer) => (
                  <StackedCell main={<span data-testid={`${cellTestIdPrefix}transfer-body`}>{name}</span>} details={[formatDateTime(transfer.createdAt)]} />
                ),
              },
              { title: modeTitle, key: 'mode', width: 160, render: (_value, transfer) => modeLabel(transfer) },
              {
                title: t(`${ns}.transferStatus`),
                dataIndex: 'status',
                width: 130,
                render: (status: TransferStatus) => statusTag(status, `${cellTestIdPrefix}transfer-status`),
              },
              {
                title: receivingTitle,
                key: 'receiving',
                width: 150,
                render: (_value, transfer) => {
                  const shown = receiving(transfer);
                  return shown ? <span data-testid={`${cellTestIdPrefix}transfer-receiving-status`}>{shown}</span> : '—';
                },
              },
              {
                title: t(`${ns}.transferTimes`),
                key: 'times',
                width: 230,
                render: (_value, transfer) => (
                  <Flex vertical gap={2} style={{ fontSize: 12 }}>
                    <span>
                      {t(`${ns}.acknowledgedAt`)}: {formatDateTime(transfer.acknowledgedAt)}
                    </span>
                    {transfer.returnedAt ? (
                      <span>
                        {t(`${ns}.returnedAt`)}: {formatDateTime(transfer.returnedAt)}
                      </span>
                    ) : null}
                    {expectsReport(transfer) || transfer.reportedAt ? (
                      <span>
                        {t(`${ns}.reportedAt`)}: {formatDateTime(transfer.reportedAt)}
                      </span>
                    ) : null}
                  </Flex>
                ),
              },
              {
                title: t(`${ns}.transferResult`),
                key: 'result',
                render: (_value, transfer) =>
                  transfer.result || transfer.returnReason ? (
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true, symbol: t('action.more') }}>
                      {transfer.returnReason ? `${t(`${ns}.returnReason`)}: ${transfer.returnReason}` : transfer.result}
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

/** The status tag of a transfer where it came from (the same colours as the table). */
export function TransferStatusTag({ status, label }: { status: TransferStatus; label: string }) {
  return <Tag color={transferStatusColor[status]}>{label}</Tag>;
}
