import { useState } from 'react';
import { App, Button, Empty, Flex, Form, Input, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { EndpointResponse } from '@guantong/contracts';
import { isApiError } from '../../../shared/api-client.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { useAnswerTemplates, useSaveAnswerTemplate } from '../petitions.api.ts';

type AnswerTemplate = EndpointResponse<'listAnswerTemplates'>[number];

interface Values {
  title: string;
  body: string;
  active: boolean;
}

type Editing = { mode: 'create' } | { mode: 'edit'; template: AnswerTemplate } | null;

/** Standard answers officers start from; placeholders such as {receiptCode} are kept as written. */
export function AnswerTemplatesTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const templates = useAnswerTemplates();
  const save = useSaveAnswerTemplate();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Editing>(null);

  const onFinish = async (values: Values) => {
    const existing = editing?.mode === 'edit' ? editing.template : null;
    try {
      const saved = await save.mutateAsync({
        id: existing?.id,
        body: { title: values.title.trim(), body: values.body.trim(), active: values.active, ...(existing ? { version: existing.version } : {}) },
      });
      void message.success(t('petitionSettings.templateSaved', { name: saved.title }));
      setEditing(null);
    } catch (error) {
      onError(error, form);
      if (isApiError(error, 'VERSION_CONFLICT')) setEditing(null);
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={12} wrap>
        <Typography.Text type="secondary">{t('petitionSettings.templatesHint')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="template-create">
          {t('petitionSettings.newTemplate')}
        </Button>
      </Flex>
      {templates.isError && !templates.data ? (
        <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <Table<AnswerTemplate>
          rowKey="id"
          size="small"
          loading={templates.isFetching}
          dataSource={templates.data}
          pagination={false}
          data-testid="template-table"
          locale={{ emptyText: templates.isPending ? ' ' : <Empty description={t('petitionSettings.noTemplates')} /> }}
          columns={[
            { title: t('petitionSettings.templateTitle'), dataIndex: 'title', width: 200 },
            {
              title: t('petitionSettings.templateBody'),
              dataIndex: 'body',
              render: (body: string) => (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 2, expandable: true, symbol: t('action.more') }}>
                  {body}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('field.status'),
              dataIndex: 'active',
              width: 80,
              render: (active: boolean) => (active ? <Tag color="success">{t('petitionSettings.active')}</Tag> : <Tag>{t('petitionSettings.inactive')}</Tag>),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_value, template) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', template })}>
                  {t('action.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <FormModal<Values>
        open={editing !== null}
        title={editing?.mode === 'edit' ? t('petitionSettings.editTemplate') : t('petitionSettings.newTemplate')}
        form={form}
        onCancel={() => setEditing(null)}
        onFinish={onFinish}
        submitting={save.isPending}
        width={680}
        initialValues={editing?.mode === 'edit' ? { title: editing.template.title, body: editing.template.body, active: editing.template.active } : { active: true }}
        testId="template-modal"
      >
        <Form.Item name="title" label={t('petitionSettings.templateTitle')} rules={[required(t, t('petitionSettings.templateTitle')), maxLength(t, 40)]}>
          <Input maxLength={40} data-testid="template-title" />
        </Form.Item>
        <Form.Item name="body" label={t('petitionSettings.templateBody')} extra={t('petitionSettings.templateBodyHint')} rules={[required(t, t('petitionSettings.templateBody')), maxLength(t, 4000)]}>
          <Input.TextArea rows={8} maxLength={4000} showCount data-testid="template-body" />
        </Form.Item>
        <Form.Item name="active" label={t('petitionSettings.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </>
  );
}
