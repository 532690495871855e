import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, DatePicker, Empty, Flex, Input, Select, Table, Tabs, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  cadreManagementLevelLabels,
  cadreManagementLevels,
  clueSortKeys,
  clueSourceLabels,
  clueSources,
  clueStatuses,
  disposalTypeLabels,
  disposalTypes,
  type CadreManagementLevel,
  type ClueSource,
  type ClueStatus,
  type ClueSummary,
  type DisposalType,
} from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { clueStatusLabel, enumLabel, enumOptions } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { DeadlineStateTag } from '../../shared/ui/deadline-state-tag.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { ClueStatusTag } from './components/clue-status-tag.tsx';
import { clueExportUrl, useClues, type ClueListQuery } from './clues.api.ts';

const PAGE_SIZES = [10, 20, 50, 100];
const deadlineTabs = ['all', 'overdue', 'due_soon', 'on_time'] as const;
type SortKey = (typeof clueSortKeys)[number];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters, search, sort and page live in the URL: a ledger view can be reloaded, bookmarked and shared. */
function useClueListParams() {
  const [params, setParams] = useSearchParams();
  const pageSize = Number(params.get('pageSize'));
  const statuses = (params.get('status') ?? '').split(',').filter((value): value is ClueStatus => (clueStatuses as string[]).includes(value));
  const receivedFrom = params.get('receivedFrom');
  const receivedTo = params.get('receivedTo');
  const query: ClueListQuery = {
    status: statuses.length ? statuses : undefined,
    source: oneOf(clueSources, params.get('source')),
    disposalType: oneOf(disposalTypes, params.get('disposalType')),
    cadreManagementLevel: oneOf(cadreManagementLevels, params.get('cadreManagementLevel')),
    deadlineState: oneOf(['on_time', 'due_soon', 'overdue'] as const, params.get('deadlineState')),
    q: params.get('q')?.slice(0, 40) || undefined,
    receivedFrom: receivedFrom && DATE.test(receivedFrom) ? receivedFrom : undefined,
    receivedTo: receivedTo && DATE.test(receivedTo) ? receivedTo : undefined,
    sort: oneOf(clueSortKeys, params.get('sort')) ?? 'receivedAt',
    order: oneOf(['asc', 'desc'] as const, params.get('order')) ?? 'desc',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
  const update = (changes: Record<string, string | number | null | undefined>) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === null || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      // A new filter starts again at page 1.
      if (!('page' in changes)) next.delete('page');
      if (next.get('page') === '1') next.delete('page');
      return next;
    });
  };
  const hasFilters = Boolean(
    query.status || query.source || query.disposalType || query.cadreManagementLevel || query.deadlineState || query.q || query.receivedFrom || query.receivedTo,
  );
  return { query, update, hasFilters };
}

