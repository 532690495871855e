import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, List, Radio, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  appealKindLabels,
  appealKinds,
  appealOutcomeLabels,
  appealOutcomes,
  caseAppealWorkflow,
  type AppealKind,
  type AppealOutcome,
  type CaseAppeal,
  type CaseDetail,
} from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { chinaNow, formatDateTime } from '../../../shared/format.ts';
import { maxLength, required, textRules } from '../../../shared/form-rules.ts';
import { enumLabel, enumOptions, workflowStateLabel } from '../../../shared/labels.ts';
import { useSession } from '../../../shared/session.tsx';
import { DeadlineStateTag } from '../../../shared/ui/deadline-state-tag.tsx';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { StatusTag } from '../../../shared/ui/status-tag.tsx';
import { actionSpecOf, type ActionSpec } from '../../../shared/workflow-actions.ts';
import { useOfficerOptions } from '../../users/officer-options.ts';
import { useApplyCaseAppealAction, useFileCaseAppeal } from '../cases.api.ts';
import { useCaseErrorHandler } from './use-case-error.ts';

// An appeal is possible once the decision exists; its execution is not suspended meanwhile (监察法 art.56).
const appealableStatuses = new Set(['decided', 'executing', 'executed']);

interface FileValues {
  kind: AppealKind;
  appellant: string;
  grounds: string;
  filedOn: Dayjs;
}

/**
 * Appeals against the decision (党纪申诉, 复审, 复核): each with its status, deadline, review team and outcome, and the
 * actions the server allows on it (accept with a review team, reject, decide). Officers register new appeals once
 * the case is decided.
 */
export function AppealsCard({ found }: { found: CaseDetail }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const [filing, setFiling] = useState(false);
  const [acting, setActing] = useState<{ appeal: CaseAppeal; action: ActionSpec } | null>(null);
  const mayFile = appealableStatuses.has(found.status) && (hasRole('case_management_officer') || hasRole('handling_officer') || hasRole('leader'));
  if (found.appeals.length === 0 && !mayFile) return null;

  return (
    <Card
      size="small"
      title={t('cases.section.appeals')}
      data-testid="case-appeals"
      extra={
        mayFile ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="case-file-appeal">
            {t('cases.fileAppeal')}
          </Button>
        ) : null
      }
    >
      {found.appeals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.noAppeals')} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={found.appeals}
          renderItem={(appeal) => <AppealItem appeal={appeal} onAction={(action) => setActing({ appeal, action })} />}
        />
      )}
      <FileAppealModal found={found} open={filing} onClose={() => setFiling(false)} />
      <AppealActionModal found={found} acting={acting} onClose={() => setActing(null)} />
    </Card>
  );
}

