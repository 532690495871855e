import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { approvalActionOfDisposal, approvalStepLabels, clueWorkflow, disposalTypeLabels, type ApprovalStep, type ClueDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { enumLabel, workflowStateLabel } from '../../../shared/labels.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { useSignClueDisposal } from '../clues.api.ts';
import { useClueErrorHandler } from './use-clue-error.ts';
import { VerificationPlanDescriptions } from './verification-plan.tsx';

type Decision = 'approve' | 'return';
type StepRow = NonNullable<ClueDetail['approval']>['steps'][number];

/**
 * The disposal proposal (处置意见: type, reasons, who and when) and its approval chain, step by step: who signed,
 * when, with what opinion. Where the server says the reader signs the next step (`approval.canSign`), the two
 * buttons sign it: 签批同意 moves the chain on (the last signature carries the disposal out), 退回重拟 sends the
 * proposal back to the handling office.
 */
export function ApprovalCard({ clue }: { clue: ClueDetail }) {
  const { t, lt, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ opinion: string }>();
  const [decision, setDecision] = useState<Decision | null>(null);
  const sign = useSignClueDisposal(clue.id);
  const onError = useClueErrorHandler(clue.id);
  const { proposal, approval } = clue;
  if (!proposal) return null;

  const pending = clue.status === 'disposal_proposed';
  const nextStep = approval?.nextStep ?? null;
  const steps = approval?.steps ?? [];
  const isLast = nextStep !== null && steps.length > 0 && steps[steps.length - 1].step === nextStep;
  const finalAction = clueWorkflow.actions[approvalActionOfDisposal[proposal.disposalType]];
  // The last event says whether the latest proposal was sent back (the opinion is its note).
  const lastEvent = clue.events.length ? clue.events[clue.events.length - 1] : null;
  const returned = !pending && clue.status === 'with_handling_office' && lastEvent?.action === 'returnProposal' ? lastEvent : null;
  const stepName = (step: ApprovalStep) => enumLabel(approvalStepLabels, step, locale);
  // The plan going up the chain; once approved, the plan in force shows with the clue (the info card) instead.
  const proposedPlan = proposal.verificationPlan && (pending || !clue.verificationPlan) ? proposal.verificationPlan : null;

  const onFinish = async ({ opinion }: { opinion: string }) => {
    if (!decision) return;
    try {
      await sign.mutateAsync({ decision, opinion: opinion.trim(), expectedStatus: 'disposal_proposed' });
      void message.success(decision === 'approve' ? t('clues.signed') : t('clues.proposalReturned'));
      setDecision(null);
    } catch (error) {
      if (onError(error, form)) setDecision(null);
    }
  };

  return (
    <Card
      size="small"
      title={pending ? t('clues.section.approvalPending') : t('clues.section.approval')}
      data-testid="clue-approval"
      extra={
        approval?.canSign && pending ? (
          <Flex gap={8}>
            <Button danger icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid="clue-sign-return">
              {t('clues.signReturn')}
            </Button>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('approve')} data-testid="clue-sign-approve">
              {t('clues.signApprove')}
            </Button>
          </Flex>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {pending && nextStep ? (
          <Alert
            type={approval?.canSign ? 'warning' : 'info'}
            showIcon
            title={approval?.canSign ? t('clues.yourStep', { step: stepName(nextStep) }) : t('clues.waitingFor', { step: stepName(nextStep) })}
            data-testid="clue-next-step"
          />
        ) : null}
        {returned ? (
          <Alert type="warning" showIcon title={t('clues.proposalWasReturned')} description={returned.note ?? undefined} data-testid="clue-proposal-returned" />
        ) : null}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'disposal',
              label: t('clues.proposedDisposal'),
              children: (
                <Tag color="gold" data-testid="clue-proposal-disposal">
                  {enumLabel(disposalTypeLabels, proposal.disposalType, locale)}
                </Tag>
              ),
            },
            { key: 'by', label: t('clues.proposedBy'), children: `${proposal.proposedBy} · ${formatDateTime(proposal.proposedAt)}` },
            { key: 'reason', label: t('clues.proposalReason'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{proposal.reason}</span> },
          ]}
        />
        {proposedPlan ? (
          <VerificationPlanDescriptions plan={proposedPlan} title={<Typography.Text strong>{t('clues.plan.proposed')}</Typography.Text>} testId="clue-proposal-plan" />
        ) : null}
        {steps.length ? (
          <Table<StepRow>
            rowKey="step"
            size="small"
            pagination={false}
            dataSource={steps}
            scroll={{ x: 640 }}
            data-testid="clue-approval-steps"
            columns={[
              {
                title: t('clues.approvalStep'),
                dataIndex: 'step',
                width: 170,
                render: (step: ApprovalStep, row, index) => (
                  <Flex vertical gap={2} align="flex-start">
                    <span>
                      {index + 1}. {stepName(step)}
                    </span>
                    {row.signedAt ? (
                      <Tag color="success">{t('clues.stepSigned')}</Tag>
                    ) : step === nextStep ? (
                      <Tag color="processing">{t('clues.stepPending')}</Tag>
                    ) : (
                      <Tag>{t('clues.stepNotYet')}</Tag>
                    )}
                  </Flex>
                ),
              },
              { title: t('clues.signer'), dataIndex: 'signedBy', width: 110, render: (name: string | null) => name ?? '—' },
              { title: t('clues.signedAt'), dataIndex: 'signedAt', width: 140, render: (at: string | null) => formatDateTime(at) },
              {
                title: t('clues.opinion'),
                dataIndex: 'opinion',
                render: (opinion: string | null) => (opinion ? <span style={{ whiteSpace: 'pre-wrap' }}>{opinion}</span> : '—'),
              },
            ]}
          />
        ) : null}
      </Flex>

      <FormModal<{ opinion: string }>
        open={decision !== null}
        title={decision === 'return' ? t('clues.signReturnTitle') : t('clues.signApproveTitle', { step: nextStep ? stepName(nextStep) : '' })}
        form={form}
        onCancel={() => setDecision(null)}
        onFinish={onFinish}
        submitting={sign.isPending}
        okText={decision === 'return' ? t('clues.signReturn') : t('clues.signApprove')}
        testId="clue-sign-modal"
      >
        <Typography.Paragraph type="secondary">
          {t('clues.proposedDisposalIs', { disposal: enumLabel(disposalTypeLabels, proposal.disposalType, locale) })}
        </Typography.Paragraph>
        {decision === 'return' ? (
          <Alert type="warning" showIcon title={t('clues.signReturnHint')} style={{ marginBottom: 16 }} />
        ) : isLast ? (
          <Alert
            type="warning"
            showIcon
            title={t('clues.signLastHint', { action: lt(finalAction.label), state: workflowStateLabel('clue', finalAction.to, locale) })}
            style={{ marginBottom: 16 }}
            data-testid="clue-sign-last"
          />
        ) : (
          <Alert type="info" showIcon title={t('clues.signNextHint')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="opinion" label={t('clues.opinion')} rules={[required(t, t('clues.opinion')), maxLength(t, 2000)]}>
          <Input.TextArea rows={4} maxLength={2000} showCount autoFocus data-testid="clue-sign-opinion" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
