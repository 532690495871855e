import { useState } from 'react';
import { Form, Input, type FormInstance } from 'antd';
import { caseWorkflow, type CaseAction, type CaseDetail, type WorkflowDefinitionJson } from '@guantong/contracts';
import { useI18n, type MessageKey } from '../../../shared/i18n.tsx';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { WorkflowActionBar, WorkflowActionModal } from '../../../shared/ui/workflow-action-modal.tsx';
import { actionRequest, type ActionSpec } from '../../../shared/workflow-actions.ts';
import { useApplyCaseAction, type CaseActionRequest } from '../cases.api.ts';
import { DecideFields, sanctionsBody, showSanctionRefusals, type SanctionValues } from './decide-fields.tsx';
import { useCaseErrorHandler } from './use-case-error.ts';

// Withdrawing ends the case for good: red, and asked twice.
const destructiveActions = new Set<string>(['withdraw']);
// Landing in one of these states decides or ends the case: asked twice too.
const confirmStates = new Set<string>(['decided', 'executed', 'withdrawn']);
// The usual next step where it is offered.
const primaryActions = new Set<string>(['announceFiling', 'submitInvestigationReport', 'approveReport', 'transferToHearing', 'concludeHearing', 'decide', 'announceDecision', 'reportExecution']);

// Steps whose written text the server requires: the reports, the decision, the execution report.
const recordLabels: Partial<Record<CaseAction, MessageKey>> = {
  submitInvestigationReport: 'cases.record.submitInvestigationReport',
  concludeHearing: 'cases.record.concludeHearing',
  decide: 'cases.record.decide',
  reportExecution: 'cases.record.reportExecution',
};
// What the note means where it is more than a remark: the sign-offs' opinions and the reasons for going back.
const noteLabels: Partial<Record<CaseAction, MessageKey>> = {
  approveReport: 'cases.note.approveReport',
  transferToHearing: 'cases.note.transferToHearing',
  returnReport: 'cases.note.returnReason',
  returnForInvestigation: 'cases.note.returnReason',
  withdraw: 'cases.note.withdrawReason',
};

/**
 * One button per action the server allows on this case now (`allowedActions`), nothing else. Each opens a dialog
 * asking for exactly what that action needs; deciding, executing and withdrawing are confirmed once more.
 */
export function CaseActions({ found, definition }: { found: CaseDetail; definition: WorkflowDefinitionJson | undefined }) {
  const [open, setOpen] = useState<ActionSpec | null>(null);
  return (
    <WorkflowActionBar
      actions={found.allowedActions}
      workflow={caseWorkflow}
      definition={definition}
      isPrimary={(key) => primaryActions.has(key)}
      isDanger={(key) => destructiveActions.has(key)}
      onAction={setOpen}
      testIdPrefix="case"
      extra={<CaseActionModal found={found} action={open} onClose={() => setOpen(null)} />}
    />
  );
}

interface ActionValues {
  note?: string;
  record?: string;
  sanctions?: SanctionValues[];
}

/** The dialog of one action: the status change, the record or note it needs, the sanctions of a decision. */
function CaseActionModal({ found, action, onClose }: { found: CaseDetail; action: ActionSpec | null; onClose: () => void }) {
  const { t, lt } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const apply = useApplyCaseAction(found.id);
  const onCaseError = useCaseErrorHandler(found.id);
  // A sanction the person concerned cannot receive: the reason goes under that entry's type.
  const onError = (error: unknown, actionForm: FormInstance<ActionValues>) => {
    const closed = onCaseError(error, actionForm);
    if (!closed) showSanctionRefusals(error, actionForm, found, t, lt);
    return closed;
  };
  const key = (action?.key ?? '') as CaseAction;
  const recordLabel = recordLabels[key];
  const isDecide = key === 'decide';
  const destructive = destructiveActions.has(key);
  const noteRequired = Boolean(action?.requiresNote);
  const noteLabel = noteLabels[key];

  const send = (values: ActionValues, spec: ActionSpec) => {
    const body: CaseActionRequest = {
      ...actionRequest(spec, found.status, values, Boolean(recordLabel)),
      ...(isDecide ? { sanctions: sanctionsBody(values.sanctions) } : {}),
    };
    return apply.mutateAsync(body);
  };

  return (
    <WorkflowActionModal<ActionValues>
      kind="case"
      status={found.status}
      action={action}
      onClose={onClose}
      form={form}
      apply={send}
      submitting={apply.isPending}
      onError={onError}
      destructive={destructive}
      confirm={destructive || (action !== null && confirmStates.has(action.to))}
      width={isDecide ? 860 : recordLabel ? 680 : 520}
      initialValues={isDecide ? { sanctions: [{}] } : {}}
    >
      {recordLabel ? (
        <Form.Item name="record" label={t(recordLabel)} rules={[required(t, t(recordLabel)), maxLength(t, 20_000)]}>
          <Input.TextArea rows={isDecide ? 4 : 8} maxLength={20_000} showCount autoFocus data-testid="case-action-record" />
        </Form.Item>
      ) : null}
      {isDecide ? <DecideFields found={found} /> : null}
      {recordLabel && !noteRequired ? null : (
        <Form.Item
          name="note"
          label={noteLabel ? t(noteLabel) : noteRequired ? t('field.note') : t('cases.noteOptional')}
          rules={[...(noteRequired ? [required(t, noteLabel ? t(noteLabel) : t('field.note'))] : []), maxLength(t, 2000)]}
          extra={key === 'approveReport' ? t('cases.note.approveReportHint') : undefined}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount autoFocus={!recordLabel} data-testid="case-action-note" />
        </Form.Item>
      )}
    </WorkflowActionModal>
  );
}
