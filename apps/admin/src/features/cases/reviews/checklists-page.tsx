import { useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { EndpointResponse } from '@guantong/contracts';
import { isApiError } from '../../../shared/api-client.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { textRules } from '../../../shared/form-rules.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { caseKeys, useReviewChecklists, useSaveChecklist } from '../cases.api.ts';

type Checklist = EndpointResponse<'listReviewChecklists'>[number];
type Item = Checklist['items'][number];

interface ChecklistValues {
  name: string;
  active: boolean;
  items: { key: string; zhCN: string; en: string; maxScore: number }[];
}

const ITEM_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * 评查表: the checklists cases are scored against (案件质量评查), each a list of items with their maximum score. A
 * checklist that is not active is kept (reviews made with it keep their items) but is no longer offered.
 */
export function ChecklistsPage() {
  const { t, lt } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const checklists = useReviewChecklists();
  const save = useSaveChecklist();
  const [form] = Form.useForm<ChecklistValues>();
  // null: closed; 'new': creating; a checklist: editing it.
  const [editing, setEditing] = useState<Checklist | 'new' | null>(null);
  const current = editing && editing !== 'new' ? editing : null;

  const onFinish = async (values: ChecklistValues) => {
    const body = {
      name: values.name.trim(),
      active: values.active,
      items: values.items.map((item) => ({ key: item.key.trim(), label: { zhCN: item.zhCN.trim(), en: item.en.trim() }, maxScore: item.maxScore })),
      ...(current ? { version: current.version } : {}),
    };
    try {
      await save.mutateAsync({ id: current?.id, body });
      void message.success(t('checklists.saved', { name: body.name }));
      setEditing(null);
    } catch (error) {
      onError(error, form);
      // Someone else saved it meanwhile: show their version; the dialog closes so it is edited from there.
      if (isApiError(error, 'VERSION_CONFLICT')) {
        void queryClient.invalidateQueries({ queryKey: caseKeys.checklists });
        setEditing(null);
      }
    }
  };

  return (
    <PageContainer
      title={t('menu.reviewChecklists')}
      description={t('checklists.description')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="checklist-create">
          {t('checklists.create')}
        </Button>
      }
    >
      <Card>
        {checklists.isError && !checklists.data ? (
          <QueryError error={checklists.error} onRetry={() => void checklists.refetch()} />
        ) : (
          <Table<Checklist>
            rowKey="id"
            loading={checklists.isFetching}
            pagination={false}
            dataSource={checklists.data ?? []}
            locale={{ emptyText: t('checklists.empty') }}
            data-testid="checklist-table"
            expandable={{
              expandedRowRender: (checklist) => (
                <Flex gap={4} wrap>
                  {checklist.items.map((item) => (
                    <Tag key={item.key}>
                      {lt(item.label)} · {item.maxScore}
                    </Tag>
                  ))}
                </Flex>
              ),
            }}
            columns={[
              { title: t('checklists.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
              { title: t('checklists.items'), dataIndex: 'items', width: 100, render: (items: Item[]) => items.length },
              { title: t('checklists.fullScore'), key: 'full', width: 100, render: (_value, checklist) => checklist.items.reduce((sum, item) => sum + item.maxScore, 0) },
              {
                title: t('field.status'),
                dataIndex: 'active',
                width: 100,
                render: (active: boolean) => (active ? <Tag color="success">{t('checklists.active')}</Tag> : <Tag>{t('checklists.inactive')}</Tag>),
              },
              { title: t('checklists.version'), dataIndex: 'version', width: 80 },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 110,
                render: (_value, checklist) => (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(checklist)} data-testid={`checklist-edit-${checklist.id}`}>
                    {t('action.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>

      <FormModal<ChecklistValues>
        open={editing !== null}
        title={current ? t('checklists.editTitle', { name: current.name }) : t('checklists.create')}
        form={form}
        onCancel={() => setEditing(null)}
        onFinish={onFinish}
        submitting={save.isPending}
        width={820}
        initialValues={
          current
            ? { name: current.name, active: current.active, items: current.items.map((item) => ({ key: item.key, zhCN: item.label.zhCN, en: item.label.en, maxScore: item.maxScore })) }
            : { active: true, items: [{ key: '', zhCN: '', en: '', maxScore: 10 }] }
        }
        testId="checklist-modal"
      >
        <Row gutter={12}>
          <Col xs={24} md={18}>
            <Form.Item name="name" label={t('checklists.name')} rules={textRules(t, t('checklists.name'), 60)}>
              <Input maxLength={60} autoFocus data-testid="checklist-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="active" label={t('checklists.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="items" rules={[{ validator: async (_rule, items?: unknown[]) => (items?.length ? undefined : Promise.reject(new Error(t('checklists.itemsRequired')))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('checklists.items')}</Typography.Text>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col xs={24} md={5}>
                    <Form.Item
                      name={[field.name, 'key']}
                      label={index === 0 ? t('checklists.itemKey') : undefined}
                      rules={[{ required: true, pattern: ITEM_KEY, message: t('checklists.itemKeyInvalid') }]}
                    >
                      <Input maxLength={40} placeholder="evidence" aria-label={t('checklists.itemKey')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[field.name, 'zhCN']} label={index === 0 ? t('checklists.itemLabelZh') : undefined} rules={textRules(t, t('checklists.itemLabelZh'), 60)}>
                      <Input maxLength={60} aria-label={t('checklists.itemLabelZh')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'en']} label={index === 0 ? t('checklists.itemLabelEn') : undefined} rules={textRules(t, t('checklists.itemLabelEn'), 120)}>
                      <Input maxLength={120} aria-label={t('checklists.itemLabelEn')} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={4}>
                    <Form.Item
                      name={[field.name, 'maxScore']}
                      label={index === 0 ? t('checklists.maxScore') : undefined}
                      rules={[{ required: true, type: 'integer', min: 1, max: 100, message: t('checklists.maxScoreInvalid') }]}
                    >
                      <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} aria-label={t('checklists.maxScore')} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                    {fields.length > 1 ? <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('action.remove')} /> : null}
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 40 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', zhCN: '', en: '', maxScore: 10 })}>
                  {t('checklists.addItem')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </FormModal>
    </PageContainer>
  );
}