/** The central ledger (问题线索台账): every clue the active body may see, with the deadline state of each. */
export function ClueListPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { query, update, hasFilters } = useClueListParams();
  const clues = useClues(query);
  const [searchText, setSearchText] = useState(query.q ?? '');
  useEffect(() => setSearchText(query.q ?? ''), [query.q]);

  const sortOrderOf = (key: SortKey) => (query.sort === key ? (query.order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableColumnsType<ClueSummary> = [
    {
      title: t('clues.serialNumber'),
      dataIndex: 'serialNumber',
      width: 130,
      fixed: 'left',
      render: (serial: string, clue) => (
        <Link to={`/clues/${clue.id}`} data-testid={`clue-serial-${clue.id}`}>
          {serial}
        </Link>
      ),
    },
    {
      title: t('clues.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf('receivedAt'),
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('clues.source'),
      dataIndex: 'source',
      width: 130,
      render: (source: ClueSource) => enumLabel(clueSourceLabels, source, locale),
    },
    {
      title: t('clues.title'),
      dataIndex: 'title',
      render: (title: string, clue) => (
        <Link to={`/clues/${clue.id}`} data-testid="clue-row-link">
          {title}
        </Link>
      ),
    },
    {
      title: t('clues.concerned'),
      key: 'concerned',
      width: 150,
      render: (_value, clue) => (
        <Flex vertical gap={2}>
          <span>{clue.concernedName}</span>
          {clue.concernedUnit ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {clue.concernedUnit}
            </Typography.Text>
          ) : null}
          {clue.cadreManagementLevel ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {enumLabel(cadreManagementLevelLabels, clue.cadreManagementLevel, locale)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 140,
      render: (status: ClueStatus) => <ClueStatusTag status={status} testId="clue-status" />,
    },
    {
      title: t('clues.disposalType'),
      dataIndex: 'disposalType',
      width: 120,
      render: (disposal: DisposalType | null) => (disposal ? <Tag>{enumLabel(disposalTypeLabels, disposal, locale)}</Tag> : '—'),
    },
    {
      title: t('clues.heldBy'),
      dataIndex: 'organizationName',
      width: 150,
      render: (name: string, clue) => (
        <Flex vertical gap={2}>
          <span>{name}</span>
          {clue.ledgerOrganizationId !== clue.organizationId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('clues.ledgerOf', { name: clue.ledgerOrganizationName })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('clues.dueAt'),
      dataIndex: 'dueAt',
      key: 'dueAt',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf('dueAt'),
      render: (value: string | null, clue) => (
        <Flex vertical gap={2} align="flex-start">
          <span>{formatDateTime(value)}</span>
          <DeadlineStateTag state={clue.deadlineState} testId="clue-deadline-state" />
        </Flex>
      ),
    },
    {
      title: t('clues.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 110,
      sorter: true,
      // Most recently changed first is the useful order.
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf('updatedAt'),
      render: (value: string) => formatDateTime(value),
    },
  ];

  const onTableChange: TableProps<ClueSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = single?.columnKey as SortKey | undefined;
      // Clearing the sort returns to the default: newest received first.
      if (!single?.order || !key) update({ sort: null, order: null });
      else update({ sort: key, order: single.order === 'ascend' ? 'asc' : 'desc' });
      return;
    }
    if (pagination.pageSize !== query.pageSize) update({ page: null, pageSize: pagination.pageSize });
    else update({ page: pagination.current });
  };

  const activeTab = query.deadlineState ?? 'all';

  return (
    <PageContainer
      title={t('menu.clues')}
      description={t('clues.description')}
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={clueExportUrl(query)} data-testid="export-clues">
            {t('clues.export')}
          </Button>
          {can('clues.register') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/clues/new')} data-testid="create-clue">
              {t('clues.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card>
        <Tabs
          activeKey={activeTab}
          onChange={(key) => update({ deadlineState: key === 'all' ? null : key })}
          items={deadlineTabs.map((key) => ({
            key,
            label: <span data-testid={`clue-tab-${key}`}>{t(`clues.tab.${key}`)}</span>,
          }))}
          style={{ marginTop: -8 }}
        />
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="clue-filters">
          <Input.Search
            allowClear
            value={searchText}
            maxLength={40}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => update({ q: value.trim() })}
            placeholder={t('clues.searchPlaceholder')}
            style={{ width: 280 }}
            aria-label={t('action.search')}
            data-testid="clue-search"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount={1}
            maxTagTextLength={6}
            value={query.status ?? []}
            onChange={(value: ClueStatus[]) => update({ status: value.join(',') })}
            placeholder={t('field.status')}
            style={{ width: 240 }}
            options={clueStatuses.map((status) => ({ value: status, label: clueStatusLabel(status, locale) }))}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('field.status')}
            data-testid="clue-filter-status"
          />
          <Select
            allowClear
            value={query.source}
            onChange={(value?: ClueSource) => update({ source: value })}
            placeholder={t('clues.source')}
            style={{ width: 160 }}
            options={enumOptions(clueSources, clueSourceLabels, locale)}
            popupMatchSelectWidth={false}
            aria-label={t('clues.source')}
            data-testid="clue-filter-source"
          />
          <Select
            allowClear
            value={query.disposalType}
            onChange={(value?: DisposalType) => update({ disposalType: value })}
            placeholder={t('clues.disposalType')}
            style={{ width: 150 }}
            options={enumOptions(disposalTypes, disposalTypeLabels, locale)}
            popupMatchSelectWidth={false}
            aria-label={t('clues.disposalType')}
            data-testid="clue-filter-disposal"
          />
          <Select
            allowClear
            value={query.cadreManagementLevel}
            onChange={(value?: CadreManagementLevel) => update({ cadreManagementLevel: value })}
            placeholder={t('clues.cadreManagementLevel')}
            style={{ width: 150 }}
            options={enumOptions(cadreManagementLevels, cadreManagementLevelLabels, locale)}
            popupMatchSelectWidth={false}
            aria-label={t('clues.cadreManagementLevel')}
            data-testid="clue-filter-cadre-level"
          />
          <DatePicker.RangePicker
            value={[query.receivedFrom ? dayjs(query.receivedFrom) : null, query.receivedTo ? dayjs(query.receivedTo) : null]}
            onChange={(range) => update({ receivedFrom: range?.[0]?.format('YYYY-MM-DD'), receivedTo: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            placeholder={[t('clues.receivedFrom'), t('clues.receivedTo')]}
            aria-label={t('clues.receivedAt')}
          />
          {hasFilters ? (
            <Button
              icon={<UndoOutlined />}
              onClick={() =>
                update({
                  status: null,
                  source: null,
                  disposalType: null,
                  cadreManagementLevel: null,
                  deadlineState: null,
                  q: null,
                  receivedFrom: null,
                  receivedTo: null,
                })
              }
            >
              {t('action.resetFilters')}
            </Button>
          ) : null}
        </Flex>
        {clues.isError && !clues.data ? (
          <QueryError error={clues.error} onRetry={() => void clues.refetch()} />
        ) : (
          <Table<ClueSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={clues.data?.items}
            loading={clues.isFetching}
            scroll={{ x: 1380 }}
            onChange={onTableChange}
            rowClassName={(clue) => (clue.deadlineState === 'overdue' ? 'gt-row-overdue' : '')}
            data-testid="clue-table"
            locale={{ emptyText: clues.isPending ? ' ' : <Empty description={hasFilters ? t('common.noMatch') : t('clues.empty')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: clues.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              // Past 10,000 matches the API stops counting; say so rather than show a false total.
              showTotal: (total) => (clues.data?.totalCapped ? t('common.totalCapped', { total }) : t('common.total', { total })),
            }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
