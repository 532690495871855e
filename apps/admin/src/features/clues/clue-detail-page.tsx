import { useParams } from 'react-router';
import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd';
import { cadreManagementLevelLabels, clueSourceLabels, disposalTypeLabels, type ClueDetail } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { enumLabel } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { AttachmentsCard } from '../../shared/ui/attachments-card.tsx';
import { DeadlineStateTag } from '../../shared/ui/deadline-state-tag.tsx';
import { DeadlinesCard } from '../../shared/ui/deadlines-card.tsx';
import { DocumentsCard } from '../../shared/ui/documents-card.tsx';
import { overdueRowClass, SimpleTable } from '../../shared/ui/list-view.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { BackLink, RecordPage } from '../../shared/ui/record-page.tsx';
import { WorkflowCard } from '../../shared/ui/workflow-card.tsx';
import { TimelineCard } from '../../shared/ui/workflow-event-timeline.tsx';
import { useWorkflowDefinition } from '../../shared/use-workflow-definition.ts';
import { ApprovalCard } from './components/approval-card.tsx';
import { ClueActions } from './components/clue-actions.tsx';
import { ClueInfoCard } from './components/clue-info-card.tsx';
import { ClueStatusTag } from './components/clue-status-tag.tsx';
import { useClueColumns } from './components/clue-ledger.tsx';
import { RecordsCard } from './components/records-card.tsx';
import { TransfersCard } from './components/transfers-card.tsx';
import { clueKeys, useClue } from './clues.api.ts';

/** Everything about one clue on one page: header, actions, approval, content, records, transfers, related clues, deadlines, history. */
export function ClueDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useClue(id);
  return (
    <RecordPage
      query={query}
      title={t('clues.detail')}
      notFound={{ title: t('clues.notFound'), hint: t('clues.notFoundHint'), testId: 'clue-not-found', backTo: '/clues', backLabel: t('clues.backToLedger') }}
    >
      {(clue) => (clue.partnerView ? <PartnerClueView clue={clue} /> : <ClueView clue={clue} />)}
    </RecordPage>
  );
}

function BackToLedger() {
  const { t } = useI18n();
  return <BackLink to="/clues" label={t('clues.backToLedger')} />;
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
  const { t } = useI18n();
  const { can } = useSession();
  const definition = useWorkflowDefinition('clue', can('workflows.read'));
  const clueColumns = useClueColumns();

  return (
    <PageContainer
      title={`${clue.serialNumber} · ${clue.title}`}
      description={<BackToLedger />}
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
                <SimpleTable rows={clue.relatedClues} columns={clueColumns} scrollX={1380} rowClassName={overdueRowClass} emptyText={t('clues.noRelated')} testId="clue-related-table" />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <DeadlinesCard kind="clue" record={clue} definition={definition.data} reload={[clueKeys.detail(clue.id), clueKeys.lists]} />
              <AttachmentsCard kind="clue" attachments={clue.attachments} />
              {clue.disposalType === 'talk_or_letter_inquiry' ? <InquiryLetters clue={clue} /> : null}
              <TimelineCard workflow="clue" events={clue.events} title={t('clues.section.timeline')} testId="clue-timeline" />
            </Flex>
          </Col>
        </Row>

        <WorkflowCard definition={definition} current={clue.status} title={t('clues.section.workflow')} testId="clue-workflow" />
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
    <PageContainer title={`${clue.serialNumber} · ${clue.title}`} description={<BackToLedger />}>
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
            <AttachmentsCard kind="clue" attachments={clue.attachments} />
          </Col>
        </Row>
      </Flex>
    </PageContainer>
  );
}

/** A clue disposed of by talk or letter (谈话函询): the inquiry letters (函询通知书) issued for it. */
function InquiryLetters({ clue }: { clue: ClueDetail }) {
  const { t } = useI18n();
  return <DocumentsCard subjectType="clue" subjectId={clue.id} kinds={[{ kind: 'inquiry_letter', label: t('documents.issueInquiryLetter') }]} testId="clue-documents" />;
}
