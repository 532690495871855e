import { useMemo, useState } from 'react';
import { Alert, Col, DatePicker, Divider, Flex, Form, Input, Radio, Row, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  actionOfInquiryOutcome,
  actionOfVerificationRecommendation,
  approvalStepLabels,
  clueWorkflow,
  disposalTypeLabels,
  disposalTypes,
  inquiryOutcomeLabels,
  inquiryOutcomes,
  verificationRecommendationLabels,
  verificationRecommendations,
  type ApprovalStep,
  type ClueAction,
  type ClueDetail,
  type DisposalType,
  type InquiryOutcome,
  type VerificationPlan,
  type VerificationRecommendation,
  type WorkflowDefinitionJson,
} from '@guantong/contracts';
import { useI18n, type MessageKey } from '../../../shared/i18n.tsx';
import { maxLength, required, textRules } from '../../../shared/form-rules.ts';
import { chinaNow } from '../../../shared/format.ts';
import { enumLabel } from '../../../shared/labels.ts';
import { WorkflowActionBar, WorkflowActionModal } from '../../../shared/ui/workflow-action-modal.tsx';
import { actionRequest, type ActionSpec } from '../../../shared/workflow-actions.ts';
import { useApplyClueAction, useClueApprovalRules, useClueHandlingBodies, useClueTransferTargets, type ClueActionRequest, type ClueApprovalRule } from '../clues.api.ts';
import { useClueErrorHandler } from './use-clue-error.ts';

// Actions that end the clue in this ledger for good, or hand it away: red, and asked twice.
const destructiveActions = new Set<string>(['returnTransfer', 'forwardOut']);
// Landing in one of these states closes the handling here or sends it on: asked twice too.
const confirmStates = new Set<string>(['concluded', 'closed', 'forwarded', 'returned', 'case_filing', 'transferred']);
// The usual next step where it is offered.
const primaryActions = new Set<string>(['register', 'acknowledge', 'assign', 'propose', 'receiveReply', 'submitInquiryReport', 'submitVerificationReport', 'feedBack']);

// Steps whose written record the server requires (the text of the talk, letter, reply, report or decision).
const recordLabels: Partial<Record<ClueAction, MessageKey>> = {
  recordTalk: 'clues.record.recordTalk',
  sendLetter: 'clues.record.sendLetter',
  receiveReply: 'clues.record.receiveReply',
  submitInquiryReport: 'clues.record.submitInquiryReport',
  submitVerificationReport: 'clues.record.submitVerificationReport',
  acceptAndClose: 'clues.record.decision',
  closeWithLightHandling: 'clues.record.decision',
  inquireAgain: 'clues.record.decision',
  moveToVerification: 'clues.record.decision',
  approveCaseFilingAfterVerification: 'clues.record.decision',
  closeAfterVerification: 'clues.record.decision',
  closeWithReminderTalk: 'clues.record.decision',
  shelveAfterVerification: 'clues.record.decision',
  transferToPartyOrganisation: 'clues.record.decision',
  feedBack: 'clues.record.feedBack',
};

const outcomeOfAction = new Map<string, InquiryOutcome>(inquiryOutcomes.map((outcome) => [actionOfInquiryOutcome[outcome], outcome]));
const recommendationOfAction = new Map<string, VerificationRecommendation>(
  verificationRecommendations.map((recommendation) => [actionOfVerificationRecommendation[recommendation], recommendation]),
);

/** What the latest preliminary-verification report recommended: the decision a leader most likely takes. */
function latestRecommendation(clue: ClueDetail): VerificationRecommendation | null {
  const report = [...clue.records].reverse().find((record) => record.action === 'submitVerificationReport' && record.recommendation);
  return report?.recommendation ?? null;
}

/**
 * One button per action the server allows on this clue now (`allowedActions`), nothing else. Each opens a dialog
 * asking for exactly what that action needs; closing and hand-over actions are confirmed once more.
 * Approving a disposal is not here: it is signed step by step in the approval card.
 */
