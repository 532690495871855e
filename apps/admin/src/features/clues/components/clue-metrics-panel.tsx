import { useState } from 'react';
import { Breadcrumb, Button, Card, Col, Collapse, DatePicker, Flex, Progress, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowUpOutlined, BarChartOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { clueSourceLabels, disposalTypeLabels, fourFormLabels, type ClueMetrics } from '@guantong/contracts';
import { chinaNow } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { useSession } from '../../../shared/session.tsx';
import { ExportButton } from '../../../shared/ui/list-view.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { clueMetricsExportUrl, useClueMetrics, type ClueMetricsQuery } from '../clues.api.ts';

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

/** A body the figures were narrowed to, as the reader went down to it. */
interface BodyStep {
  id: string;
  name: string;
}

type BodyRow = ClueMetrics['byBody'][number];

function ClueMetricsView() {
  const { t } = useI18n();
  // This year by default.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [chinaNow().startOf('year'), chinaNow()]);
  // The bodies gone down through, from the one the figures started at (the reader's own scope, which the server picks)
  // to the one shown; empty until the reader moves. Only bodies the figures list are offered: no other list is needed.
  const [trail, setTrail] = useState<BodyStep[]>([]);
  const query: ClueMetricsQuery = {
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
    ...(trail.length > 1 ? { organizationId: trail[trail.length - 1].id } : {}),
  };
  const metrics = useClueMetrics(query);
  const data = metrics.data;
  // Until the reader moves, every answer is for the starting body.
  const chain: BodyStep[] = trail.length ? trail : data ? [{ id: data.organizationId, name: data.organizationName }] : [];
  // The bodies below the one shown, once its figures are in (those of the previous body stay on screen while they load).
  const isShown = data !== undefined && chain.length > 0 && data.organizationId === chain[chain.length - 1].id;
  const below = isShown ? data.byBody.filter((row) => !row.own) : [];
  const goTo = (index: number) => setTrail(chain.slice(0, Math.max(index, 0) + 1));
  const drillInto = (row: BodyRow) => setTrail([...chain, { id: row.organizationId, name: row.name }]);
  const pickBody = (id: string) => {
    const index = chain.findIndex((step) => step.id === id);
    if (index >= 0) return goTo(index);
    const row = below.find((candidate) => candidate.organizationId === id);
    if (row) drillInto(row);
  };

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
          <Typography.Text>{t('metrics.body')}</Typography.Text>
          <Select
            value={chain.length ? chain[chain.length - 1].id : undefined}
            onChange={pickBody}
            loading={metrics.isFetching}
            disabled={!chain.length}
            showSearch={{ optionFilterProp: 'title' }}
            popupMatchSelectWidth={false}
            style={{ minWidth: 200 }}
            aria-label={t('metrics.body')}
            labelRender={({ value }) => chain.find((step) => step.id === value)?.name ?? value}
            options={[
              ...chain.map((step, depth) => ({ value: step.id, title: step.name, label: <span style={{ paddingInlineStart: depth * 12 }}>{step.name}</span> })),
              ...below.map((row) => ({ value: row.organizationId, title: row.name, label: <span style={{ paddingInlineStart: chain.length * 12 }}>{row.name}</span> })),
            ]}
            data-testid="clue-metrics-body"
          />
        </Flex>
        <ExportButton href={clueMetricsExportUrl(query)} label={t('metrics.export')} testId="export-clue-metrics" />
      </Flex>
      <Flex gap={8} align="center" wrap data-testid="clue-metrics-scope">
        {trail.length > 1 ? (
          <>
            <Button size="small" icon={<ArrowUpOutlined />} onClick={() => goTo(trail.length - 2)} data-testid="clue-metrics-up">
              {t('metrics.up')}
            </Button>
            <Breadcrumb
              items={trail.map((step, index) => ({
                key: step.id,
                title:
                  index < trail.length - 1 ? (
                    <Typography.Link onClick={() => goTo(index)} data-testid="clue-metrics-crumb">
                      {step.name}
                    </Typography.Link>
                  ) : (
                    step.name
                  ),
              }))}
            />
          </>
        ) : null}
        {data ? (
          <Typography.Text type="secondary" data-testid="clue-metrics-figures-for">
            {t('metrics.figuresFor', { body: data.organizationName, from: data.from, to: data.to })}
          </Typography.Text>
        ) : null}
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
          {data ? (
            <>
              <ByBodyTable rows={data.byBody} loading={metrics.isPlaceholderData} onDrill={isShown ? drillInto : undefined} />
              <MetricsTables data={data} />
            </>
          ) : null}
        </>
      )}
    </Flex>
  );
}

/**
 * The same figures per body: the body itself (what it holds directly, 本级), then each body directly below it with
 * everything under that. A body below opens its own figures (`onDrill`; unset while the figures are loading).
 */
function ByBodyTable({ rows, loading, onDrill }: { rows: BodyRow[]; loading: boolean; onDrill?: (row: BodyRow) => void }) {
  const { t } = useI18n();
  const drillable = (row: BodyRow) => !row.own && onDrill !== undefined;
  return (
    <Card size="small" title={t('metrics.byBody')} extra={rows.length > 1 ? <Typography.Text type="secondary">{t('metrics.drillHint')}</Typography.Text> : null}>
      <Table<BodyRow>
        rowKey={(row) => `${row.organizationId}-${row.own ? 'own' : 'below'}`}
        size="small"
        pagination={false}
        loading={loading}
        dataSource={rows}
        scroll={{ x: 760 }}
        data-testid="clue-metrics-by-body"
        onRow={(row) => (drillable(row) ? { onClick: () => onDrill?.(row), style: { cursor: 'pointer' } } : {})}
        columns={[
          {
            title: t('metrics.bodyName'),
            dataIndex: 'name',
            render: (name: string, row) =>
              row.own ? (
                <Flex gap={6} align="center" wrap>
                  <span>{name}</span>
                  <Tag color="blue">{t('metrics.ownBody')}</Tag>
                </Flex>
              ) : drillable(row) ? (
                <Typography.Link data-testid="clue-metrics-drill" data-organization-id={row.organizationId}>
                  {name}
                </Typography.Link>
              ) : (
                name
              ),
          },
          { title: t('metrics.received'), dataIndex: 'received', width: 90, align: 'right' },
          { title: t('metrics.disposed'), dataIndex: 'disposed', width: 90, align: 'right' },
          {
            title: t('metrics.disposalRate'),
            key: 'rate',
            width: 150,
            render: (_value, row) => (row.received ? <Progress percent={percent(row.disposed / row.received)!} size="small" status="normal" /> : '—'),
          },
          { title: t('metrics.cases'), dataIndex: 'cases', width: 80, align: 'right' },
          { title: t('metrics.personsSanctioned'), dataIndex: 'personsSanctioned', width: 100, align: 'right' },
          {
            title: t('metrics.overdue'),
            dataIndex: 'overdue',
            width: 90,
            align: 'right',
            render: (overdue: number) => (overdue ? <Typography.Text type="danger">{overdue}</Typography.Text> : overdue),
          },
        ]}
      />
    </Card>
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
