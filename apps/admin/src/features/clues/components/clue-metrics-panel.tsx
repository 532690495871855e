import { useState } from 'react';
import { Card, Col, Collapse, DatePicker, Flex, Progress, Row, Statistic, Table, Typography } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { clueSourceLabels, disposalTypeLabels, fourFormLabels, type ClueMetrics } from '@guantong/contracts';
import { chinaNow } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { useSession } from '../../../shared/session.tsx';
import { ExportButton } from '../../../shared/ui/list-view.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { clueMetricsExportUrl, useClueMetrics } from '../clues.api.ts';

/** The statistics are for the commission's own staff; the API refuses partner bodies (403). */
export function useMayReadClueMetrics(): boolean {
  const { can, hasRole } = useSession();
  return can('clues.read') && (hasRole('case_management_officer') || hasRole('handling_officer') || hasRole('leader'));
}

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** A rate as a number with "%", or "—" when there is nothing to divide by. */
function Rate({ title, value, testId }: { title: string; value: number | null; testId?: string }) {
  const shown = percent(value);
  return <Statistic title={title} value={shown ?? '—'} suffix={shown === null ? undefined : '%'} data-testid={testId} />;
}

interface ShareRow {
  key: string;
  label: string;
  count: number;
}

/** Counts by kind, each with its share of the whole as a small bar. */
function ShareTable({ title, labelTitle, countTitle, rows, testId }: { title: string; labelTitle: string; countTitle: string; rows: ShareRow[]; testId: string }) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <Card size="small" title={title}>
      <Table<ShareRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid={testId}
        columns={[
          { title: labelTitle, dataIndex: 'label' },
          {
            title: countTitle,
            dataIndex: 'count',
            width: 140,
            render: (count: number) => (
              <Flex gap={8} align="center">
                <span style={{ minWidth: 32, textAlign: 'right' }}>{count}</span>
                <Progress percent={total ? Math.round((count / total) * 1000) / 10 : 0} size="small" status="normal" showInfo={total > 0} style={{ flex: 1, margin: 0 }} />
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 线索处置统计 as a panel over the ledger, closed until opened (it then loads the figures of the period). */
export function ClueMetricsPanel() {
  const { t } = useI18n();
  return (
    <Collapse
      destroyOnHidden
      items={[
        {
          key: 'metrics',
          label: (
            <span data-testid="clue-metrics-toggle">
              <BarChartOutlined /> {t('metrics.title')}
            </span>
          ),
          children: <ClueMetricsView />,
        },
      ]}
    />
  );
}

function ClueMetricsView() {
  const { t } = useI18n();
  // This year by default.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [chinaNow().startOf('year'), chinaNow()]);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const metrics = useClueMetrics(period);
  const data = metrics.data;

  return (
    <Flex vertical gap={16} data-testid="clue-metrics">
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('metrics.period')}</Typography.Text>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
            disabledDate={(date) => date.isAfter(chinaNow(), 'day')}
            aria-label={t('metrics.period')}
            data-testid="clue-metrics-period"
          />
        </Flex>
        <ExportButton href={clueMetricsExportUrl(period)} label={t('metrics.export')} testId="export-clue-metrics" />
      </Flex>
      {metrics.isError && !data ? (
        <QueryError error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {(
              [
                ['metrics.received', data?.received],
                ['metrics.disposed', data?.disposed],
                ['metrics.overdue', data?.overdue],
                ['metrics.backlog', data?.backlog],
                ['metrics.cases', data?.funnel.cases],
                ['metrics.personsSanctioned', data?.funnel.personsSanctioned],
              ] as const
            ).map(([label, value]) => (
              <Col key={label} xs={12} md={6} xl={3}>
                <Card size="small" loading={metrics.isPending}>
                  <Statistic title={t(label)} value={value ?? 0} styles={label === 'metrics.overdue' && value ? { content: { color: '#cf1322' } } : undefined} data-testid={label} />
                </Card>
              </Col>
            ))}
            <Col xs={12} md={6} xl={3}>
              <Card size="small" loading={metrics.isPending}>
                <Rate title={t('metrics.disposalRate')} value={data?.disposalRate ?? null} testId="metrics.disposalRate" />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Card size="small" loading={metrics.isPending}>
                <Rate title={t('metrics.conversionRate')} value={data?.conversionRate ?? null} testId="metrics.conversionRate" />
              </Card>
            </Col>
          </Row>
          {data ? <MetricsTables data={data} /> : null}
        </>
      )}
    </Flex>
  );
}

function MetricsTables({ data }: { data: ClueMetrics }) {
  const { t, locale } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('metrics.bySource')}>
          <Table
            rowKey="source"
            size="small"
            pagination={false}
            dataSource={data.bySource}
            data-testid="clue-metrics-by-source"
            columns={[
              { title: t('clues.source'), dataIndex: 'source', render: (source: (typeof data.bySource)[number]['source']) => enumLabel(clueSourceLabels, source, locale) },
              { title: t('metrics.received'), dataIndex: 'received', width: 80, align: 'right' },
              { title: t('metrics.disposed'), dataIndex: 'disposed', width: 80, align: 'right' },
              { title: t('metrics.cases'), dataIndex: 'cases', width: 80, align: 'right' },
              { title: t('metrics.disposalRate'), key: 'rate', width: 150, render: (_value, row) => <Progress percent={row.received ? percent(row.disposed / row.received)! : 0} size="small" status="normal" /> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <ShareTable
          title={t('metrics.byDisposal')}
          labelTitle={t('clues.disposalType')}
          countTitle={t('metrics.count')}
          rows={data.byDisposal.map((row) => ({ key: row.disposalType, label: enumLabel(disposalTypeLabels, row.disposalType, locale), count: row.count }))}
          testId="clue-metrics-by-disposal"
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <ShareTable
          title={t('metrics.fourForms')}
          labelTitle={t('sanctions.fourForm')}
          countTitle={t('metrics.persons')}
          rows={data.fourForms.map((row) => ({ key: row.fourForm, label: enumLabel(fourFormLabels, row.fourForm, locale), count: row.persons }))}
          testId="clue-metrics-four-forms"
        />
      </Col>
    </Row>
  );
}