export function ClueActions({ clue, definition }: { clue: ClueDetail; definition: WorkflowDefinitionJson | undefined }) {
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const recommendation = latestRecommendation(clue);
  const suggested = recommendation ? actionOfVerificationRecommendation[recommendation] : null;

  if (clue.partnerView) return null;
  return (
    <WorkflowActionBar
      actions={clue.allowedActions}
      workflow={clueWorkflow}
      definition={definition}
      isPrimary={(key) => key === suggested || (!suggested && primaryActions.has(key))}
      isDanger={(key) => destructiveActions.has(key)}
      onAction={setOpen}
      testIdPrefix="clue"
      extra={<ActionModal clue={clue} action={open} onClose={() => setOpen(null)} />}
    />
  );
}

interface ActionValues {
  note?: string;
  record?: string;
  handlingOrganizationId?: string;
  targetOrganizationId?: string;
  transferMode?: 'transfer' | 'assign_with_report';
  disposalType?: DisposalType;
  recommendation?: VerificationRecommendation;
  verificationPlan?: PlanValues;
}

/** The work plan of a preliminary verification (初核工作方案) as the dialog holds it. */
interface PlanValues {
  plan?: string;
  teamLeader?: string;
  teamMembers?: string[];
  plannedEndOn?: Dayjs | null;
}

/** A preliminary verification goes up (or starts) with its work plan: proposing one, and deciding on one after an inquiry. */
function needsVerificationPlan(key: string, disposal: DisposalType | undefined): boolean {
  return key === 'moveToVerification' || (key === 'propose' && disposal === 'preliminary_verification');
}

function planValuesOf(plan: VerificationPlan | null | undefined): PlanValues | undefined {
  if (!plan) return undefined;
  return { plan: plan.plan, teamLeader: plan.teamLeader, teamMembers: plan.teamMembers, plannedEndOn: plan.plannedEndOn ? dayjs(plan.plannedEndOn) : null };
}

function planOf(values: PlanValues | undefined): VerificationPlan {
  return {
    plan: values?.plan?.trim() ?? '',
    teamLeader: values?.teamLeader?.trim() ?? '',
    teamMembers: (values?.teamMembers ?? []).map((member) => member.trim()).filter(Boolean),
    plannedEndOn: values?.plannedEndOn ? values.plannedEndOn.format('YYYY-MM-DD') : null,
  };
}

/** After 退回重拟 the earlier proposal (with its work plan) is the starting point. */
function initialValuesOf(clue: ClueDetail, action: ActionSpec | null): Partial<ActionValues> {
  if (action?.key === 'propose' && clue.proposal) {
    return { disposalType: clue.proposal.disposalType, note: clue.proposal.reason, verificationPlan: planValuesOf(clue.proposal.verificationPlan) };
  }
  if (action?.key === 'transferOut') return { transferMode: 'transfer' };
  return {};
}

/** The approval chain a proposal would get, as the server builds it (rule by cadre level, then the two additions). */
function expectedChain(clue: ClueDetail, rules: ClueApprovalRule[] | undefined, disposal: DisposalType | undefined): ApprovalStep[] | null {
  if (!rules || !disposal) return null;
  const rule = rules.find((candidate) => candidate.cadreManagementLevel === (clue.cadreManagementLevel ?? 'default'));
  if (!rule) return null;
  let steps = [...rule.steps];
  if ((disposal === 'case_filing' || clue.lowerCommitteePrincipal) && !steps.includes('principal_leader')) steps.push('principal_leader');
  if (clue.organizationId === clue.ledgerOrganizationId) steps = steps.filter((step) => step !== 'office_head');
  return steps;
}

