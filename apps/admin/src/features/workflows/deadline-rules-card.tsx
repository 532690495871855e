import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { deadlineBases, type DeadlineBasis, type DeadlineRuleSetting } from '@guantong/contracts';
import { callApi } from '../../shared/api-client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { deadlineBasisLabel, deadlineLengthText } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { FormModal } from '../../shared/ui/form-modal.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';

const rulesKey = ['deadline-rules'] as const;

interface RuleForm {
  basis: DeadlineBasis;
  length: number;
}

/**
 * Deadline rules as they apply here. Rules that no public source confirms (tags M, I, L) are defaults:
 * administrators set the local length, and new deadlines follow it.
 */
export function DeadlineRulesCard() {
  const { t, lt, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [form] = Form.useForm<RuleForm>();
  const [editing, setEditing] = useState<DeadlineRuleSetting | null>(null);
  const rules = useQuery({ queryKey: rulesKey, queryFn: ({ signal }) => callApi('listDeadlineRules', undefined, { signal }) });
  const save = useMutation({
    mutationFn: (input: { key: string; body?: RuleForm }) =>
      input.body
        ? callApi('updateDeadlineRule', { params: { key: input.key }, body: input.body })
        : callApi('resetDeadlineRule', { params: { key: input.key } }),
    onSuccess: () => {
      void message.success(t('deadlineRules.saved'));
      setEditing(null);
      return client.invalidateQueries({ queryKey: rulesKey });
    },
    onError: (error) => onError(error, form),
  });
  const manage = can('workflows.manage');

  return (
    <Card title={t('deadlineRules.title')} data-testid="deadline-rules">
      <Typography.Paragraph type="secondary">{t('deadlineRules.description')}</Typography.Paragraph>
      {rules.data && rules.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deadlineRules.empty')} />
      ) : (
        <Table<DeadlineRuleSetting>
          rowKey="key"
          size="small"
          loading={rules.isPending}
          pagination={false}
          dataSource={rules.data ?? []}
          scroll={{ x: 900 }}
          columns={[
            { title: t('deadlineRules.rule'), key: 'key', render: (_value, rule) => <Typography.Text code>{rule.key}</Typography.Text> },
            {
              title: t('deadlineRules.current'),
              key: 'current',
              render: (_value, rule) => (
                <Space>
                  {deadlineLengthText(rule.length, rule.basis, locale)}
                  {rule.overridden ? <Tag color="gold">{t('deadlineRules.overridden')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('deadlineRules.default'), key: 'default', render: (_value, rule) => deadlineLengthText(rule.defaultLength, rule.defaultBasis, locale) },
            { title: t('workflows.legalBasis'), key: 'legal', render: (_value, rule) => lt(rule.legalBasis) },
            { title: t('workflows.source'), key: 'source', render: (_value, rule) => <Tag title={t(`workflows.source.${rule.source}`)}>{rule.source}</Tag> },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_value: unknown, rule: DeadlineRuleSetting) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(rule)}>
                          {t('action.edit')}
                        </Button>
                        {rule.overridden ? (
                          <Popconfirm title={t('deadlineRules.resetConfirm')} onConfirm={() => save.mutate({ key: rule.key })}>
                            <Button size="small">{t('deadlineRules.reset')}</Button>
                          </Popconfirm>
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <FormModal<RuleForm>
        open={editing !== null}
        title={editing ? `${t('deadlineRules.edit')} · ${editing.key}` : ''}
        form={form}
        onCancel={() => setEditing(null)}
        onFinish={(body) => save.mutate({ key: editing!.key, body })}
        submitting={save.isPending}
        initialValues={editing ? { basis: editing.basis, length: editing.length } : undefined}
      >
        <Form.Item name="basis" label={t('workflows.basis')} rules={[{ required: true }]}>
          <Select options={deadlineBases.map((basis) => ({ value: basis, label: deadlineBasisLabel(basis, locale) }))} />
        </Form.Item>
        <Form.Item name="length" label={t('workflows.length')} rules={[{ required: true, type: 'integer', min: 1, max: 3650 }]}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
