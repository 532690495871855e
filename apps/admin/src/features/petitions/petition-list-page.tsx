import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, DatePicker, Empty, Flex, Input, Select, Table, Tabs, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  objectLevelLabels,
  objectLevels,
  petitionChannelLabels,
  petitionChannels,
  petitionSortKeys,
  petitionStatuses,
  satisfactionLabels,
  submissionTypeLabels,
  submissionTypes,
  type ObjectLevel,
  type PetitionChannel,
  type PetitionStatus,
  type PetitionSummary,
  type SubmissionType,
} from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { enumLabel, enumOptions, petitionStatusLabel } from '../../shared/labels.ts';
import { useSession, useSignedInSession } from '../../shared/session.tsx';
import { DeadlineStateTag } from '../../shared/ui/deadline-state-tag.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { useUsers } from '../users/users.api.ts';
import { PetitionStatusTag } from './components/petition-status-tag.tsx';
import { petitionExportUrl, usePetitionCategories, usePetitions, type PetitionListQuery } from './petitions.api.ts';

const PAGE_SIZES = [10, 20, 50, 100];
const deadlineTabs = ['all', 'overdue', 'due_soon', 'on_time'] as const;
type SortKey = (typeof petitionSortKeys)[number];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters, search, sort and page live in the URL: a queue view can be reloaded, bookmarked and shared. */
function usePetitionListParams() {
  const [params, setParams] = useSearchParams();
  const pageSize = Number(params.get('pageSize'));
  const statuses = (params.get('status') ?? '').split(',').filter((value): value is PetitionStatus => (petitionStatuses as string[]).includes(value));
  const receivedFrom = params.get('receivedFrom');
  const receivedTo = params.get('receivedTo');
  const query: PetitionListQuery = {
    status: statuses.length ? statuses : undefined,
    channel: oneOf(petitionChannels, params.get('channel')),
    submissionType: oneOf(submissionTypes, params.get('submissionType')),
    categoryKey: params.get('categoryKey') || undefined,
    objectLevel: oneOf(objectLevels, params.get('objectLevel')),
    deadlineState: oneOf(['on_time', 'due_soon', 'overdue'] as const, params.get('deadlineState')),
    assigneeId: params.get('assigneeId') || undefined,
    q: params.get('q') || undefined,
    receivedFrom: receivedFrom && DATE.test(receivedFrom) ? receivedFrom : undefined,
    receivedTo: receivedTo && DATE.test(receivedTo) ? receivedTo : undefined,
    sort: oneOf(petitionSortKeys, params.get('sort')) ?? 'receivedAt',
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
    query.status ||
      query.channel ||
      query.submissionType ||
      query.categoryKey ||
      query.objectLevel ||
      query.deadlineState ||
      query.assigneeId ||
      query.q ||
      query.receivedFrom ||
      query.receivedTo,
  );
  return { query, update, hasFilters };
}