/** The dialog of one action: exactly the fields it needs, the status change, and a second confirmation where it closes or hands over. */
function ActionModal({ clue, action, onClose }: { clue: ClueDetail; action: ActionSpec | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const apply = useApplyClueAction(clue.id);
  const onError = useClueErrorHandler(clue.id);
  const key = action?.key ?? '';
  const needsHandlingBody = key === 'assign';
  const needsTarget = key === 'transferOut' || key === 'forwardOut';
  const isPropose = key === 'propose';
  const recordLabel = recordLabels[key as ClueAction];
  const needsRecommendation = key === 'submitVerificationReport';
  const handlingBodies = useClueHandlingBodies(needsHandlingBody);
  const targets = useClueTransferTargets(needsTarget);
  // The chains of the clue's own ledger (set there, inherited, or built in).
  const rules = useClueApprovalRules(isPropose ? clue.ledgerOrganizationId : undefined);
  const disposal = Form.useWatch('disposalType', form);
  const chain = useMemo(() => (isPropose ? expectedChain(clue, rules.data, disposal) : null), [clue, isPropose, rules.data, disposal]);
  const needsPlan = needsVerificationPlan(key, disposal);

  const destructive = destructiveActions.has(key);
  const confirm = destructive || (action !== null && confirmStates.has(action.to));
  const outcome = outcomeOfAction.get(key);
  const recommendation = recommendationOfAction.get(key);
  // Only propose and the requiresNote actions must say why; elsewhere a note is optional, and recorded steps carry their text in the record.
  const noteRequired = isPropose || Boolean(action?.requiresNote);
  const showNote = noteRequired || !recordLabel;

  const send = (values: ActionValues, spec: ActionSpec) => {
    const body: ClueActionRequest = {
      ...actionRequest(spec, clue.status, values, Boolean(recordLabel)),
      ...(needsHandlingBody ? { handlingOrganizationId: values.handlingOrganizationId } : {}),
      ...(needsTarget ? { targetOrganizationId: values.targetOrganizationId } : {}),
      ...(key === 'transferOut' ? { transferMode: values.transferMode ?? 'transfer' } : {}),
      ...(isPropose ? { disposalType: values.disposalType } : {}),
      ...(needsRecommendation ? { recommendation: values.recommendation } : {}),
      ...(needsVerificationPlan(spec.key, values.disposalType) ? { verificationPlan: planOf(values.verificationPlan) } : {}),
    };
    return apply.mutateAsync(body);
  };

  return (
    <WorkflowActionModal<ActionValues>
      kind="clue"
      status={clue.status}
      action={action}
      onClose={onClose}
      form={form}
      apply={send}
      submitting={apply.isPending}
      onError={onError}
      destructive={destructive}
      confirm={confirm}
      width={recordLabel || isPropose ? 720 : 520}
      initialValues={initialValuesOf(clue, action)}
    >
      {outcome ? (
        <Alert type="info" showIcon title={t('clues.outcomeIs', { outcome: enumLabel(inquiryOutcomeLabels, outcome, locale) })} style={{ marginBottom: 16 }} />
      ) : null}
      {recommendation ? (
        <Alert
          type="info"
          showIcon
          title={t('clues.recommendationIs', { recommendation: enumLabel(verificationRecommendationLabels, recommendation, locale) })}
          style={{ marginBottom: 16 }}
        />
      ) : null}

      {needsHandlingBody ? (
        <Form.Item name="handlingOrganizationId" label={t('clues.handlingBody')} rules={[{ required: true, message: t('clues.handlingBodyRequired') }]} extra={t('clues.handlingBodyHint')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={handlingBodies.isLoading}
            options={(handlingBodies.data ?? []).map((body) => ({ value: body.id, label: body.name }))}
            placeholder={t('clues.pickHandlingBody')}
            autoFocus
            data-testid="clue-action-handling-body"
          />
        </Form.Item>
      ) : null}

      {needsTarget ? (
        <>
          <Form.Item name="targetOrganizationId" label={t('clues.receivingBody')} rules={[{ required: true, message: t('clues.receivingBodyRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={targets.isLoading}
              options={(targets.data ?? []).map((body) => ({ value: body.id, label: body.name }))}
              placeholder={t('clues.pickReceivingBody')}
              autoFocus
              data-testid="clue-action-target"
            />
          </Form.Item>
          {key === 'transferOut' ? (
            <Form.Item name="transferMode" label={t('clues.transferMode')} rules={[{ required: true }]}>
              <Radio.Group
                options={(['transfer', 'assign_with_report'] as const).map((mode) => ({
                  value: mode,
                  label: <span data-testid={`clue-transfer-mode-${mode}`}>{t(`clues.transferMode.${mode}`)}</span>,
                }))}
              />
            </Form.Item>
          ) : (
            <Typography.Paragraph type="secondary">{t('clues.forwardHint')}</Typography.Paragraph>
          )}
        </>
      ) : null}

      {isPropose ? (
        <>
          <Form.Item name="disposalType" label={t('clues.disposalType')} rules={[{ required: true, message: t('clues.disposalTypeRequired') }]}>
            <Radio.Group
              options={disposalTypes.map((value) => ({
                value,
                label: <span data-testid={`clue-disposal-${value}`}>{enumLabel(disposalTypeLabels, value, locale)}</span>,
              }))}
              style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', rowGap: 8 }}
            />
          </Form.Item>
          {chain ? (
            <Form.Item label={t('clues.expectedChain')} extra={t('clues.expectedChainHint')}>
              <Flex gap={4} wrap data-testid="clue-expected-chain">
                {chain.map((step, index) => (
                  <Tag key={step} color="blue">
                    {index + 1}. {enumLabel(approvalStepLabels, step, locale)}
                  </Tag>
                ))}
              </Flex>
            </Form.Item>
          ) : null}
        </>
      ) : null}

      {needsRecommendation ? (
        <Form.Item name="recommendation" label={t('clues.recommendation')} rules={[{ required: true, message: t('clues.recommendationRequired') }]}>
          <Select options={verificationRecommendations.map((value) => ({ value, label: enumLabel(verificationRecommendationLabels, value, locale) }))} data-testid="clue-action-recommendation" />
        </Form.Item>
      ) : null}

      {needsPlan ? <VerificationPlanFields /> : null}

      {recordLabel ? (
        <Form.Item name="record" label={t(recordLabel)} rules={[required(t, t(recordLabel)), maxLength(t, 20_000)]}>
          <Input.TextArea rows={8} maxLength={20_000} showCount autoFocus={!needsRecommendation} data-testid="clue-action-record" />
        </Form.Item>
      ) : null}

      {showNote ? (
        <Form.Item
          name="note"
          label={isPropose ? t('clues.proposalReason') : noteRequired ? t('field.note') : t('clues.noteOptional')}
          rules={[...(noteRequired ? [required(t, isPropose ? t('clues.proposalReason') : t('field.note'))] : []), maxLength(t, 2000)]}
          extra={isPropose ? t('clues.proposalReasonHint') : undefined}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount autoFocus={!needsHandlingBody && !needsTarget && !isPropose} data-testid="clue-action-note" />
        </Form.Item>
      ) : null}
    </WorkflowActionModal>
  );
}

/** 初核工作方案: what will be verified and how, the team that does it, and when it expects to report. */
function VerificationPlanFields() {
  const { t } = useI18n();
  return (
    <div data-testid="clue-plan">
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('clues.plan.section')}
      </Divider>
      <Form.Item name={['verificationPlan', 'plan']} label={t('clues.plan.text')} rules={textRules(t, t('clues.plan.text'), 5000, 5)} extra={t('clues.plan.textHint')}>
        <Input.TextArea rows={5} maxLength={5000} showCount data-testid="clue-plan-text" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['verificationPlan', 'teamLeader']} label={t('clues.plan.teamLeader')} rules={textRules(t, t('clues.plan.teamLeader'), 40)}>
            <Input autoComplete="off" maxLength={40} data-testid="clue-plan-leader" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name={['verificationPlan', 'teamMembers']}
            label={t('clues.plan.teamMembers')}
            extra={t('clues.plan.teamMembersHint')}
            rules={[
              { type: 'array', max: 10, message: t('validation.maxItems', { max: 10 }) },
              {
                validator: (_rule, members: string[] | undefined) =>
                  (members ?? []).every((member) => member.trim().length <= 40) ? Promise.resolve() : Promise.reject(new Error(t('validation.maxLength', { max: 40 }))),
              },
            ]}
          >
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ';', '；']} maxCount={10} data-testid="clue-plan-members" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['verificationPlan', 'plannedEndOn']} label={t('clues.plan.plannedEndOn')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isBefore(chinaNow(), 'day')} data-testid="clue-plan-end" />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
