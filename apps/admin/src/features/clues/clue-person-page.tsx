import { useParams } from 'react-router';
import { Alert, Card, Descriptions, Flex, Tag } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { useSession } from '../../shared/session.tsx';
import { overdueRowClass, SimpleTable } from '../../shared/ui/list-view.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { RecordPage } from '../../shared/ui/record-page.tsx';
import { useCaseColumns } from '../cases/components/case-columns.tsx';
import { useSanctionColumns } from '../cases/components/sanctions-table.tsx';
import { useClueColumns } from './components/clue-ledger.tsx';
import { useCluePerson } from './clues.api.ts';

type PersonRecord = NonNullable<ReturnType<typeof useCluePerson>['data']>;

/**
 * One person concerned and everything about them that the reader's body may see (need-to-know): clues, cases and
 * sanctions. The server writes each view to the audit log; the page says so, and does not reload behind the reader's back.
 */
export function CluePersonPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useCluePerson(id);
  return (
    <RecordPage
      query={query}
      title={t('clues.personTitle')}
      rows={8}
      notFound={{ title: t('clues.personNotFound'), hint: t('clues.personNotFoundHint'), testId: 'clue-person-not-found', backTo: '/clues', backLabel: t('clues.backToLedger') }}
    >
      {(person) => <PersonView person={person} />}
    </RecordPage>
  );
}

function PersonView({ person }: { person: PersonRecord }) {
  const { t } = useI18n();
  const { can } = useSession();
  const clueColumns = useClueColumns();
  const caseColumns = useCaseColumns();
  const sanctionColumns = useSanctionColumns({ withCase: true });

  return (
    <PageContainer title={t('clues.personPageTitle', { name: person.name })} description={t('clues.personDescription')}>
      <Flex vertical gap={16}>
        <Alert type="warning" showIcon title={t('clues.personViewLogged')} data-testid="clue-person-logged" />
        <Card size="small" data-testid="clue-person">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, lg: 4 }}
            items={[
              { key: 'name', label: t('clues.concernedName'), children: <span data-testid="clue-person-name">{person.name}</span> },
              { key: 'unit', label: t('clues.concernedUnit'), children: person.unit ?? '—' },
              { key: 'post', label: t('clues.concernedPost'), children: person.post ?? '—' },
              {
                key: 'id',
                label: t('clues.idNumber'),
                children: person.hasIdNumber ? <Tag color="blue" data-testid="clue-person-id-sealed">{t('clues.hasIdNumberSealed')}</Tag> : t('clues.idNumberNone'),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('clues.personClues', { count: person.clues.length })}>
          <SimpleTable rows={person.clues} columns={clueColumns} scrollX={1380} rowClassName={overdueRowClass} emptyText={t('clues.empty')} testId="clue-person-clues" />
        </Card>
        {can('cases.read') ? (
          <>
            <Card size="small" title={t('clues.personCases', { count: person.cases.length })}>
              <SimpleTable rows={person.cases} columns={caseColumns} scrollX={1240} rowClassName={overdueRowClass} emptyText={t('clues.personNoCases')} testId="clue-person-cases" />
            </Card>
            <Card size="small" title={t('clues.personSanctions', { count: person.sanctions.length })}>
              <SimpleTable rows={person.sanctions} columns={sanctionColumns} scrollX={1340} emptyText={t('clues.personNoSanctions')} testId="clue-person-sanctions" />
            </Card>
          </>
        ) : null}
      </Flex>
    </PageContainer>
  );
}
