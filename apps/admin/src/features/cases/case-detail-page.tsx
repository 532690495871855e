import { Link, useParams } from 'react-router';
import { Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { objectLevelLabels, supervisedCategoryLabels, type CaseDetail } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { enumLabel } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { AttachmentsCard } from '../../shared/ui/attachments-card.tsx';
import { DeadlineStateTag } from '../../shared/ui/deadline-state-tag.tsx';
import { DeadlinesCard } from '../../shared/ui/deadlines-card.tsx';
import { DocumentsCard } from '../../shared/ui/documents-card.tsx';
import { SimpleTable } from '../../shared/ui/list-view.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { BackLink, RecordPage } from '../../shared/ui/record-page.tsx';
import { StatusTag } from '../../shared/ui/status-tag.tsx';
import { WorkflowCard } from '../../shared/ui/workflow-card.tsx';
import { TimelineCard } from '../../shared/ui/workflow-event-timeline.tsx';
import { useWorkflowDefinition } from '../../shared/use-workflow-definition.ts';
import { AppealsCard } from './components/appeals-card.tsx';
import { CaseActions } from './components/case-actions.tsx';
import { CaseReviewButton, useMayReviewCases } from './components/case-review-modal.tsx';
import { MeasuresCard } from './components/measures-card.tsx';
import { RecordsCard } from './components/records-card.tsx';
import { useSanctionColumns } from './components/sanctions-table.tsx';
import { caseKeys, useCase } from './cases.api.ts';

/** Everything about one case on one page: header, actions, the matter, sign-offs and records, measures, sanctions, appeals, documents, deadlines, history. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useCase(id);
  return (
    <RecordPage
      query={query}
      title={t('cases.detail')}
      notFound={{ title: t('cases.notFound'), hint: t('cases.notFoundHint'), testId: 'case-not-found', backTo: '/cases', backLabel: t('cases.backToList') }}
    >
      {(found) => <CaseView found={found} />}
    </RecordPage>
  );
}

function CaseView({ found }: { found: CaseDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const definition = useWorkflowDefinition('case', can('workflows.read'));
  const mayReview = useMayReviewCases();

  return (
    <PageContainer
      title={`${found.caseNumber} · ${found.title}`}
      description={<BackLink to="/cases" label={t('cases.backToList')} />}
      extra={
        <>
          <CaseActions found={found} definition={definition.data} />
          {mayReview ? <CaseReviewButton found={found} /> : null}
        </>
      }
    >
      <Flex vertical gap={16}>
        <HeaderCard found={found} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <CaseInfoCard found={found} />
              <RecordsCard found={found} />
              <MeasuresCard found={found} />
              <SanctionsCard found={found} />
              <AppealsCard found={found} />
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <DeadlinesCard kind="case" record={found} definition={definition.data} reload={[caseKeys.detail(found.id), caseKeys.lists]} />
              <DocumentsCard
                subjectType="case"
                subjectId={found.id}
                kinds={[
                  { kind: 'filing_decision', label: t('documents.issueFilingDecision') },
                  { kind: 'sanction_decision', label: t('documents.issueSanctionDecision'), blockedBy: found.sanctions.length ? undefined : t('documents.needsSanctions') },
                ]}
                testId="case-documents"
              />
              <AttachmentsCard kind="case" attachments={found.attachments} />
              <TimelineCard workflow="case" events={found.events} title={t('cases.section.timeline')} testId="case-timeline" />
            </Flex>
          </Col>
        </Row>
        <WorkflowCard definition={definition} current={found.status} title={t('cases.section.workflow')} testId="case-workflow" />
      </Flex>
    </PageContainer>
  );
}

/** Case number, status, deadline, filed and decided, the investigating body. */
function HeaderCard({ found }: { found: CaseDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="case-header">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          {
            key: 'number',
            label: t('cases.caseNumber'),
            children: (
              <Typography.Text strong copyable data-testid="case-number">
                {found.caseNumber}
              </Typography.Text>
            ),
          },
          { key: 'status', label: t('field.status'), children: <StatusTag workflow="case" status={found.status} testId="case-status" /> },
          {
            key: 'due',
            label: t('cases.dueAt'),
            children: (
              <Flex gap={4} align="center" wrap>
                <span>{formatDateTime(found.dueAt)}</span>
                <DeadlineStateTag state={found.deadlineState} testId="case-deadline-state" />
              </Flex>
            ),
          },
          { key: 'body', label: t('cases.investigatingBody'), children: found.organizationName },
          { key: 'filed', label: t('cases.filedAt'), children: formatDateTime(found.filedAt) },
          { key: 'decided', label: t('cases.decidedAt'), children: formatDateTime(found.decidedAt) },
        ]}
      />
    </Card>
  );
}

/** The matter and the person: title, allegations, person (with their file where allowed, party membership and category), and the clue it came from. */
function CaseInfoCard({ found }: { found: CaseDetail }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  return (
    <Card size="small" title={t('cases.section.info')} data-testid="case-info">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'clue',
            label: t('cases.clue'),
            children: found.clueId ? (
              <Link to={`/clues/${found.clueId}`} data-testid="case-clue-link">
                {found.clueSerialNumber ?? t('cases.viewClue')}
              </Link>
            ) : (
              '—'
            ),
          },
          {
            key: 'person',
            label: t('cases.concerned'),
            children:
              can('clues.persons') && found.personId ? (
                <Link to={`/clue-persons/${found.personId}`} data-testid="case-person-link">
                  {found.concernedName}
                </Link>
              ) : (
                found.concernedName
              ),
          },
          { key: 'post', label: t('clues.concernedPost'), children: found.concernedPost ?? '—' },
          { key: 'unit', label: t('clues.concernedUnit'), children: found.concernedUnit ?? '—' },
          { key: 'rank', label: t('clues.objectLevel'), children: found.objectLevel ? enumLabel(objectLevelLabels, found.objectLevel, locale) : '—' },
          // What decides the sanctions they may receive (party discipline for members; a village cadre's limits).
          {
            key: 'party',
            label: t('cases.isPartyMember'),
            children: <span data-testid="case-party-member">{found.isPartyMember ? t('common.yes') : t('common.no')}</span>,
          },
          {
            key: 'category',
            label: t('cases.supervisedCategory'),
            children: <span data-testid="case-supervised-category">{found.supervisedCategory ? enumLabel(supervisedCategoryLabels, found.supervisedCategory, locale) : '—'}</span>,
          },
          { key: 'title', label: t('cases.title'), span: 'filled', children: <Typography.Text strong>{found.title}</Typography.Text> },
          {
            key: 'allegations',
            label: t('cases.allegations'),
            span: 'filled',
            children: (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 8, expandable: true, symbol: t('action.more') }}>
                {found.allegations}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** What was decided, for whom, from when and until when, and whether it is in effect. */
function SanctionsCard({ found }: { found: CaseDetail }) {
  const { t } = useI18n();
  const columns = useSanctionColumns({ withCase: false });
  if (found.sanctions.length === 0) return null;
  return (
    <Card size="small" title={t('cases.section.sanctions')} data-testid="case-sanctions">
      <SimpleTable rows={found.sanctions} columns={[{ title: t('sanctions.person'), dataIndex: 'concernedName', width: 100 }, ...columns]} scrollX={900} emptyText="" />
    </Card>
  );
}
