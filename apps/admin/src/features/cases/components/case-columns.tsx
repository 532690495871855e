import { Link } from 'react-router';
import type { TableColumnsType } from 'antd';
import type { CaseStatus, CaseSummary } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import type { SortState } from '../../../shared/list-params.ts';
import { dateTimeColumn, dueAtColumn, StackedCell } from '../../../shared/ui/list-view.tsx';
import { StatusTag } from '../../../shared/ui/status-tag.tsx';

/** Name, then unit and post in grey: the person concerned in a table cell. */
export function PersonCell({ name, unit, post }: { name: string; unit?: string | null; post?: string | null }) {
  return <StackedCell main={name} details={[[unit, post].filter(Boolean).join(' · ')]} />;
}

/**
 * The case register's columns: number (opens the case), filed, person and unit, title, status, investigating body,
 * due date with its state. Sortable headers where the list is sorted (`sort`); the register names its cells for tests.
 */
export function useCaseColumns({ sort, testIds = false }: { sort?: SortState; testIds?: boolean } = {}): TableColumnsType<CaseSummary> {
  const { t } = useI18n();
  const testId = (name: string) => (testIds ? name : undefined);
  return [
    {
      title: t('cases.caseNumber'),
      dataIndex: 'caseNumber',
      width: 130,
      fixed: 'left',
      render: (caseNumber: string, found) => (
        <Link to={`/cases/${found.id}`} data-testid={testId(`case-number-${found.id}`)}>
          {caseNumber}
        </Link>
      ),
    },
    dateTimeColumn(t('cases.filedAt'), 'filedAt', 110, sort),
    { title: t('cases.concerned'), key: 'concerned', width: 170, render: (_value, found) => <PersonCell name={found.concernedName} unit={found.concernedUnit} post={found.concernedPost} /> },
    {
      title: t('cases.title'),
      dataIndex: 'title',
      render: (title: string, found) => (
        <Link to={`/cases/${found.id}`} data-testid={testId('case-row-link')}>
          {title}
        </Link>
      ),
    },
    { title: t('field.status'), dataIndex: 'status', width: 140, render: (status: CaseStatus) => <StatusTag workflow="case" status={status} testId={testId('case-status')} /> },
    { title: t('cases.investigatingBody'), dataIndex: 'organizationName', width: 160 },
    dueAtColumn(t('cases.dueAt'), sort, testId('case-deadline-state')),
    dateTimeColumn(t('cases.updatedAt'), 'updatedAt', 110, sort),
  ];
}