/** The work queue (信访举报): every report the active body may see, with the deadline state of each. */
export function PetitionListPage() {
  const { t, lt, locale } = useI18n();
  const { can } = useSession();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const { query, update, hasFilters } = usePetitionListParams();
  const petitions = usePetitions(query);
  const categories = usePetitionCategories();
  // Officers without user administration can still filter by themselves.
  const users = useUsers({ page: 1, pageSize: 200 }, can('users.read'));
  const [searchText, setSearchText] = useState(query.q ?? '');
  useEffect(() => setSearchText(query.q ?? ''), [query.q]);

  const categoryLabel = useMemo(() => new Map((categories.data ?? []).map((category) => [category.key, lt(category.label)])), [categories.data, lt]);
  const assigneeOptions = useMemo(() => {
    const me = { value: session.user.id, label: t('petitions.assignedToMe', { name: session.user.displayName }) };
    const others = (users.data?.items ?? []).filter((user) => user.id !== session.user.id).map((user) => ({ value: user.id, label: user.displayName }));
    return [me, ...others];
  }, [session.user, users.data, t]);

  const sortOrderOf = (key: SortKey) => (query.sort === key ? (query.order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableColumnsType<PetitionSummary> = [
    {
      title: t('petitions.serialNumber'),
      dataIndex: 'serialNumber',
      width: 120,
      render: (serial: string | null, petition) => (
        <Link to={`/petitions/${petition.id}`} data-testid={`petition-serial-${petition.id}`}>
          {serial ?? petition.receiptCode ?? t('petitions.unregistered')}
        </Link>
      ),
    },
    {
      title: t('petitions.title'),
      dataIndex: 'title',
      render: (title: string, petition) => (
        <Flex vertical gap={2}>
          <Link to={`/petitions/${petition.id}`} data-testid="petition-row-link">
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {enumLabel(submissionTypeLabels, petition.submissionType, locale)} · {enumLabel(petitionChannelLabels, petition.channel, locale)}
            {petition.categoryKey ? ` · ${categoryLabel.get(petition.categoryKey) ?? petition.categoryKey}` : ''}
            {petition.anonymous ? ` · ${t('petitions.anonymous')}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('petitions.concerned'),
      key: 'concerned',
      width: 120,
      render: (_value, petition) =>
        petition.concernedName || petition.concernedUnit ? (
          <Flex vertical gap={2}>
            <span>{petition.concernedName ?? '—'}</span>
            {petition.concernedUnit ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {petition.concernedUnit}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: PetitionStatus, petition) => (
        <Flex vertical gap={4} align="flex-start">
          <PetitionStatusTag status={status} />
          {petition.satisfaction ? (
            <Tag color={petition.satisfaction === 'dissatisfied' ? 'red' : 'green'} title={t('petitions.satisfaction')}>
              {enumLabel(satisfactionLabels, petition.satisfaction, locale)}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('petitions.handlingBody'),
      key: 'organization',
      width: 140,
      render: (_value, petition) => (
        <Flex vertical gap={2}>
          <span>{petition.organizationName}</span>
          {petition.assigneeName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('petitions.assigneeIs', { name: petition.assigneeName })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('petitions.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      width: 105,
      sorter: true,
      sortOrder: sortOrderOf('receivedAt'),
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('petitions.dueAt'),
      dataIndex: 'dueAt',
      key: 'dueAt',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf('dueAt'),
      render: (value: string | null, petition) => (
        <Flex vertical gap={2} align="flex-start">
          <span>{formatDateTime(value)}</span>
          <DeadlineStateTag state={petition.deadlineState} testId="petition-deadline-state" />
        </Flex>
      ),
    },
    {
      title: t('petitions.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 105,
      sorter: true,
      // Most recently changed first is the useful order.
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf('updatedAt'),
      render: (value: string) => formatDateTime(value),
    },
  ];

  const onTableChange: TableProps<PetitionSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
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
      title={t('menu.petitions')}
      description={t('petitions.description')}
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={petitionExportUrl(query)} data-testid="export-petitions">
            {t('petitions.export')}
          </Button>
          {can('petitions.register') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/petitions/new')} data-testid="register-petition">
              {t('petitions.register')}
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
            label: <span data-testid={`petition-tab-${key}`}>{t(`petitions.tab.${key}`)}</span>,
          }))}
          style={{ marginTop: -8 }}
        />
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="petition-filters">
          <Input.Search
            allowClear
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => update({ q: value.trim() })}
            placeholder={t('petitions.searchPlaceholder')}
            style={{ width: 280 }}
            aria-label={t('action.search')}
            data-testid="petition-search"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount={1}
            maxTagTextLength={6}
            value={query.status ?? []}
            onChange={(value: PetitionStatus[]) => update({ status: value.join(',') })}
            placeholder={t('field.status')}
            style={{ width: 240 }}
            options={petitionStatuses.map((status) => ({ value: status, label: petitionStatusLabel(status, locale) }))}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('field.status')}
            data-testid="petition-filter-status"
          />
          <Select
            allowClear
            value={query.channel}
            onChange={(value?: PetitionChannel) => update({ channel: value })}
            placeholder={t('petitions.channel')}
            style={{ width: 130 }}
            options={enumOptions(petitionChannels, petitionChannelLabels, locale)}
            aria-label={t('petitions.channel')}
          />
          <Select
            allowClear
            value={query.submissionType}
            onChange={(value?: SubmissionType) => update({ submissionType: value })}
            placeholder={t('petitions.submissionType')}
            style={{ width: 150 }}
            options={enumOptions(submissionTypes, submissionTypeLabels, locale)}
            aria-label={t('petitions.submissionType')}
          />
          <Select
            allowClear
            value={query.categoryKey}
            onChange={(value?: string) => update({ categoryKey: value })}
            placeholder={t('petitions.category')}
            style={{ width: 160 }}
            loading={categories.isLoading}
            options={(categories.data ?? []).map((category) => ({ value: category.key, label: lt(category.label) }))}
            aria-label={t('petitions.category')}
          />
          <Select
            allowClear
            value={query.objectLevel}
            onChange={(value?: ObjectLevel) => update({ objectLevel: value })}
            placeholder={t('petitions.objectLevel')}
            style={{ width: 170 }}
            options={enumOptions(objectLevels, objectLevelLabels, locale)}
            popupMatchSelectWidth={false}
            aria-label={t('petitions.objectLevel')}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={query.assigneeId}
            onChange={(value?: string) => update({ assigneeId: value })}
            placeholder={t('petitions.assignee')}
            style={{ width: 160 }}
            options={assigneeOptions}
            popupMatchSelectWidth={false}
            aria-label={t('petitions.assignee')}
          />
          <DatePicker.RangePicker
            value={[query.receivedFrom ? dayjs(query.receivedFrom) : null, query.receivedTo ? dayjs(query.receivedTo) : null]}
            onChange={(range) => update({ receivedFrom: range?.[0]?.format('YYYY-MM-DD'), receivedTo: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            placeholder={[t('petitions.receivedFrom'), t('petitions.receivedTo')]}
            aria-label={t('petitions.receivedAt')}
          />
          {hasFilters ? (
            <Button
              icon={<UndoOutlined />}
              onClick={() =>
                update({
                  status: null,
                  channel: null,
                  submissionType: null,
                  categoryKey: null,
                  objectLevel: null,
                  deadlineState: null,
                  assigneeId: null,
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
        {petitions.isError && !petitions.data ? (
          <QueryError error={petitions.error} onRetry={() => void petitions.refetch()} />
        ) : (
          <Table<PetitionSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={petitions.data?.items}
            loading={petitions.isFetching}
            scroll={{ x: 1040 }}
            onChange={onTableChange}
            rowClassName={(petition) => (petition.deadlineState === 'overdue' ? 'gt-row-overdue' : '')}
            data-testid="petition-table"
            locale={{ emptyText: petitions.isPending ? ' ' : <Empty description={hasFilters ? t('common.noMatch') : t('petitions.empty')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: petitions.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              // Past 10,000 matches the API stops counting; say so rather than show a false total.
              showTotal: (total) => (petitions.data?.totalCapped ? t('petitions.totalCapped', { total }) : t('common.total', { total })),
            }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
