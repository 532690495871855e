import { useNavigate } from 'react-router';
import { Button, Card, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n.tsx';
import { useSession } from '../../shared/session.tsx';
import { ExportButton } from '../../shared/ui/list-view.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { ClueLedgerTable, useClueListParams } from './components/clue-ledger.tsx';
import { ClueMetricsPanel, useMayReadClueMetrics } from './components/clue-metrics-panel.tsx';
import { clueExportUrl } from './clues.api.ts';

/** The central ledger (问题线索台账): every clue the active body may see, with the deadline state of each; statistics above it for staff. */
export function ClueListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const params = useClueListParams();
  const { query } = params;
  const metrics = useMayReadClueMetrics();

  return (
    <PageContainer
      title={t('menu.clues')}
      description={t('clues.description')}
      extra={
        <>
          <ExportButton href={clueExportUrl(query)} label={t('clues.export')} testId="export-clues" />
          {can('clues.register') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/clues/new')} data-testid="create-clue">
              {t('clues.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Flex vertical gap={16}>
        {metrics ? <ClueMetricsPanel /> : null}
        <Card>
          <ClueLedgerTable view={params} testIdPrefix="clue" testId="clue-table" cellTestIds />
        </Card>
      </Flex>
    </PageContainer>
  );
}
