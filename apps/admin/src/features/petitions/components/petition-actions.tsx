import { useState, type ReactNode } from 'react';
import { Alert, App, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import {
  approvalActionOfMode,
  handlingModeLabels,
  handlingModes,
  petitionWorkflow,
  transferModes,
  type HandlingMode,
  type PetitionDetail,
  type PetitionStatus,
  type WorkflowDefinitionJson,
} from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { enumLabel, petitionStatusLabel } from '../../../shared/labels.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { WorkflowActionBar } from '../../../shared/ui/workflow-action-modal.tsx';
import type { ActionSpec } from '../../../shared/workflow-actions.ts';
import { useAnswerPetition, useAnswerTemplates, useApplyPetitionAction, useProposeHandling, useTransferTargets } from '../petitions.api.ts';
import { usePetitionErrorHandler } from './use-petition-error.ts';

// Ending a record this way cannot be undone from the console: ask twice.
const destructiveActions = new Set(['returnToSender', 'approveNotAccepted', 'archive']);

/**
 * One button per action the server allows on this record now (`allowedActions`), nothing else.
 * Proposing and answering have their own forms; merging happens from the similar-reports panel;
 * every other action asks for a note (required where the definition says so) and is confirmed.
 */
export function PetitionActions({ petition, definition, onMerge }: { petition: PetitionDetail; definition: WorkflowDefinitionJson | undefined; onMerge: () => void }) {
  const [open, setOpen] = useState<ActionSpec | null>(null);
  // The approval that carries out the proposed mode is the one a leader most likely wants.
  const suggested = petition.proposal ? approvalActionOfMode[petition.proposal.mode] : null;

  return (
    <WorkflowActionBar
      actions={petition.allowedActions}
      workflow={petitionWorkflow}
      definition={definition}
      isPrimary={(key) => key === suggested || key === 'register' || key === 'acknowledge'}
      isDanger={(key) => destructiveActions.has(key)}
      onAction={(spec) => (spec.key === 'merge' ? onMerge() : setOpen(spec))}
      testIdPrefix="petition"
      extra={
        <>
          <ProposeModal petition={petition} open={open?.key === 'propose'} onClose={() => setOpen(null)} />
          <AnswerModal petition={petition} open={open?.key === 'answer'} onClose={() => setOpen(null)} />
          <ActionModal petition={petition} action={open && open.key !== 'propose' && open.key !== 'answer' ? open : null} onClose={() => setOpen(null)} />
        </>
      }
    />
  );
}

/** A plain workflow action: from → to, a note (required where the definition says so), a warning for irreversible ones. */
function ActionModal({ petition, action, onClose }: { petition: PetitionDetail; action: ActionSpec | null; onClose: () => void }) {
  const { t, lt, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const apply = useApplyPetitionAction(petition.id);
  const onError = usePetitionErrorHandler(petition.id);
  const destructive = action ? destructiveActions.has(action.key) : false;
  const toLabel = action && Object.hasOwn(petitionWorkflow.states, action.to) ? petitionStatusLabel(action.to as PetitionStatus, locale) : action?.to;

  const onFinish = async ({ note }: { note?: string }) => {
    if (!action) return;
    try {
      await apply.mutateAsync({ action: action.key, expectedStatus: petition.status, ...(note?.trim() ? { note: note.trim() } : {}) });
      void message.success(t('petitions.actionDone', { action: lt(action.label) }));
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  return (
    <FormModal<{ note?: string }>
      open={action !== null}
      title={action ? t('petitions.actionConfirmTitle', { action: lt(action.label) }) : ''}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={apply.isPending}
      okText={action ? lt(action.label) : undefined}
      testId="action-modal"
    >
      {action ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('petitions.actionTransition', { from: petitionStatusLabel(petition.status, locale), to: toLabel ?? '—' })}
          </Typography.Paragraph>
          {destructive ? <Alert type="warning" showIcon title={t('petitions.destructiveWarning')} style={{ marginBottom: 16 }} /> : null}
          <Form.Item
            name="note"
            label={action.requiresNote ? t('field.note') : t('petitions.noteOptional')}
            rules={[...(action.requiresNote ? [required(t, t('field.note'))] : []), maxLength(t, 2000)]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount autoFocus data-testid="action-modal-note" />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}

interface ProposeValues {
  mode: HandlingMode;
  targets?: string[];
  target?: string;
  opinion: string;
}

/** After 退回重拟 the earlier proposal is the starting point. */
function proposalValues(petition: PetitionDetail): Partial<ProposeValues> {
  const { proposal } = petition;
  if (!proposal) return { mode: 'direct' };
  return {
    mode: proposal.mode,
    targets: proposal.mode === 'joint' ? proposal.targetOrganizationIds : undefined,
    target: proposal.mode !== 'joint' ? proposal.targetOrganizationIds[0] : undefined,
    opinion: proposal.opinion,
  };
}

/** 拟办: the handling mode, the receiving body or bodies where the mode hands the item on, and the officer's opinion. */
function ProposeModal({ petition, open, onClose }: { petition: PetitionDetail; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposeValues>();
  const mode = Form.useWatch('mode', form);
  const targets = useTransferTargets(open);
  const propose = useProposeHandling(petition.id);
  const onError = usePetitionErrorHandler(petition.id);
  const transfers = mode !== undefined && (transferModes as readonly string[]).includes(mode);
  const targetOptions = (targets.data ?? []).map((target) => ({ value: target.id, label: target.name, region: target.regionName }));

  const onFinish = async (values: ProposeValues) => {
    const targetOrganizationIds = values.mode === 'joint' ? (values.targets ?? []) : transfers && values.target ? [values.target] : [];
    try {
      await propose.mutateAsync({ expectedStatus: petition.status, mode: values.mode, targetOrganizationIds, opinion: values.opinion.trim() });
      void message.success(t('petitions.proposed'));
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  const renderTarget = (option: { data: { label?: ReactNode; region?: string } }) => (
    <Flex justify="space-between" gap={12}>
      <span>{option.data.label}</span>
      <Typography.Text type="secondary">{option.data.region}</Typography.Text>
    </Flex>
  );

  return (
    <FormModal<ProposeValues>
      open={open}
      title={t('petitions.proposeTitle')}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={propose.isPending}
      okText={t('petitions.proposeSubmit')}
      width={640}
      initialValues={proposalValues(petition)}
      testId="propose-modal"
    >
      <Form.Item name="mode" label={t('petitions.handlingMode')} rules={[{ required: true }]}>
        <Radio.Group
          options={handlingModes.map((value) => ({ value, label: <span data-testid={`propose-mode-${value}`}>{enumLabel(handlingModeLabels, value, locale)}</span> }))}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', rowGap: 8 }}
        />
      </Form.Item>
      {mode === 'joint' ? (
        <Form.Item
          name="targets"
          label={t('petitions.jointBodies')}
          rules={[{ required: true, type: 'array', min: 1, message: t('petitions.targetRequired') }, { type: 'array', max: 10, message: t('validation.maxItems', { max: 10 }) }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={targets.isLoading}
            options={targetOptions}
            optionRender={renderTarget}
            placeholder={t('petitions.pickBodies')}
            data-testid="propose-targets"
          />
        </Form.Item>
      ) : transfers ? (
        <Form.Item name="target" label={t('petitions.receivingBody')} rules={[{ required: true, message: t('petitions.targetRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={targets.isLoading}
            options={targetOptions}
            optionRender={renderTarget}
            placeholder={t('petitions.pickBody')}
            data-testid="propose-target"
          />
        </Form.Item>
      ) : null}
      <Form.Item name="opinion" label={t('petitions.opinion')} rules={[required(t, t('petitions.opinion')), maxLength(t, 2000)]}>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('petitions.opinionHint')} data-testid="propose-opinion" />
      </Form.Item>
    </FormModal>
  );
}

interface AnswerValues {
  templateId?: string;
  answer: string;
}

/** 答复: the text the reporter reads; a template fills it in, and the server replaces its placeholders ({receiptCode} …). */
function AnswerModal({ petition, open, onClose }: { petition: PetitionDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const templates = useAnswerTemplates(open);
  const answer = useAnswerPetition(petition.id);
  const onError = usePetitionErrorHandler(petition.id);
  const active = (templates.data ?? []).filter((template) => template.active);

  const onFinish = async (values: AnswerValues) => {
    try {
      await answer.mutateAsync({ expectedStatus: petition.status, answer: values.answer.trim(), ...(values.templateId ? { templateId: values.templateId } : {}) });
      void message.success(t('petitions.answered'));
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  return (
    <FormModal<AnswerValues>
      open={open}
      title={t('petitions.answerTitle')}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={answer.isPending}
      okText={t('petitions.answerSubmit')}
      width={680}
      testId="answer-modal"
    >
      <Form.Item name="templateId" label={t('petitions.answerTemplate')} extra={t('petitions.answerTemplateHint')}>
        <Select
          allowClear
          loading={templates.isLoading}
          options={active.map((template) => ({ value: template.id, label: template.title }))}
          onChange={(id?: string) => {
            const template = active.find((candidate) => candidate.id === id);
            if (template) form.setFieldValue('answer', template.body);
          }}
          placeholder={t('petitions.pickTemplate')}
          data-testid="answer-template"
        />
      </Form.Item>
      <Form.Item
        name="answer"
        label={t('petitions.answer')}
        rules={[required(t, t('petitions.answer')), { min: 10, message: t('validation.minLength', { min: 10 }) }, maxLength(t, 5000)]}
      >
        <Input.TextArea rows={8} maxLength={5000} showCount data-testid="answer-text" />
      </Form.Item>
    </FormModal>
  );
}
