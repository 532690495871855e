import { useId, useState } from 'react';
import { App, Button, Card, Col, Drawer, Empty, Flex, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { questionTypes, type CategoryQuestion, type PetitionCategory } from '@guantong/contracts';
import { isApiError } from '../../../shared/api-client.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { usePetitionCategories, useUpsertCategory } from '../petitions.api.ts';

// The same patterns as CategoryKeyParamsSchema and CategoryQuestionSchema in the contracts.
const CATEGORY_KEY = /^[a-z][a-z0-9_]{1,39}$/;
const QUESTION_KEY = /^[a-z][a-zA-Z0-9_]{0,39}$/;

type QuestionType = (typeof questionTypes)[number];

interface QuestionValue {
  key?: string;
  label?: { zhCN?: string; en?: string };
  type?: QuestionType;
  required?: boolean;
  options?: { zhCN?: string; en?: string }[];
}

interface Values {
  key: string;
  label: { zhCN: string; en: string };
  active: boolean;
  sortOrder: number;
  questions: QuestionValue[];
}

type Editing = { mode: 'create' } | { mode: 'edit'; category: PetitionCategory } | null;

/** Report categories and their extra questions, which the portal and the registration form ask. */
export function CategoriesTab() {
  const { t, lt } = useI18n();
  const categories = usePetitionCategories();
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={12} wrap>
        <Typography.Text type="secondary">{t('petitionSettings.categoriesHint')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="category-create">
          {t('petitionSettings.newCategory')}
        </Button>
      </Flex>
      {categories.isError && !categories.data ? (
        <QueryError error={categories.error} onRetry={() => void categories.refetch()} />
      ) : (
        <Table<PetitionCategory>
          rowKey="key"
          size="small"
          loading={categories.isFetching}
          dataSource={[...(categories.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder)}
          pagination={false}
          data-testid="category-table"
          locale={{ emptyText: categories.isPending ? ' ' : <Empty description={t('petitionSettings.noCategories')} /> }}
          columns={[
            { title: t('petitionSettings.sortOrder'), dataIndex: 'sortOrder', width: 80 },
            { title: t('petitionSettings.key'), dataIndex: 'key', width: 160, render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
            { title: t('petitionSettings.name'), key: 'label', render: (_value, category) => lt(category.label) },
            {
              title: t('petitionSettings.questions'),
              key: 'questions',
              render: (_value, category) =>
                category.questions.length ? (
                  <Flex gap={4} wrap>
                    {category.questions.map((question) => (
                      <Tag key={question.key}>
                        {lt(question.label)}
                        {question.required ? ' *' : ''}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  '—'
                ),
            },
            {
              title: t('field.status'),
              dataIndex: 'active',
              width: 90,
              render: (active: boolean) => (active ? <Tag color="success">{t('petitionSettings.active')}</Tag> : <Tag>{t('petitionSettings.inactive')}</Tag>),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_value, category) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', category })} data-testid={`category-edit-${category.key}`}>
                  {t('action.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <CategoryDrawer editing={editing} onClose={() => setEditing(null)} nextSortOrder={(categories.data?.length ?? 0) * 10 + 10} />
    </>
  );
}

function initialValues(editing: Editing, nextSortOrder: number): Partial<Values> {
  if (editing?.mode === 'edit') {
    const { category } = editing;
    return {
      key: category.key,
      label: category.label,
      active: category.active,
      sortOrder: category.sortOrder,
      questions: category.questions.map((question) => ({ ...question, options: question.options ?? [] })),
    };
  }
  return { active: true, sortOrder: Math.min(nextSortOrder, 999), questions: [] };
}

function CategoryDrawer({ editing, onClose, nextSortOrder }: { editing: Editing; onClose: () => void; nextSortOrder: number }) {
  const { t, lt } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const formId = `gt-category-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const upsert = useUpsertCategory();
  const existing = editing?.mode === 'edit' ? editing.category : null;
  const typeLabel = (type: QuestionType) => t(`petitionSettings.questionType.${type}`);

  const onFinish = async (values: Values) => {
    const questions: CategoryQuestion[] = (values.questions ?? []).map((question) => ({
      key: question.key!.trim(),
      label: { zhCN: question.label!.zhCN!.trim(), en: question.label!.en!.trim() },
      type: question.type!,
      required: Boolean(question.required),
      ...(question.type === 'select' ? { options: (question.options ?? []).map((option) => ({ zhCN: option.zhCN!.trim(), en: option.en!.trim() })) } : {}),
    }));
    try {
      const saved = await upsert.mutateAsync({
        key: existing?.key ?? values.key.trim(),
        body: {
          label: { zhCN: values.label.zhCN.trim(), en: values.label.en.trim() },
          questions,
          active: values.active,
          sortOrder: values.sortOrder,
          ...(existing ? { version: existing.version } : {}),
        },
      });
      void message.success(t('petitionSettings.categorySaved', { name: lt(saved.label) }));
      onClose();
    } catch (error) {
      onError(error, form);
      // Someone saved it first: close, so the list shows their version to start from.
      if (isApiError(error, 'VERSION_CONFLICT')) onClose();
    }
  };

  return (
    <Drawer
      open={editing !== null}
      title={existing ? t('petitionSettings.editCategory', { name: lt(existing.label) }) : t('petitionSettings.newCategory')}
      size={760}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: !upsert.isPending }}
      data-testid="category-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={upsert.isPending} data-testid="category-submit">
            {t('action.save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> id={formId} form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues(editing, nextSortOrder)} scrollToFirstError preserve={false} clearOnDestroy>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            {existing ? (
              <Form.Item label={t('petitionSettings.key')}>
                <Typography.Text code>{existing.key}</Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item
                name="key"
                label={t('petitionSettings.key')}
                extra={t('petitionSettings.keyHint')}
                rules={[required(t, t('petitionSettings.key')), { pattern: CATEGORY_KEY, message: t('petitionSettings.keyInvalid') }]}
              >
                <Input autoComplete="off" spellCheck={false} data-testid="category-key" />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['label', 'zhCN']} label={t('petitionSettings.nameZh')} rules={[required(t, t('petitionSettings.nameZh')), maxLength(t, 30)]}>
              <Input data-testid="category-label-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['label', 'en']} label={t('petitionSettings.nameEn')} rules={[required(t, t('petitionSettings.nameEn')), maxLength(t, 60)]}>
              <Input data-testid="category-label-en" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="sortOrder" label={t('petitionSettings.sortOrder')} rules={[{ required: true, type: 'integer', min: 0, max: 999 }]}>
              <InputNumber min={0} max={999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="active" label={t('petitionSettings.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('petitionSettings.questions')}</Typography.Title>
        <Form.List
          name="questions"
          rules={[
            {
              validator: async (_rule, value: QuestionValue[] | undefined) => {
                const keys = (value ?? []).map((question) => question?.key?.trim()).filter(Boolean);
                if (new Set(keys).size !== keys.length) throw new Error(t('petitionSettings.questionKeysUnique'));
                if ((value ?? []).length > 20) throw new Error(t('validation.maxItems', { max: 20 }));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={12} data-testid="question-editor">
              {fields.length === 0 ? <Typography.Text type="secondary">{t('petitionSettings.noQuestions')}</Typography.Text> : null}
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ background: '#fafbfc' }}
                  title={<Typography.Text type="secondary">{t('petitionSettings.questionN', { n: index + 1 })}</Typography.Text>}
                  extra={
                    <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      {t('action.remove')}
                    </Button>
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'key']}
                        label={t('petitionSettings.key')}
                        rules={[required(t, t('petitionSettings.key')), { pattern: QUESTION_KEY, message: t('petitionSettings.questionKeyInvalid') }]}
                      >
                        <Input autoComplete="off" spellCheck={false} data-testid={`question-${index}-key`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'label', 'zhCN']} label={t('petitionSettings.labelZh')} rules={[required(t, t('petitionSettings.labelZh')), maxLength(t, 60)]}>
                        <Input data-testid={`question-${index}-label-zh`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'label', 'en']} label={t('petitionSettings.labelEn')} rules={[required(t, t('petitionSettings.labelEn')), maxLength(t, 120)]}>
                        <Input data-testid={`question-${index}-label-en`} />
                      </Form.Item>
                    </Col>
                    <Col xs={16} md={8}>
                      <Form.Item name={[field.name, 'type']} label={t('petitionSettings.questionType')} rules={[{ required: true, message: t('validation.required', { field: t('petitionSettings.questionType') }) }]}>
                        <Select options={questionTypes.map((type) => ({ value: type, label: typeLabel(type) }))} data-testid={`question-${index}-type`} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={8}>
                      <Form.Item name={[field.name, 'required']} label={t('petitionSettings.required')} valuePropName="checked">
                        <Switch />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item noStyle shouldUpdate={(previous: Values, next: Values) => previous.questions?.[field.name]?.type !== next.questions?.[field.name]?.type}>
                    {({ getFieldValue }) =>
                      getFieldValue(['questions', field.name, 'type']) === 'select' ? (
                        <OptionsEditor name={field.name} />
                      ) : null
                    }
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ type: 'text', required: false, options: [] })} data-testid="question-add">
                {t('petitionSettings.addQuestion')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

/** The choices of a select question, each in Chinese and English (the Chinese text is what is stored as the answer). */
function OptionsEditor({ name }: { name: number }) {
  const { t } = useI18n();
  return (
    <Form.List
      name={[name, 'options']}
      rules={[
        {
          validator: async (_rule, value: unknown[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('petitionSettings.optionsRequired'));
            if (value.length > 30) throw new Error(t('validation.maxItems', { max: 30 }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div>
          <Typography.Text strong>{t('petitionSettings.options')}</Typography.Text>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start" style={{ marginTop: 8 }}>
              <Form.Item name={[field.name, 'zhCN']} rules={[required(t, t('petitionSettings.labelZh')), maxLength(t, 60)]} style={{ flex: 1, marginBottom: 0 }}>
                <Input placeholder={t('petitionSettings.labelZh')} />
              </Form.Item>
              <Form.Item name={[field.name, 'en']} rules={[required(t, t('petitionSettings.labelEn')), maxLength(t, 120)]} style={{ flex: 1, marginBottom: 0 }}>
                <Input placeholder={t('petitionSettings.labelEn')} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('action.remove')} />
            </Flex>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }}>
            {t('petitionSettings.addOption')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
