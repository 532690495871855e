import { Card } from 'antd';
import { fourFormLabels, fourForms, sanctionCategories, sanctionCategoryLabels, sanctionTypeKeys, type Sanction } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasAnyFilter, useListParams } from '../../shared/list-params.ts';
import { enumOptions, sanctionTypeOptions } from '../../shared/labels.ts';
import { DateRangeFilter, ExportButton, FilterSelect, ListTable, ListFilters } from '../../shared/ui/list-view.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { useSanctionColumns } from './components/sanctions-table.tsx';
import { sanctionExportUrl, useSanctions, type SanctionListQuery } from './cases.api.ts';

const filterKeys = ['category', 'type', 'fourForm', 'inEffect', 'decidedFrom', 'decidedTo'] as const;

/** The sanctions register (处分台账): each sanction with its effect period and whether it is in effect, newest decision first. */
export function SanctionsPage() {
  const { t, locale } = useI18n();
  const list = useListParams();
  const { update } = list;
  const query: SanctionListQuery = {
    category: list.pick('category', sanctionCategories),
    type: list.pick('type', sanctionTypeKeys),
    fourForm: list.pick('fourForm', fourForms),
    inEffect: list.pick('inEffect', ['true', 'false'] as const),
    decidedFrom: list.date('decidedFrom'),
    decidedTo: list.date('decidedTo'),
    page: list.page,
    pageSize: list.pageSize,
  };
  const hasFilters = hasAnyFilter(query, filterKeys);
  const view = { query, update, hasFilters };
  const sanctions = useSanctions(query);
  const columns = useSanctionColumns({ withCase: true });
  // Choosing a category narrows the types offered.
  const typeOptions = sanctionTypeOptions(locale, { withEffect: false, category: query.category });

  return (
    <PageContainer
      title={t('menu.sanctions')}
      description={t('sanctions.description')}
      extra={<ExportButton href={sanctionExportUrl(query)} label={t('sanctions.export')} testId="export-sanctions" />}
    >
      <Card>
        <ListFilters view={view} filterKeys={filterKeys} testId="sanction-filters">
          <FilterSelect
            label={t('sanctions.category')}
            value={query.category}
            onChange={(category) => update({ category, type: null })}
            options={enumOptions(sanctionCategories, sanctionCategoryLabels, locale)}
            width={160}
            testId="sanction-filter-category"
          />
          <FilterSelect label={t('sanctions.type')} value={query.type} onChange={(type) => update({ type })} options={typeOptions} width={180} search testId="sanction-filter-type" />
          <FilterSelect label={t('sanctions.fourForm')} value={query.fourForm} onChange={(fourForm) => update({ fourForm })} options={enumOptions(fourForms, fourFormLabels, locale)} width={140} />
          <FilterSelect
            label={t('sanctions.state')}
            value={query.inEffect}
            onChange={(inEffect) => update({ inEffect })}
            options={[
              { value: 'true', label: t('sanctions.inEffect') },
              { value: 'false', label: t('sanctions.notInEffectOrRevoked') },
            ]}
            width={140}
            testId="sanction-filter-in-effect"
          />
          <DateRangeFilter
            from={query.decidedFrom}
            to={query.decidedTo}
            keys={['decidedFrom', 'decidedTo']}
            update={update}
            label={t('sanctions.decidedOn')}
            placeholders={[t('sanctions.decidedFrom'), t('sanctions.decidedTo')]}
          />
        </ListFilters>
        <ListTable<Sanction>
          result={sanctions}
          columns={columns}
          view={view}
          emptyText={t('sanctions.empty')}
          scrollX={1340}
          testId="sanction-table"
        />
      </Card>
    </PageContainer>
  );
}