function AppealItem({ appeal, onAction }: { appeal: CaseAppeal; onAction: (action: ActionSpec) => void }) {
  const { t, lt, locale } = useI18n();
  return (
    <List.Item
      data-testid={`case-appeal-${appeal.id}`}
      actions={appeal.allowedActions.map((key) => {
        const action = actionSpecOf(undefined, caseAppealWorkflow, key);
        return (
          <Button key={key} size="small" type={key === 'reject' ? 'default' : 'primary'} danger={key === 'reject'} onClick={() => onAction(action)} data-testid={`appeal-action-${key}`}>
            {lt(action.label)}
          </Button>
        );
      })}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        title={
          <Flex gap={8} align="center" wrap>
            <span>{enumLabel(appealKindLabels, appeal.kind, locale)}</span>
            <StatusTag workflow="caseAppeal" status={appeal.status} testId="appeal-status" />
            <DeadlineStateTag state={appeal.deadlineState} />
          </Flex>
        }
        items={[
          { key: 'appellant', label: t('cases.appellant'), children: appeal.appellant },
          { key: 'filed', label: t('cases.appealFiledOn'), children: appeal.filedOn },
          { key: 'due', label: t('cases.dueAt'), children: formatDateTime(appeal.dueAt) },
          { key: 'reviewers', label: t('cases.reviewers'), children: appeal.reviewerNames.length ? appeal.reviewerNames.join('、') : '—' },
          { key: 'grounds', label: t('cases.appealGrounds'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{appeal.grounds}</span> },
          ...(appeal.outcome
            ? [
                { key: 'outcome', label: t('cases.appealOutcome'), children: enumLabel(appealOutcomeLabels, appeal.outcome, locale) },
                { key: 'decidedAt', label: t('cases.appealDecidedAt'), children: formatDateTime(appeal.decidedAt) },
                { key: 'decision', label: t('cases.appealDecision'), span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{appeal.decision}</span> },
              ]
            : []),
        ]}
      />
    </List.Item>
  );
}

function FileAppealModal({ found, open, onClose }: { found: CaseDetail; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FileValues>();
  const file = useFileCaseAppeal(found.id);
  const onError = useCaseErrorHandler(found.id);

  const onFinish = async (values: FileValues) => {
    try {
      await file.mutateAsync({ kind: values.kind, appellant: values.appellant.trim(), grounds: values.grounds.trim(), filedOn: values.filedOn.format('YYYY-MM-DD') });
      void message.success(t('cases.appealFiled'));
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  return (
    <FormModal<FileValues>
      open={open}
      title={t('cases.fileAppeal')}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={file.isPending}
      okText={t('cases.fileAppeal')}
      width={620}
      initialValues={{ kind: 'party_appeal', appellant: found.concernedName, filedOn: chinaNow() }}
      testId="case-appeal-modal"
    >
      <Alert type="info" showIcon title={t('cases.appealExecutionContinues')} style={{ marginBottom: 16 }} />
      <Form.Item name="kind" label={t('cases.appealKind')} rules={[{ required: true }]}>
        <Select options={enumOptions(appealKinds, appealKindLabels, locale)} autoFocus />
      </Form.Item>
      <Form.Item name="appellant" label={t('cases.appellant')} rules={textRules(t, t('cases.appellant'), 60)} extra={t('cases.appellantHint')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="filedOn" label={t('cases.appealFiledOn')} rules={[{ required: true, message: t('validation.required', { field: t('cases.appealFiledOn') }) }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(chinaNow(), 'day')} />
      </Form.Item>
      <Form.Item name="grounds" label={t('cases.appealGrounds')} rules={textRules(t, t('cases.appealGrounds'), 10_000, 5)}>
        <Input.TextArea rows={5} maxLength={10_000} showCount />
      </Form.Item>
    </FormModal>
  );
}

interface AppealActionValues {
  reviewerIds?: string[];
  outcome?: AppealOutcome;
  decision?: string;
  note?: string;
}

/**
 * One appeal action: accepting names the review team (officers who investigated or heard the case are excluded, and
 * the server checks again), rejecting says why, deciding gives the outcome and the review decision.
 */
const noneChosen: string[] = [];

function AppealActionModal({ found, acting, onClose }: { found: CaseDetail; acting: { appeal: CaseAppeal; action: ActionSpec } | null; onClose: () => void }) {
  const { t, lt, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AppealActionValues>();
  const apply = useApplyCaseAppealAction(found.id);
  const onError = useCaseErrorHandler(found.id);
  const key = acting?.action.key ?? '';
  // Those who took part in the investigation or the hearing (the case's workflow events) may not review it.
  const involved = useMemo(() => new Set(found.events.flatMap((event) => (event.actorId ? [event.actorId] : []))), [found.events]);
  const chosen = Form.useWatch('reviewerIds', form);
  const officers = useOfficerOptions({ excluded: involved, excludedNote: t('cases.reviewerInvolved'), selected: chosen ?? noneChosen });

  const onFinish = async (values: AppealActionValues) => {
    if (!acting) return;
    const note = values.note?.trim();
    try {
      await apply.mutateAsync({
        appealId: acting.appeal.id,
        body: {
          action: key,
          expectedStatus: acting.appeal.status,
          ...(note ? { note } : {}),
          ...(key === 'accept' ? { reviewerIds: values.reviewerIds } : {}),
          ...(key === 'decide' ? { outcome: values.outcome, decision: values.decision?.trim() } : {}),
        },
      });
      void message.success(t('cases.actionDone', { action: lt(acting.action.label) }));
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  return (
    <FormModal<AppealActionValues>
      open={acting !== null}
      title={acting ? lt(acting.action.label) : ''}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={apply.isPending}
      okText={acting ? lt(acting.action.label) : undefined}
      width={620}
      testId="appeal-action-modal"
    >
      {acting ? (
        <Typography.Paragraph type="secondary">
          {t('cases.actionTransition', { from: workflowStateLabel('caseAppeal', acting.appeal.status, locale), to: workflowStateLabel('caseAppeal', acting.action.to, locale) })}
        </Typography.Paragraph>
      ) : null}
      {key === 'accept' ? (
        officers.available ? (
          <Form.Item
            name="reviewerIds"
            label={t('cases.reviewers')}
            extra={t('cases.reviewersHint')}
            rules={[{ required: true, type: 'array', min: 1, max: 7, message: t('cases.reviewersRequired') }]}
          >
            <Select mode="multiple" options={officers.options} loading={officers.loading} showSearch={officers.search} autoFocus data-testid="appeal-reviewers" />
          </Form.Item>
        ) : (
          <Alert type="warning" showIcon title={t('cases.reviewersUnavailable')} style={{ marginBottom: 16 }} />
        )
      ) : null}
      {key === 'decide' ? (
        <>
          <Form.Item name="outcome" label={t('cases.appealOutcome')} rules={[{ required: true, message: t('cases.appealOutcomeRequired') }]}>
            <Radio.Group options={enumOptions(appealOutcomes, appealOutcomeLabels, locale)} />
          </Form.Item>
          <Form.Item name="decision" label={t('cases.appealDecision')} rules={textRules(t, t('cases.appealDecision'), 10_000)} extra={t('cases.appealRevokeHint')}>
            <Input.TextArea rows={6} maxLength={10_000} showCount autoFocus />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        name="note"
        label={acting?.action.requiresNote ? t('cases.note.rejectReason') : t('cases.noteOptional')}
        rules={[...(acting?.action.requiresNote ? [required(t, t('cases.note.rejectReason'))] : []), maxLength(t, 2000)]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount autoFocus={key === 'reject'} />
      </Form.Item>
    </FormModal>
  );
}
