import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { cadreManagementLevelLabels, clueSourceLabels, disposalTypeLabels, type ClueDetail } from '@guantong/contracts';
import { isApiError } from '../../shared/api-client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { enumLabel } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { DeadlineStateTag } from '../../shared/ui/deadline-state-tag.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { useWorkflowDefinition } from '../../shared/use-workflow-definition.ts';
import { WorkflowDiagram } from '../../shared/ui/workflow-diagram.tsx';
import { ApprovalCard } from './components/approval-card.tsx';
import { AttachmentsCard } from './components/attachments-card.tsx';
import { ClueActions } from './components/clue-actions.tsx';
import { ClueInfoCard } from './components/clue-info-card.tsx';
import { ClueStatusTag } from './components/clue-status-tag.tsx';
import { ClueSummaryTable } from './components/clue-summary-table.tsx';
import { ClueTimeline } from './components/clue-timeline.tsx';
import { DeadlinesCard } from './components/deadlines-card.tsx';
import { RecordsCard } from './components/records-card.tsx';
import { TransfersCard } from './components/transfers-card.tsx';
import { useClue } from './clues.api.ts';

/** Everything about one clue on one page: header, actions, approval, content, records, transfers, related clues, deadlines, history. */
export function ClueDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useClue(id);

  if (query.isPending) {
    return (
      <PageContainer title={t('clues.detail')}>
        <Card>
          <Skeleton active paragraph={{ rows: 12 }} />
        </Card>
      </PageContainer>
    );
  }
  if (query.isError) {
    // Clues outside the body's scope answer 404, like clues that do not exist.
    return isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED') ? (
      <Result
        status="404"
        title={t('clues.notFound')}
        subTitle={t('clues.notFoundHint')}
        data-testid="clue-not-found"
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
  return query.data.partnerView ? <PartnerClueView clue={query.data} /> : <ClueView clue={query.data} />;
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link to="/clues">
      <ArrowLeftOutlined /> {t('clues.backToLedger')}
    </Link>
  );
}

/** The header row shared by both views: ledger number, status, deadline, received, ledger and holder. */
function HeaderCard({ clue, partner = false }: { clue: ClueDetail; partner?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" data-testid="clue-header">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          {
            key: 'serial',
            label: t('clues.serialNumber'),
            children: (
              <Typography.Text strong copyable data-testid="clue-serial">
                {clue.serialNumber}
              </Typography.Text>
            ),
          },
          { key: 'status', label: t('field.status'), children: <ClueStatusTag status={clue.status} testId="clue-status" /> },
          ...(partner
            ? []
            : [
                {
                  key: 'deadline',
                  label: t('clues.dueAt'),
                  children: (
                    <Flex gap={4} align="center" wrap>
                      <span>{formatDateTime(clue.dueAt)}</span>
                      <DeadlineStateTag state={clue.deadlineState} testId="clue-deadline-state" />
                    </Flex>
                  ),
                },
                {
                  key: 'disposal',
                  label: t('clues.disposalType'),
                  children: clue.disposalType ? <Tag color="gold">{enumLabel(disposalTypeLabels, clue.disposalType, locale)}</Tag> : '—',
                },
              ]),
          { key: 'received', label: t('clues.receivedAt'), children: formatDateTime(clue.receivedAt) },
          { key: 'ledger', label: t('clues.ledgerOrganization'), children: clue.ledgerOrganizationName },
          ...(partner
            ? []
            : [
                { key: 'held', label: t('clues.heldBy'), children: clue.organizationName },
                {
                  key: 'cadre',
                  label: t('clues.cadreManagementLevel'),
                  children: clue.cadreManagementLevel ? enumLabel(cadreManagementLevelLabels, clue.cadreManagementLevel, locale) : '—',
                },
              ]),
        ]}
      />
    </Card>
  );
}

function ClueView({ clue }: { clue: ClueDetail }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const definition = useWorkflowDefinition('clue', can('workflows.read'));

  return (
    <PageContainer
      title={`${clue.serialNumber} · ${clue.title}`}
      description={
        <Flex gap={8} align="center" wrap component="span">
          <BackLink />
        </Flex>
      }
      extra={<ClueActions clue={clue} definition={definition.data} />}
    >
      <Flex vertical gap={16}>
        <HeaderCard clue={clue} />
        <ApprovalCard clue={clue} />
        <TransfersCard clue={clue} />

        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <ClueInfoCard clue={clue} />
              <RecordsCard clue={clue} />
              <Card size="small" title={t('clues.section.related')} data-testid="clue-related">
                <ClueSummaryTable clues={clue.relatedClues} emptyText={t('clues.noRelated')} testId="clue-related-table" />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <DeadlinesCard clue={clue} definition={definition.data} />
              <AttachmentsCard clue={clue} />
              <ClueTimeline clue={clue} />
            </Flex>
          </Col>
        </Row>

        {can('workflows.read') ? (
          <Card size="small" title={t('clues.section.workflow')} data-testid="clue-workflow">
            {definition.data ? (
              <WorkflowDiagram definition={definition.data} current={clue.status} locale={locale} />
            ) : definition.isError ? (
              <QueryError error={definition.error} onRetry={() => void definition.refetch()} />
            ) : (
              <Skeleton active />
            )}
          </Card>
        ) : null}
      </Flex>
    </PageContainer>
  );
}

/**
 * What a partner body sees of a clue it sent (DOMAIN.md §3.2 结果反馈): what it sent, the status, and the result
 * fed back; not the internal handling (no records, approvals, deadlines or actions).
 */
function PartnerClueView({ clue }: { clue: ClueDetail }) {
  const { t, locale } = useI18n();
  return (
    <PageContainer title={`${clue.serialNumber} · ${clue.title}`} description={<BackLink />}>
      <Flex vertical gap={16} data-testid="clue-partner-view">
        <Alert type="info" showIcon title={t('clues.partnerViewHint')} />
        <HeaderCard clue={clue} partner />
        <Card size="small" title={t('clues.section.result')} data-testid="clue-result">
          {clue.feedback ? (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'feedback', label: t('clues.feedback'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{clue.feedback}</span> },
                { key: 'at', label: t('clues.feedbackAt'), children: formatDateTime(clue.feedbackAt) },
              ]}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clues.noFeedbackYet')} />
          )}
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small" title={t('clues.section.sent')} data-testid="clue-sent">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'source', label: t('clues.source'), children: enumLabel(clueSourceLabels, clue.source, locale) },
                  { key: 'reference', label: t('clues.sourceReference'), children: clue.sourceReference ?? '—' },
                  { key: 'name', label: t('clues.concerned'), children: [clue.concernedName, clue.concernedPost, clue.concernedUnit].filter(Boolean).join(' · ') },
                  {
                    key: 'allegations',
                    label: t('clues.allegations'),
                    span: 'filled',
                    children: (
                      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 6, expandable: true, symbol: t('action.more') }}>
                        {clue.allegations}
                      </Typography.Paragraph>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <AttachmentsCard clue={clue} />
          </Col>
        </Row>
      </Flex>
    </PageContainer>
  );
}
