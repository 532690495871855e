import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, List, Typography } from 'antd';
import { FieldTimeOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Deadline, EndpointInput, WorkflowDefinitionJson } from '@guantong/contracts';
import { callApi } from '../api-client.ts';
import { useI18n } from '../i18n.tsx';
import { formatDateTime } from '../format.ts';
import { maxLength, required } from '../form-rules.ts';
import { deadlineBasisLabel, deadlineLengthText, workflowStateLabel } from '../labels.ts';
import { useApiErrorHandler } from '../use-api-feedback.ts';
import { DeadlineStateTag } from './deadline-state-tag.tsx';
import { FormModal } from './form-modal.tsx';

/** Extends one deadline of a record, then reloads what shows it (the record and the lists it appears in). */
function useExtendDeadline(reload: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ deadlineId, body }: { deadlineId: string; body: NonNullable<EndpointInput<'extendDeadline'>['body']> }) =>
      callApi('extendDeadline', { params: { id: deadlineId }, body }),
    onSuccess: () => Promise.all(reload.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

interface ExtendValues {
  length: number;
  reason: string;
}

const namespaces = { petition: 'petitions', clue: 'clues', case: 'cases' } as const;

export interface DeadlinesCardProps {
  /** Whose deadlines: labels their states by that workflow, titles the card with its texts, names it for the tests. */
  kind: keyof typeof namespaces;
  /** The record: its deadlines, and the server's word on whether this person may extend (`capabilities.extendDeadline`). */
  record: { deadlines: Deadline[]; capabilities: { extendDeadline: boolean } };
  /** The served definition: whether each state's rule is extendable, and by how much. */
  definition: WorkflowDefinitionJson | undefined;
  /** What to reload after an extension: the record and its lists. */
  reload: QueryKey[];
}

/**
 * The deadlines of a record, open first: due date, state, the rule's legal basis. Where the server allows it, an
 * open deadline whose rule is extendable can be extended (by at most what the rule still allows).
 */
export function DeadlinesCard({ kind, record, definition, reload }: DeadlinesCardProps) {
  const { t, lt, locale } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const extend = useExtendDeadline(reload);
  const [form] = Form.useForm<ExtendValues>();
  const [extending, setExtending] = useState<Deadline | null>(null);

  const ruleOf = (deadline: Deadline) => definition?.states.find((state) => state.key === deadline.stateKey)?.deadline ?? null;
  // How much more time the rule allows; null when it sets no maximum.
  const remaining = (deadline: Deadline) => {
    const maximum = ruleOf(deadline)?.maxExtension;
    return maximum === undefined ? null : Math.max(0, maximum - deadline.extendedBy);
  };
  // The server says whether this person may extend; the rule says whether this deadline can be, and by how much.
  const extendable = (deadline: Deadline) => record.capabilities.extendDeadline && deadline.status === 'open' && Boolean(ruleOf(deadline)?.extendable) && remaining(deadline) !== 0;
  const sorted = [...record.deadlines].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.startedAt.localeCompare(a.startedAt));
  const limit = (extending && remaining(extending)) || 365;
  const ns = namespaces[kind];
  // The petition pages' test ids came first, without a prefix.
  const prefix = kind === 'petition' ? '' : `${kind}-`;

  const onFinish = async (values: ExtendValues) => {
    if (!extending) return;
    try {
      await extend.mutateAsync({ deadlineId: extending.id, body: { length: values.length, reason: values.reason.trim() } });
      void message.success(t('deadline.extended'));
      setExtending(null);
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <Card size="small" title={t(`${ns}.section.deadlines`)} data-testid={`${kind}-deadlines`}>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${ns}.noDeadlines`)} />
      ) : (
        <List
          size="small"
          dataSource={sorted}
          renderItem={(deadline) => (
            <List.Item
              data-testid={`${prefix}deadline-${deadline.id}`}
              actions={
                extendable(deadline)
                  ? [
                      <Button key="extend" size="small" icon={<FieldTimeOutlined />} onClick={() => setExtending(deadline)} data-testid="deadline-extend">
                        {t('deadline.extend')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{workflowStateLabel(kind, deadline.stateKey, locale)}</Typography.Text>
                  <DeadlineStateTag state={deadline.state} />
                </Flex>
                <Typography.Text>
                  {t('deadline.dueAtValue', { at: formatDateTime(deadline.dueAt) })}
                  {' · '}
                  {deadlineLengthText(deadline.length, deadline.basis, locale)}
                  {deadline.extendedBy ? ` + ${deadlineLengthText(deadline.extendedBy, deadline.basis, locale)}` : ''}
                </Typography.Text>
                {deadline.metAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('deadline.metAt', { at: formatDateTime(deadline.metAt) })}
                  </Typography.Text>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('workflows.legalBasis')}: {lt(deadline.legalBasis)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <FormModal<ExtendValues>
        open={extending !== null}
        title={t('deadline.extendTitle')}
        form={form}
        onCancel={() => setExtending(null)}
        onFinish={onFinish}
        submitting={extend.isPending}
        okText={t('deadline.extend')}
        testId={`${prefix}extend-modal`}
      >
        {extending ? (
          <Typography.Paragraph type="secondary">
            {t('deadline.extendHint', {
              due: formatDateTime(extending.dueAt),
              max: remaining(extending) === null ? '—' : deadlineLengthText(remaining(extending)!, extending.basis, locale),
            })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="length" label={t('deadline.extendLength')} rules={[{ required: true, type: 'integer', min: 1, max: limit, message: t('deadline.extendLengthInvalid') }]}>
          <InputNumber min={1} max={limit} precision={0} style={{ width: '100%' }} suffix={extending ? deadlineBasisLabel(extending.basis, locale) : undefined} />
        </Form.Item>
        <Form.Item name="reason" label={t('deadline.extendReason')} rules={[required(t, t('deadline.extendReason')), { min: 2, message: t('validation.minLength', { min: 2 }) }, maxLength(t, 500)]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
