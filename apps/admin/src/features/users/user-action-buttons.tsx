import { useState } from 'react';
import { App, Button, Flex, Form, Input, Typography } from 'antd';
import type { User, WorkflowDefinitionJson } from '@guantong/contracts';
import { isApiError } from '../../shared/api-client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { maxLength } from '../../shared/form-rules.ts';
import { FormModal } from '../../shared/ui/form-modal.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { useApplyUserAction } from './users.api.ts';

type ActionSpec = WorkflowDefinitionJson['actions'][number];

/**
 * One button per action the server says this person may take on this account (`user.allowedActions`);
 * the UI does not decide that itself. Actions that need a note ask for it; the others ask for confirmation.
 */
export function UserActionButtons({ user, definition, onChanged }: { user: User; definition: WorkflowDefinitionJson | undefined; onChanged?: () => void }) {
  const { t, lt } = useI18n();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const apply = useApplyUserAction();
  const [noteFor, setNoteFor] = useState<ActionSpec | null>(null);
  const [form] = Form.useForm<{ note: string }>();

  if (user.allowedActions.length === 0) return null;

  const specOf = (key: string): ActionSpec =>
    definition?.actions.find((action) => action.key === key) ?? { key, label: { zhCN: key, en: key }, from: [], to: '', roles: [], requiresNote: false };
  const stateLabel = (key: string) => {
    const state = definition?.states.find((candidate) => candidate.key === key);
    return state ? lt(state.label) : key;
  };

  const run = async (action: ActionSpec, note?: string) => {
    try {
      await apply.mutateAsync({ id: user.id, body: { action: action.key, expectedStatus: user.status, ...(note ? { note } : {}) } });
      void message.success(t('users.actionDone', { action: lt(action.label), name: user.displayName }));
      setNoteFor(null);
      onChanged?.();
    } catch (error) {
      onError(error, form);
      // The account moved on meanwhile: show its current state.
      if (isApiError(error, 'WORKFLOW_STATE_CHANGED') || isApiError(error, 'WORKFLOW_ACTION_NOT_ALLOWED')) {
        setNoteFor(null);
        onChanged?.();
      }
    }
  };

  const start = (action: ActionSpec) => {
    if (action.requiresNote) {
      setNoteFor(action);
      return;
    }
    modal.confirm({
      title: t('users.actionConfirmTitle', { action: lt(action.label), name: user.displayName }),
      content: action.to ? t('users.actionConfirmBody', { from: stateLabel(user.status), to: stateLabel(action.to) }) : undefined,
      okText: lt(action.label),
      cancelText: t('action.cancel'),
      onOk: () => run(action),
    });
  };

  return (
    <>
      <Flex gap={8} wrap data-testid="user-actions">
        {user.allowedActions.map((key) => {
          const action = specOf(key);
          return (
            <Button key={key} danger={action.requiresNote} loading={apply.isPending && apply.variables?.body.action === key} onClick={() => start(action)} data-testid={`user-action-${key}`}>
              {lt(action.label)}
            </Button>
          );
        })}
      </Flex>
      <FormModal<{ note: string }>
        open={noteFor !== null}
        title={noteFor ? t('users.actionConfirmTitle', { action: lt(noteFor.label), name: user.displayName }) : ''}
        form={form}
        onCancel={() => setNoteFor(null)}
        onFinish={({ note }) => (noteFor ? run(noteFor, note.trim()) : undefined)}
        submitting={apply.isPending}
        okText={noteFor ? lt(noteFor.label) : undefined}
        testId="action-note"
      >
        {noteFor?.to ? (
          <Typography.Paragraph type="secondary">{t('users.actionConfirmBody', { from: stateLabel(user.status), to: stateLabel(noteFor.to) })}</Typography.Paragraph>
        ) : null}
        <Form.Item name="note" label={t('field.note')} rules={[{ required: true, whitespace: true, message: t('users.noteRequired') }, maxLength(t, 2000)]}>
          <Input.TextArea rows={4} showCount maxLength={2000} autoFocus data-testid="action-note-input" />
        </Form.Item>
      </FormModal>
    </>
  );
}
