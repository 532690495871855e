import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Tag } from 'antd';
import { isApiError } from '../../shared/api-client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { ClueSummaryTable } from './components/clue-summary-table.tsx';
import { useCluePerson } from './clues.api.ts';

/**
 * One person concerned and every clue about them that the reader's body may see (need-to-know). The server writes
 * each view to the audit log; the page says so, and does not reload behind the reader's back.
 */
export function CluePersonPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useCluePerson(id);

  if (query.isPending) {
    return (
      <PageContainer title={t('clues.personTitle')}>
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </PageContainer>
    );
  }
  if (query.isError) {
    return isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED') ? (
      <Result
        status="404"
        title={t('clues.personNotFound')}
        subTitle={t('clues.personNotFoundHint')}
        data-testid="clue-person-not-found"
        extra={
          <Button type="primary" onClick={() => navigate('/clues')}>
            {t('clues.backToLedger')}
          </Button>
        }
      />
    ) : (
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const person = query.data;

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
          <ClueSummaryTable clues={person.clues} emptyText={t('clues.empty')} testId="clue-person-clues" />
        </Card>
      </Flex>
    </PageContainer>
  );
}
