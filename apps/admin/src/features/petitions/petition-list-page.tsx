import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Flex, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
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
  type PetitionStatus,
  type PetitionSummary,
} from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasAnyFilter, useListParams } from '../../shared/list-params.ts';
import { enumLabel, enumOptions, petitionStatusLabel } from '../../shared/labels.ts';
import { useSession, useSignedInSession } from '../../shared/session.tsx';
import {
  dateTimeColumn,
  DateRangeFilter,
  deadlineFilterStates,
  DeadlineTabs,
  dueAtColumn,
  ExportButton,
  FilterSelect,
  ListSearch,
  ListTable,
  MultiFilterSelect,
  overdueRowClass,
  ListFilters,
  StackedCell,
} from '../../shared/ui/list-view.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { useUsers } from '../users/users.api.ts';
import { PetitionStatusTag } from './components/petition-status-tag.tsx';
import { petitionExportUrl, usePetitionCategories, usePetitions, type PetitionListQuery } from './petitions.api.ts';

const filterKeys = ['status', 'channel', 'submissionType', 'categoryKey', 'objectLevel', 'deadlineState', 'assigneeId', 'q', 'receivedFrom', 'receivedTo'] as const;

/** Filters, search, sort and page live in the URL: a queue view can be reloaded, bookmarked and shared. */
function usePetitionListParams() {
  const list = useListParams();
  const query: PetitionListQuery = {
    status: list.pickList('status', petitionStatuses),
    channel: list.pick('channel', petitionChannels),
    submissionType: list.pick('submissionType', submissionTypes),
    categoryKey: list.text('categoryKey'),
    objectLevel: list.pick('objectLevel', objectLevels),
    deadlineState: list.pick('deadlineState', deadlineFilterStates),
    assigneeId: list.text('assigneeId'),
    q: list.text('q', 100),
    receivedFrom: list.date('receivedFrom'),
    receivedTo: list.date('receivedTo'),
    ...list.sort(petitionSortKeys, 'receivedAt'),
    page: list.page,
    pageSize: list.pageSize,
  };
  return { query, update: list.update, hasFilters: hasAnyFilter(query, filterKeys) };
}

/** The work queue (信访举报): every report the active body may see, with the deadline state of each. */
export function PetitionListPage() {
  const { t, lt, locale } = useI18n();
  const { can } = useSession();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const view = usePetitionListParams();
  const { query, update } = view;
  const petitions = usePetitions(query);
  const categories = usePetitionCategories();
  // Officers without user administration can still filter by themselves.
  const users = useUsers({ page: 1, pageSize: 200 }, can('users.read'));

  const categoryLabel = useMemo(() => new Map((categories.data ?? []).map((category) => [category.key, lt(category.label)])), [categories.data, lt]);
  const assigneeOptions = useMemo(() => {
    const me = { value: session.user.id, label: t('petitions.assignedToMe', { name: session.user.displayName }) };
    const others = (users.data?.items ?? []).filter((user) => user.id !== session.user.id).map((user) => ({ value: user.id, label: user.displayName }));
    return [me, ...others];
  }, [session.user, users.data, t]);

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
        <StackedCell
          main={
            <Link to={`/petitions/${petition.id}`} data-testid="petition-row-link">
              {title}
            </Link>
          }
          details={[
            `${enumLabel(submissionTypeLabels, petition.submissionType, locale)} · ${enumLabel(petitionChannelLabels, petition.channel, locale)}` +
              (petition.categoryKey ? ` · ${categoryLabel.get(petition.categoryKey) ?? petition.categoryKey}` : '') +
              (petition.anonymous ? ` · ${t('petitions.anonymous')}` : ''),
          ]}
        />
      ),
    },
    {
      title: t('petitions.concerned'),
      key: 'concerned',
      width: 120,
      render: (_value, petition) => <StackedCell main={petition.concernedName ?? '—'} details={[petition.concernedUnit]} />,
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
        <StackedCell main={petition.organizationName} details={[petition.assigneeName ? t('petitions.assigneeIs', { name: petition.assigneeName }) : null]} />
      ),
    },
    dateTimeColumn(t('petitions.receivedAt'), 'receivedAt', 105, query),
    dueAtColumn(t('petitions.dueAt'), query, 'petition-deadline-state'),
    dateTimeColumn(t('petitions.updatedAt'), 'updatedAt', 105, query),
  ];

  return (
    <PageContainer
      title={t('menu.petitions')}
      description={t('petitions.description')}
      extra={
        <>
          <ExportButton href={petitionExportUrl(query)} label={t('petitions.export')} testId="export-petitions" />
          {can('petitions.register') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/petitions/new')} data-testid="register-petition">
              {t('petitions.register')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card>
        <DeadlineTabs value={query.deadlineState} update={update} testIdPrefix="petition" />
        <ListFilters view={view} filterKeys={filterKeys} testId="petition-filters">
          <ListSearch value={query.q} update={update} placeholder={t('petitions.searchPlaceholder')} testId="petition-search" />
          <MultiFilterSelect
            label={t('field.status')}
            value={query.status}
            onChange={(value) => update({ status: value.join(',') })}
            options={petitionStatuses.map((status) => ({ value: status, label: petitionStatusLabel(status, locale) }))}
            testId="petition-filter-status"
          />
          <FilterSelect label={t('petitions.channel')} value={query.channel} onChange={(channel) => update({ channel })} options={enumOptions(petitionChannels, petitionChannelLabels, locale)} width={130} />
          <FilterSelect
            label={t('petitions.submissionType')}
            value={query.submissionType}
            onChange={(submissionType) => update({ submissionType })}
            options={enumOptions(submissionTypes, submissionTypeLabels, locale)}
          />
          <FilterSelect
            label={t('petitions.category')}
            value={query.categoryKey}
            onChange={(categoryKey) => update({ categoryKey })}
            options={(categories.data ?? []).map((category) => ({ value: category.key, label: lt(category.label) }))}
            loading={categories.isLoading}
            width={160}
          />
          <FilterSelect label={t('petitions.objectLevel')} value={query.objectLevel} onChange={(objectLevel) => update({ objectLevel })} options={enumOptions(objectLevels, objectLevelLabels, locale)} width={170} />
          <FilterSelect label={t('petitions.assignee')} value={query.assigneeId} onChange={(assigneeId) => update({ assigneeId })} options={assigneeOptions} width={160} search />
          <DateRangeFilter
            from={query.receivedFrom}
            to={query.receivedTo}
            keys={['receivedFrom', 'receivedTo']}
            update={update}
            label={t('petitions.receivedAt')}
            placeholders={[t('petitions.receivedFrom'), t('petitions.receivedTo')]}
          />
        </ListFilters>
        <ListTable<PetitionSummary>
          result={petitions}
          columns={columns}
          view={view}
          emptyText={t('petitions.empty')}
          cappedText={(total) => t('petitions.totalCapped', { total })}
          scrollX={1040}
          rowClassName={overdueRowClass}
          testId="petition-table"
        />
      </Card>
    </PageContainer>
  );
}
