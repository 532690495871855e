import { useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { approvalSteps, approvalStepLabels, cadreManagementLevelLabels, type ApprovalStep } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { useClueApprovalRules, useUpdateApprovalRule, type ClueApprovalRule as ApprovalRule } from '../clues.api.ts';

type Level = ApprovalRule['cadreManagementLevel'];

/**
 * 审批链设置: who signs a disposal, by the cadre-management level of the person concerned (local practice). Steps
 * are always signed from the office up; filing a case, or a lower committee's principal leader, adds the principal
 * leader whatever is set here.
 */
export function ClueApprovalRulesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const rules = useClueApprovalRules();
  const update = useUpdateApprovalRule();
  const [form] = Form.useForm<{ steps: ApprovalStep[] }>();
  const [editing, setEditing] = useState<ApprovalRule | null>(null);

  const levelLabel = (level: Level) => (level === 'default' ? t('clueSettings.defaultLevel') : enumLabel(cadreManagementLevelLabels, level, locale));

  const onFinish = async ({ steps }: { steps: ApprovalStep[] }) => {
    if (!editing) return;
    try {
      // Signatures go from the office up: keep the order of the vocabulary whatever order they were ticked in.
      await update.mutateAsync({ level: editing.cadreManagementLevel, steps: approvalSteps.filter((step) => steps.includes(step)) });
      void message.success(t('clueSettings.saved', { level: levelLabel(editing.cadreManagementLevel) }));
      setEditing(null);
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <PageContainer title={t('menu.clueSettings')} description={t('clueSettings.description')}>
      <Card>
        {rules.isError && !rules.data ? (
          <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
        ) : (
          <Table<ApprovalRule>
            rowKey="cadreManagementLevel"
            size="middle"
            loading={rules.isFetching}
            pagination={false}
            dataSource={rules.data ?? []}
            scroll={{ x: 720 }}
            data-testid="clue-approval-rules"
            columns={[
              {
                title: t('clueSettings.level'),
                dataIndex: 'cadreManagementLevel',
                width: 180,
                render: (level: Level) => <Typography.Text strong>{levelLabel(level)}</Typography.Text>,
              },
              {
                title: t('clueSettings.steps'),
                dataIndex: 'steps',
                render: (steps: ApprovalStep[], rule) => (
                  <Flex gap={4} wrap data-testid={`clue-approval-steps-${rule.cadreManagementLevel}`}>
                    {steps.map((step, index) => (
                      <Tag key={step} color="blue">
                        {index + 1}. {enumLabel(approvalStepLabels, step, locale)}
                      </Tag>
                    ))}
                  </Flex>
                ),
              },
              {
                title: t('clueSettings.origin'),
                dataIndex: 'configured',
                width: 140,
                render: (configured: boolean) => (configured ? <Tag color="gold">{t('clueSettings.configured')}</Tag> : <Tag>{t('clueSettings.builtIn')}</Tag>),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 110,
                render: (_value, rule) => (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(rule)} data-testid={`clue-approval-edit-${rule.cadreManagementLevel}`}>
                    {t('action.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0' }}>
          {t('clueSettings.additionsHint')}
        </Typography.Paragraph>
      </Card>

      <FormModal<{ steps: ApprovalStep[] }>
        open={editing !== null}
        title={editing ? t('clueSettings.editTitle', { level: levelLabel(editing.cadreManagementLevel) }) : ''}
        form={form}
        onCancel={() => setEditing(null)}
        onFinish={onFinish}
        submitting={update.isPending}
        initialValues={{ steps: editing?.steps ?? [] }}
        testId="clue-approval-modal"
      >
        <Form.Item
          name="steps"
          label={t('clueSettings.steps')}
          extra={t('clueSettings.stepsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('clueSettings.stepsRequired') }]}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={approvalSteps.map((step) => ({ value: step, label: <span data-testid={`clue-approval-step-${step}`}>{enumLabel(approvalStepLabels, step, locale)}</span> }))}
          />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
