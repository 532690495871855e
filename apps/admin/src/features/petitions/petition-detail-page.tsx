import { useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { petitionChannelLabels, petitionSourceLabels, type PetitionDetail } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { enumLabel } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { AttachmentsCard } from '../../shared/ui/attachments-card.tsx';
import { DeadlineStateTag } from '../../shared/ui/deadline-state-tag.tsx';
import { DeadlinesCard } from '../../shared/ui/deadlines-card.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { BackLink, RecordPage } from '../../shared/ui/record-page.tsx';
import { WorkflowCard } from '../../shared/ui/workflow-card.tsx';
import { TimelineCard } from '../../shared/ui/workflow-event-timeline.tsx';
import { useWorkflowDefinition } from '../../shared/use-workflow-definition.ts';
import { AnswerCard } from './components/answer-card.tsx';
import { ClassificationCard } from './components/classification-card.tsx';
import { ClueHandoffCard } from './components/clue-handoff-card.tsx';
import { NotesCard } from './components/notes-card.tsx';
import { PetitionActions } from './components/petition-actions.tsx';
import { PetitionStatusTag } from './components/petition-status-tag.tsx';
import { ProposalAlert } from './components/proposal-alert.tsx';
import { ReporterCard } from './components/reporter-card.tsx';
import { SimilarPanel } from './components/similar-panel.tsx';
import { TransfersCard } from './components/transfers-card.tsx';
import { petitionKeys, usePetition, usePetitionCategories } from './petitions.api.ts';

/** Everything about one report on one page: header, proposal, actions, content, reporter, transfers, similar reports, notes, deadlines, history. */
export function PetitionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = usePetition(id);
  return (
    <RecordPage
      query={query}
      title={t('petitions.detail')}
      notFound={{ title: t('petitions.notFound'), hint: t('petitions.notFoundHint'), testId: 'petition-not-found', backTo: '/petitions', backLabel: t('petitions.backToQueue') }}
    >
      {(petition) => <PetitionView petition={petition} />}
    </RecordPage>
  );
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
      description={<BackLink to="/petitions" label={t('petitions.backToQueue')} />}
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
              <DeadlinesCard kind="petition" record={petition} definition={definition.data} reload={[petitionKeys.detail(petition.id), petitionKeys.lists]} />
              <AttachmentsCard kind="petition" attachments={petition.attachments} />
              <ClueHandoffCard petition={petition} />
              <TimelineCard workflow="petition" events={petition.events} title={t('petitions.section.timeline')} testId="petition-timeline" />
            </Flex>
          </Col>
        </Row>

        <WorkflowCard definition={definition} current={petition.status} title={t('petitions.section.workflow')} testId="petition-workflow" />
      </Flex>
    </PageContainer>
  );
}
