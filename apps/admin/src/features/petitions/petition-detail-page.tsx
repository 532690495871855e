import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { petitionChannelLabels, petitionSourceLabels, type PetitionDetail } from '@guantong/contracts';
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
import { AnswerCard } from './components/answer-card.tsx';
import { AttachmentsCard } from './components/attachments-card.tsx';
import { ClassificationCard } from './components/classification-card.tsx';
import { ClueHandoffCard } from './components/clue-handoff-card.tsx';
import { DeadlinesCard } from './components/deadlines-card.tsx';
import { NotesCard } from './components/notes-card.tsx';
import { PetitionActions } from './components/petition-actions.tsx';
import { PetitionStatusTag } from './components/petition-status-tag.tsx';
import { PetitionTimeline } from './components/petition-timeline.tsx';
import { ProposalAlert } from './components/proposal-alert.tsx';
import { ReporterCard } from './components/reporter-card.tsx';
import { SimilarPanel } from './components/similar-panel.tsx';
import { TransfersCard } from './components/transfers-card.tsx';
import { usePetition, usePetitionCategories } from './petitions.api.ts';

/** Everything about one report on one page: header, proposal, actions, content, reporter, transfers, similar reports, notes, deadlines, history. */
export function PetitionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = usePetition(id);

  if (query.isPending) {
    return (
      <PageContainer title={t('petitions.detail')}>
        <Card>
          <Skeleton active paragraph={{ rows: 12 }} />
        </Card>
      </PageContainer>
    );
  }
  if (query.isError) {
    // Records outside the body's scope answer 404, like records that do not exist.
    return isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED') ? (
      <Result
        status="404"
        title={t('petitions.notFound')}
        subTitle={t('petitions.notFoundHint')}
        data-testid="petition-not-found"
        extra={
          <Button type="primary" onClick={() => navigate('/petitions')}>
            {t('petitions.backToQueue')}
          </Button>
        }
      />
    ) : (
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return <PetitionView petition={query.data} />;
}

function PetitionView({ petition }: { petition: PetitionDetail }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const definition = useWorkflowDefinition('petition', can('workflows.read'));
  const categories = usePetitionCategories();
  const similarRef = useRef<HTMLDivElement>(null);
  const openDeadline = petition.deadlines.find((deadline) => deadline.status === 'open');

  const scrollToSimilar = () => {
    similarRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    void message.info(t('petitions.mergeFromSimilar'));
  };

  return (
    <PageContainer
      title={petition.title}
      description={
        <Flex gap={8} align="center" wrap component="span">
          <Link to="/petitions">
            <ArrowLeftOutlined /> {t('petitions.backToQueue')}
          </Link>
        </Flex>
      }
      extra={<PetitionActions petition={petition} definition={definition.data} onMerge={scrollToSimilar} />}
    >
      <Flex vertical gap={16}>
        <Card size="small" data-testid="petition-header">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              {
                key: 'serial',
                label: t('petitions.serialNumber'),
                children: <Typography.Text strong copyable={petition.serialNumber ? true : false} data-testid="petition-serial">{petition.serialNumber ?? t('petitions.unregistered')}</Typography.Text>,
              },
              {
                key: 'receipt',
                label: t('petitions.receiptCode'),
                children: petition.receiptCode ? <Typography.Text code copyable data-testid="petition-receipt">{petition.receiptCode}</Typography.Text> : '—',
              },
              { key: 'status', label: t('field.status'), children: <PetitionStatusTag status={petition.status} testId="petition-status" /> },
              {
                key: 'deadline',
                label: t('petitions.dueAt'),
                children: (
                  <Flex gap={4} align="center" wrap>
                    <span>{formatDateTime(petition.dueAt ?? openDeadline?.dueAt)}</span>
                    <DeadlineStateTag state={petition.deadlineState} testId="petition-deadline-state" />
                  </Flex>
                ),
              },
              { key: 'received', label: t('petitions.receivedAt'), children: formatDateTime(petition.receivedAt) },
              { key: 'channel', label: t('petitions.channel'), children: enumLabel(petitionChannelLabels, petition.channel, locale) },
              { key: 'source', label: t('petitions.source'), children: enumLabel(petitionSourceLabels, petition.source, locale) },
              { key: 'body', label: t('petitions.handlingBody'), children: petition.organizationName },
            ]}
          />
        </Card>

        {petition.mergedIntoId ? (
          <Alert
            type="info"
            showIcon
            title={t('petitions.mergedInto')}
            action={
              <Button size="small" onClick={() => navigate(`/petitions/${petition.mergedIntoId}`)}>
                {t('action.view')}
              </Button>
            }
            data-testid="petition-merged-into"
          />
        ) : null}
        {petition.parentPetitionId && !petition.transferIn ? (
          <Alert type="info" showIcon title={t('petitions.hasParent')} data-testid="petition-parent" />
        ) : null}
        <ProposalAlert petition={petition} />
        <TransfersCard petition={petition} />

        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <ClassificationCard petition={petition} categories={categories.data ?? []} />
              <ReporterCard petition={petition} />
              <AnswerCard petition={petition} />
              <SimilarPanel petition={petition} ref={similarRef} />
              <NotesCard petition={petition} />
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <DeadlinesCard petition={petition} definition={definition.data} />
              <AttachmentsCard petition={petition} />
              <ClueHandoffCard petition={petition} />
              <PetitionTimeline petition={petition} />
            </Flex>
          </Col>
        </Row>

        {can('workflows.read') ? (
          <Card size="small" title={t('petitions.section.workflow')} data-testid="petition-workflow">
            {definition.data ? (
              <WorkflowDiagram definition={definition.data} current={petition.status} locale={locale} />
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
