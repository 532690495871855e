import { useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { approvalSteps, approvalStepLabels, cadreManagementLevelLabels, type ApprovalStep } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { LedgerBodySelect, useLedgerBodyChoice } from '../../organizations/ledger-body-choice.tsx';
import { useClueApprovalRules, useResetApprovalRule, useUpdateApprovalRule, type ClueApprovalRule as ApprovalRule } from '../clues.api.ts';

type Level = ApprovalRule['cadreManagementLevel'];

/**
 * 审批链设置: who signs a disposal, by the cadre-management level of the person concerned (local practice). Steps
 * are always signed from the office up; filing a case, or a lower committee's principal leader, adds the principal
 * leader whatever is set here. Each ledger (commission or township committee) may set its own chains; a ledger without
 * one for a level uses the nearest ledger above it that has one, else the built-in chain.
 */
export function ClueApprovalRulesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const ledger = useLedgerBodyChoice('ledger');
  const rules = useClueApprovalRules(ledger.organizationId);
  const update = useUpdateApprovalRule();
  const reset = useResetApprovalRule();
  const [form] = Form.useForm<{ steps: ApprovalStep[] }>();
  const [editing, setEditing] = useState<ApprovalRule | null>(null);

  const levelLabel = (level: Level) => (level === 'default' ? t('clueSettings.defaultLevel') : enumLabel(cadreManagementLevelLabels, level, locale));

  const onFinish = async ({ steps }: { steps: ApprovalStep[] }) => {
    if (!editing) return;
    try {
      // Signatures go from the office up: keep the order of the vocabulary whatever order they were ticked in.
      await update.mutateAsync({ organizationId: editing.organizationId, level: editing.cadreManagementLevel, steps: approvalSteps.filter((step) => steps.includes(step)) });
      void message.success(t('clueSettings.saved', { level: levelLabel(editing.cadreManagementLevel) }));
      setEditing(null);
    } catch (error) {
      onError(error, form);
    }
  };

  const onReset = async (rule: ApprovalRule) => {
    try {
      await reset.mutateAsync({ organizationId: rule.organizationId, level: rule.cadreManagementLevel });
      void message.success(t('clueSettings.resetDone', { level: levelLabel(rule.cadreManagementLevel) }));
    } catch (error) {
      onError(error);
    }
  };

  return (
    <PageContainer title={t('menu.clueSettings')} description={t('clueSettings.description')}>
      <Card>
        <LedgerBodySelect choice={ledger} label={t('clueSettings.ledger')} hint={t('clueSettings.ledgerHint')} testId="clue-approval-ledger" />
        {ledger.bodies.isError && !ledger.bodies.data ? (
          <QueryError error={ledger.bodies.error} onRetry={() => void ledger.bodies.refetch()} />
        ) : rules.isError && !rules.data ? (
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
                width: 200,
                render: (configured: boolean, rule) =>
                  configured ? (
                    <Tag color="gold">{t('clueSettings.configured')}</Tag>
                  ) : rule.definedAt ? (
                    <Tooltip title={t('clueSettings.inheritedFrom', { body: rule.definedAt.name })}>
                      <Tag color="blue">{t('clueSettings.inherited', { body: rule.definedAt.name })}</Tag>
                    </Tooltip>
                  ) : (
                    <Tag>{t('clueSettings.builtIn')}</Tag>
                  ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 200,
                render: (_value, rule) => (
                  <Flex gap={6}>
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(rule)} data-testid={`clue-approval-edit-${rule.cadreManagementLevel}`}>
                      {t('action.edit')}
                    </Button>
                    {rule.configured ? (
                      <Popconfirm
                        title={t('clueSettings.resetConfirm', { level: levelLabel(rule.cadreManagementLevel) })}
                        onConfirm={() => void onReset(rule)}
                        okText={t('clueSettings.reset')}
                        cancelText={t('action.cancel')}
                      >
                        <Button size="small" icon={<RollbackOutlined />} loading={reset.isPending && reset.variables?.level === rule.cadreManagementLevel} data-testid={`clue-approval-reset-${rule.cadreManagementLevel}`}>
                          {t('clueSettings.reset')}
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </Flex>
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
