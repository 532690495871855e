import type { ReactNode } from 'react';
import { Alert, App, Button, Flex, Typography, type ButtonProps, type FormInstance } from 'antd';
import type { WorkflowDefinition, WorkflowDefinitionJson } from '@guantong/contracts';
import { useI18n } from '../i18n.tsx';
import { workflowStateLabel } from '../labels.ts';
import { actionSpecOf, type ActionSpec } from '../workflow-actions.ts';
import { FormModal } from './form-modal.tsx';

export interface WorkflowActionModalProps<T> {
  /** Whose workflow and texts (clues.* or cases.*); also names the dialog and its confirmation for the browser tests. */
  kind: 'clue' | 'case';
  /** The record's status now (the action starts from it). */
  status: string;
  action: ActionSpec | null;
  onClose: () => void;
  form: FormInstance<T>;
  /** Sends the action with the dialog's values. */
  apply: (values: T, action: ActionSpec) => Promise<unknown>;
  submitting: boolean;
  /** Shows a failure; true when the record changed meanwhile (the dialog then closes). */
  onError: (error: unknown, form: FormInstance<T>) => boolean;
  /** Ends the record for good: a warning in the dialog and a red confirmation. */
  destructive: boolean;
  /** Asks once more before sending (closing, deciding, handing over). */
  confirm: boolean;
  width: number;
  initialValues?: Partial<T>;
  children: ReactNode;
}

/**
 * The dialog of one workflow action: its name, the status change, a warning where it ends the record, the fields the
 * action needs (`children`), and a second confirmation where it closes, decides or hands over. Enter submits, Esc closes.
 */
export function WorkflowActionModal<T extends object>(props: WorkflowActionModalProps<T>) {
  const { kind, status, action, onClose, form, apply, submitting, onError, destructive, confirm, width, initialValues, children } = props;
  const ns = kind === 'clue' ? 'clues' : 'cases';
  const { t, lt, locale } = useI18n();
  const { message, modal } = App.useApp();
  const transition = action ? t(`${ns}.actionTransition`, { from: workflowStateLabel(kind, status, locale), to: workflowStateLabel(kind, action.to, locale) }) : '';

  const send = async (values: T) => {
    if (!action) return;
    try {
      await apply(values, action);
      void message.success(t(`${ns}.actionDone`, { action: lt(action.label) }));
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  const onFinish = (values: T) => {
    if (!action) return;
    if (!confirm) return send(values);
    modal.confirm({
      title: t(`${ns}.actionConfirmTitle`, { action: lt(action.label) }),
      content: (
        <>
          <Typography.Paragraph>{transition}</Typography.Paragraph>
          <Typography.Paragraph type={destructive ? 'danger' : 'secondary'} style={{ margin: 0 }}>
            {destructive ? t(`${ns}.destructiveWarning`) : t(`${ns}.closingWarning`)}
          </Typography.Paragraph>
        </>
      ),
      okText: lt(action.label),
      cancelText: t('action.cancel'),
      okButtonProps: { danger: destructive, 'data-testid': `${kind}-action-confirm` } as ButtonProps,
      onOk: () => send(values),
    });
  };

  return (
    <FormModal<T>
      open={action !== null}
      title={action ? lt(action.label) : ''}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={submitting}
      okText={action ? lt(action.label) : undefined}
      width={width}
      initialValues={initialValues}
      testId={`${kind}-action-modal`}
    >
      {action ? (
        <>
          <Typography.Paragraph type="secondary">{transition}</Typography.Paragraph>
          {destructive ? <Alert type="warning" showIcon title={t(`${ns}.destructiveWarning`)} style={{ marginBottom: 16 }} /> : null}
          {children}
        </>
      ) : null}
    </FormModal>
  );
}

/**
 * One button per action the server allows on a record now (`allowedActions`), nothing else, labelled by the served
 * definition (the contract's copy while it loads). `testIdPrefix` names the bar and each button (`…-action-KEY`).
 */
export function WorkflowActionBar({
  actions,
  workflow,
  definition,
  isPrimary,
  isDanger,
  onAction,
  testIdPrefix,
  extra,
}: {
  actions: string[];
  workflow: WorkflowDefinition;
  definition: WorkflowDefinitionJson | undefined;
  isPrimary: (key: string) => boolean;
  isDanger: (key: string) => boolean;
  onAction: (action: ActionSpec) => void;
  testIdPrefix: string;
  /** Anything after the buttons (the dialogs). */
  extra?: ReactNode;
}) {
  const { lt } = useI18n();
  if (actions.length === 0) return null;
  return (
    <>
      <Flex gap={8} wrap data-testid={`${testIdPrefix}-actions`}>
        {actions.map((key) => {
          const spec = actionSpecOf(definition, workflow, key);
          return (
            <Button key={key} type={isPrimary(key) ? 'primary' : 'default'} danger={isDanger(key)} onClick={() => onAction(spec)} data-testid={`${testIdPrefix}-action-${key}`}>
              {lt(spec.label)}
            </Button>
          );
        })}
      </Flex>
      {extra}
    </>
  );
}
