import { Link } from 'react-router';
import { Tag, type TableColumnsType, type TableProps } from 'antd';
import {
  cadreManagementLevelLabels,
  cadreManagementLevels,
  clueSortKeys,
  clueSourceLabels,
  clueSources,
  clueStatuses,
  disposalTypeLabels,
  disposalTypes,
  type ClueSource,
  type ClueStatus,
  type ClueSummary,
  type DisposalType,
} from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { hasAnyFilter, useListParams, type SortState } from '../../../shared/list-params.ts';
import { clueStatusLabel, enumLabel, enumOptions } from '../../../shared/labels.ts';
import {
  dateTimeColumn,
  DateRangeFilter,
  deadlineFilterStates,
  DeadlineTabs,
  dueAtColumn,
  FilterSelect,
  ListFilters,
  ListSearch,
  ListTable,
  MultiFilterSelect,
  overdueRowClass,
  StackedCell,
} from '../../../shared/ui/list-view.tsx';
import { useClues, type ClueListQuery } from '../clues.api.ts';
import { ClueStatusTag } from './clue-status-tag.tsx';

// The ledger's filters and columns: the ledger page, and the clue picker of a joint screening, show the same.

const filterKeys = ['status', 'source', 'disposalType', 'cadreManagementLevel', 'deadlineState', 'q', 'receivedFrom', 'receivedTo'] as const;

/** Filters, search, sort and page live in the URL: a ledger view can be reloaded, bookmarked and shared. */
export function useClueListParams() {
  const list = useListParams();
  const query: ClueListQuery = {
    status: list.pickList('status', clueStatuses),
    source: list.pick('source', clueSources),
    disposalType: list.pick('disposalType', disposalTypes),
    cadreManagementLevel: list.pick('cadreManagementLevel', cadreManagementLevels),
    deadlineState: list.pick('deadlineState', deadlineFilterStates),
    q: list.text('q'),
    receivedFrom: list.date('receivedFrom'),
    receivedTo: list.date('receivedTo'),
    ...list.sort(clueSortKeys, 'receivedAt'),
    page: list.page,
    pageSize: list.pageSize,
  };
  return { query, update: list.update, hasFilters: hasAnyFilter(query, filterKeys) };
}

type ClueListView = ReturnType<typeof useClueListParams>;

/**
 * The ledger itself: deadline tabs, filters (search, status, source, disposal, cadre level, received range) and the
 * paged table. The ledger page shows it as it is; the clue picker of a joint screening adds row selection.
 */
export function ClueLedgerTable({
  view,
  testIdPrefix,
  testId,
  cellTestIds = false,
  size,
  rowSelection,
}: {
  view: ClueListView;
  testIdPrefix: string;
  testId: string;
  cellTestIds?: boolean;
  size?: 'small' | 'middle';
  rowSelection?: TableProps<ClueSummary>['rowSelection'];
}) {
  const { t } = useI18n();
  const clues = useClues(view.query);
  const columns = useClueColumns({ sort: view.query, testIds: cellTestIds });
  return (
    <>
      <DeadlineTabs value={view.query.deadlineState} update={view.update} testIdPrefix={testIdPrefix} />
      <ClueFilters view={view} />
      <ListTable<ClueSummary>
        result={clues}
        columns={columns}
        view={view}
        emptyText={t('clues.empty')}
        scrollX={1380}
        rowClassName={overdueRowClass}
        size={size}
        rowSelection={rowSelection}
        testId={testId}
      />
    </>
  );
}

/** Search, status, source, disposal, cadre level and the received range; "clear" when any is set. */
function ClueFilters({ view }: { view: ClueListView }) {
  const { t, locale } = useI18n();
  const { query, update } = view;
  return (
    <ListFilters view={view} filterKeys={filterKeys} testId="clue-filters">
      <ListSearch value={query.q} update={update} placeholder={t('clues.searchPlaceholder')} maxLength={40} testId="clue-search" />
      <MultiFilterSelect
        label={t('field.status')}
        value={query.status}
        onChange={(value) => update({ status: value.join(',') })}
        options={clueStatuses.map((status) => ({ value: status, label: clueStatusLabel(status, locale) }))}
        testId="clue-filter-status"
      />
      <FilterSelect label={t('clues.source')} value={query.source} onChange={(source) => update({ source })} options={enumOptions(clueSources, clueSourceLabels, locale)} width={160} testId="clue-filter-source" />
      <FilterSelect
        label={t('clues.disposalType')}
        value={query.disposalType}
        onChange={(disposalType) => update({ disposalType })}
        options={enumOptions(disposalTypes, disposalTypeLabels, locale)}
        testId="clue-filter-disposal"
      />
      <FilterSelect
        label={t('clues.cadreManagementLevel')}
        value={query.cadreManagementLevel}
        onChange={(cadreManagementLevel) => update({ cadreManagementLevel })}
        options={enumOptions(cadreManagementLevels, cadreManagementLevelLabels, locale)}
        testId="clue-filter-cadre-level"
      />
      <DateRangeFilter
        from={query.receivedFrom}
        to={query.receivedTo}
        keys={['receivedFrom', 'receivedTo']}
        update={update}
        label={t('clues.receivedAt')}
        placeholders={[t('clues.receivedFrom'), t('clues.receivedTo')]}
      />
    </ListFilters>
  );
}

/**
 * The ledger's columns; the serial number and title open the clue. Sortable headers where the list is sorted
 * (`sort`); the ledger itself names its cells for the browser tests (`testIds`), shorter tables on other pages do not.
 */
export function useClueColumns({ sort, testIds = false }: { sort?: SortState; testIds?: boolean } = {}): TableColumnsType<ClueSummary> {
  const { t, locale } = useI18n();
  const testId = (name: string) => (testIds ? name : undefined);
  return [
    {
      title: t('clues.serialNumber'),
      dataIndex: 'serialNumber',
      width: 130,
      fixed: 'left',
      render: (serial: string, clue) => (
        <Link to={`/clues/${clue.id}`} data-testid={testId(`clue-serial-${clue.id}`)}>
          {serial}
        </Link>
      ),
    },
    dateTimeColumn(t('clues.receivedAt'), 'receivedAt', 110, sort),
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
        <Link to={`/clues/${clue.id}`} data-testid={testId('clue-row-link')}>
          {title}
        </Link>
      ),
    },
    {
      title: t('clues.concerned'),
      key: 'concerned',
      width: 150,
      render: (_value, clue) => (
        <StackedCell
          main={clue.concernedName}
          details={[clue.concernedUnit, clue.cadreManagementLevel ? enumLabel(cadreManagementLevelLabels, clue.cadreManagementLevel, locale) : null]}
        />
      ),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 140,
      render: (status: ClueStatus) => <ClueStatusTag status={status} testId={testId('clue-status')} />,
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
        <StackedCell main={name} details={[clue.ledgerOrganizationId !== clue.organizationId ? t('clues.ledgerOf', { name: clue.ledgerOrganizationName }) : null]} />
      ),
    },
    dueAtColumn(t('clues.dueAt'), sort, testId('clue-deadline-state')),
    dateTimeColumn(t('clues.updatedAt'), 'updatedAt', 110, sort),
  ];
}
