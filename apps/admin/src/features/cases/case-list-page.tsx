import { Card, Flex } from 'antd';
import { caseSortKeys, caseStatuses, type CaseSummary } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasAnyFilter, useListParams } from '../../shared/list-params.ts';
import { workflowStateLabel } from '../../shared/labels.ts';
import {
  DateRangeFilter,
  deadlineFilterStates,
  DeadlineTabs,
  ExportButton,
  ListSearch,
  ListTable,
  MultiFilterSelect,
  overdueRowClass,
  ListFilters,
} from '../../shared/ui/list-view.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { useCaseColumns } from './components/case-columns.tsx';
// The funnel clues → cases → persons sanctioned is one set of figures, shown on both ledgers.
import { ClueMetricsPanel, useMayReadClueMetrics } from '../clues/components/clue-metrics-panel.tsx';
import { caseExportUrl, useCases, type CaseListQuery } from './cases.api.ts';

const filterKeys = ['status', 'deadlineState', 'q', 'filedFrom', 'filedTo'] as const;

/** The case register (立案审查调查台账): every case the active body may see, with its deadline state; filters in the URL. */
export function CaseListPage() {
  const { t, locale } = useI18n();
  const list = useListParams();
  const { update } = list;
  const query: CaseListQuery = {
    status: list.pickList('status', caseStatuses),
    deadlineState: list.pick('deadlineState', deadlineFilterStates),
    q: list.text('q'),
    filedFrom: list.date('filedFrom'),
    filedTo: list.date('filedTo'),
    ...list.sort(caseSortKeys, 'filedAt'),
    page: list.page,
    pageSize: list.pageSize,
  };
  const hasFilters = hasAnyFilter(query, filterKeys);
  const view = { query, update, hasFilters };
  const cases = useCases(query);
  const columns = useCaseColumns({ sort: query, testIds: true });
  const metrics = useMayReadClueMetrics();

  return (
    <PageContainer title={t('menu.cases')} description={t('cases.description')} extra={<ExportButton href={caseExportUrl(query)} label={t('cases.export')} testId="export-cases" />}>
      <Flex vertical gap={16}>
        {metrics ? <ClueMetricsPanel /> : null}
        <Card>
          <DeadlineTabs value={query.deadlineState} update={update} testIdPrefix="case" />
          <ListFilters view={view} filterKeys={filterKeys} testId="case-filters">
            <ListSearch value={query.q} update={update} placeholder={t('cases.searchPlaceholder')} maxLength={40} testId="case-search" />
            <MultiFilterSelect
              label={t('field.status')}
              value={query.status}
              onChange={(value) => update({ status: value.join(',') })}
              options={caseStatuses.map((status) => ({ value: status, label: workflowStateLabel('case', status, locale) }))}
              testId="case-filter-status"
            />
            <DateRangeFilter
              from={query.filedFrom}
              to={query.filedTo}
              keys={['filedFrom', 'filedTo']}
              update={update}
              label={t('cases.filedAt')}
              placeholders={[t('cases.filedFrom'), t('cases.filedTo')]}
            />
          </ListFilters>
          <ListTable<CaseSummary>
            result={cases}
            columns={columns}
            view={view}
            emptyText={t('cases.empty')}
            scrollX={1240}
            rowClassName={overdueRowClass}
            testId="case-table"
          />
        </Card>
      </Flex>
    </PageContainer>
  );
}
