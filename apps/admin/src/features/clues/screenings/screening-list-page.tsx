import { Link, useNavigate } from 'react-router';
import { Button, Card, Progress, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { EndpointResponse } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useSession } from '../../../shared/session.tsx';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useScreenings } from '../clues.api.ts';

type ScreeningSummary = EndpointResponse<'listScreenings'>[number];

/** 进行中 / 已结束. */
export function ScreeningStatusTag({ status }: { status: ScreeningSummary['status'] }) {
  const { t } = useI18n();
  return status === 'open' ? (
    <Tag color="processing" data-testid="screening-status">
      {t('screenings.open')}
    </Tag>
  ) : (
    <Tag color="success" data-testid="screening-status">
      {t('screenings.closed')}
    </Tag>
  );
}

/** Concluded of total, as a bar. */
export function ScreeningProgress({ concluded, total }: { concluded: number; total: number }) {
  return <Progress percent={total ? Math.round((concluded / total) * 100) : 0} size="small" format={() => `${concluded}/${total}`} />;
}

/**
 * 集中排查: batches of clues screened together, each clue with a reviewer and a conclusion. Leaders start a batch;
 * leaders and the case-management office see the batches of their ledger, reviewers those with clues assigned to them.
 */
export function ScreeningListPage() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const screenings = useScreenings();

  return (
    <PageContainer
      title={t('menu.clueScreenings')}
      description={t('screenings.description')}
      extra={
        hasRole('leader') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/clue-screenings/new')} data-testid="screening-create">
            {t('screenings.create')}
          </Button>
        ) : null
      }
    >
      <Card>
        {screenings.isError && !screenings.data ? (
          <QueryError error={screenings.error} onRetry={() => void screenings.refetch()} />
        ) : (
          <Table<ScreeningSummary>
            rowKey="id"
            loading={screenings.isFetching}
            dataSource={screenings.data}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('screenings.empty') }}
            data-testid="screening-table"
            columns={[
              {
                title: t('screenings.titleField'),
                dataIndex: 'title',
                render: (title: string, screening) => (
                  <Link to={`/clue-screenings/${screening.id}`} data-testid="screening-link">
                    {title}
                  </Link>
                ),
              },
              { title: t('screenings.progress'), key: 'progress', width: 180, render: (_value, screening) => <ScreeningProgress concluded={screening.concluded} total={screening.total} /> },
              { title: t('field.status'), dataIndex: 'status', width: 100, render: (status: ScreeningSummary['status']) => <ScreeningStatusTag status={status} /> },
              { title: t('screenings.createdBy'), dataIndex: 'createdByName', width: 110 },
              { title: t('screenings.createdAt'), dataIndex: 'createdAt', width: 140, render: (value: string) => formatDateTime(value) },
              { title: t('screenings.closedAt'), dataIndex: 'closedAt', width: 140, render: (value: string | null) => formatDateTime(value) },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
