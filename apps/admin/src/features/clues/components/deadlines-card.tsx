import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, List, Typography } from 'antd';
import { FieldTimeOutlined } from '@ant-design/icons';
import type { ClueDetail, Deadline, WorkflowDefinitionJson } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { clueStateName, deadlineBasisLabel, deadlineLengthText } from '../../../shared/labels.ts';
import { DeadlineStateTag } from '../../../shared/ui/deadline-state-tag.tsx';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { useExtendClueDeadline } from '../clues.api.ts';

interface ExtendValues {
  length: number;
  reason: string;
}

/**
 * The deadlines of the clue, open first: due date, state, the rule's legal basis. Where the server allows it
 * (`capabilities.extendDeadline`), an open deadline whose rule is extendable can be extended.
 */
export function DeadlinesCard({ clue, definition }: { clue: ClueDetail; definition: WorkflowDefinitionJson | undefined }) {
  const { t, lt, locale } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const extend = useExtendClueDeadline(clue.id);
  const [form] = Form.useForm<ExtendValues>();
  const [extending, setExtending] = useState<Deadline | null>(null);

  const ruleOf = (deadline: Deadline) => definition?.states.find((state) => state.key === deadline.stateKey)?.deadline ?? null;
  // How much more time the rule allows; null when it sets no maximum.
  const remaining = (deadline: Deadline) => {
    const maximum = ruleOf(deadline)?.maxExtension;
    return maximum === undefined ? null : Math.max(0, maximum - deadline.extendedBy);
  };
  // The server says whether this person may extend; the rule says whether this deadline can be, and by how much.
  const extendable = (deadline: Deadline) =>
    clue.capabilities.extendDeadline && deadline.status === 'open' && Boolean(ruleOf(deadline)?.extendable) && remaining(deadline) !== 0;
  const stateName = (key: string) => clueStateName(key, locale);
  const sorted = [...clue.deadlines].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.startedAt.localeCompare(a.startedAt));

  const onFinish = async (values: ExtendValues) => {
    if (!extending) return;
    try {
      await extend.mutateAsync({ deadlineId: extending.id, body: { length: values.length, reason: values.reason.trim() } });
      void message.success(t('petitions.extended'));
      setExtending(null);
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <Card size="small" title={t('clues.section.deadlines')} data-testid="clue-deadlines">
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clues.noDeadlines')} />
      ) : (
        <List
          size="small"
          dataSource={sorted}
          renderItem={(deadline) => (
            <List.Item
              data-testid={`clue-deadline-${deadline.id}`}
              actions={
                extendable(deadline)
                  ? [
                      <Button key="extend" size="small" icon={<FieldTimeOutlined />} onClick={() => setExtending(deadline)} data-testid="deadline-extend">
                        {t('petitions.extend')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{stateName(deadline.stateKey)}</Typography.Text>
                  <DeadlineStateTag state={deadline.state} />
                </Flex>
                <Typography.Text>
                  {t('petitions.dueAtValue', { at: formatDateTime(deadline.dueAt) })}
                  {' · '}
                  {deadlineLengthText(deadline.length, deadline.basis, locale)}
                  {deadline.extendedBy ? ` + ${deadlineLengthText(deadline.extendedBy, deadline.basis, locale)}` : ''}
                </Typography.Text>
                {deadline.metAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('petitions.metAt', { at: formatDateTime(deadline.metAt) })}
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
        title={t('petitions.extendTitle')}
        form={form}
        onCancel={() => setExtending(null)}
        onFinish={onFinish}
        submitting={extend.isPending}
        okText={t('petitions.extend')}
        testId="clue-extend-modal"
      >
        {extending ? (
          <Typography.Paragraph type="secondary">
            {t('petitions.extendHint', {
              due: formatDateTime(extending.dueAt),
              max: remaining(extending) === null ? '—' : deadlineLengthText(remaining(extending)!, extending.basis, locale),
            })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item
          name="length"
          label={t('petitions.extendLength')}
          rules={[{ required: true, type: 'integer', min: 1, max: (extending && remaining(extending)) || 365, message: t('petitions.extendLengthInvalid') }]}
        >
          <InputNumber min={1} max={(extending && remaining(extending)) || 365} precision={0} style={{ width: '100%' }} suffix={extending ? deadlineBasisLabel(extending.basis, locale) : undefined} />
        </Form.Item>
        <Form.Item name="reason" label={t('petitions.extendReason')} rules={[required(t, t('petitions.extendReason')), { min: 2, message: t('validation.minLength', { min: 2 }) }, maxLength(t, 500)]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
