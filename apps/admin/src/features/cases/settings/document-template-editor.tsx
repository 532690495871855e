import { useRef, type FocusEvent } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, Popconfirm, Row, Tag, Tooltip, Typography, type FormRule } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusCircleOutlined, PlusOutlined, RollbackOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { documentKindLabels, documentPlaceholders, unknownPlaceholders, type DocumentTemplate, type LocalizedText } from '@guantong/contracts';
import { isApiError } from '../../../shared/api-client.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { maxLength, textRules } from '../../../shared/form-rules.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { useStaleHandler } from '../../../shared/use-stale-handler.tsx';
import { DocumentTemplatePreview } from './document-template-preview.tsx';
import { documentTemplateKeys, useResetDocumentTemplate, useUpdateDocumentTemplate } from './document-templates.api.ts';

interface Values {
  title: string;
  recipient: string;
  paragraphs: string[];
}

type FieldName = 'title' | 'recipient' | ['paragraphs', number];

// The contract's limits (UpdateDocumentTemplateBodySchema).
const TITLE_MAX = 30;
const RECIPIENT_MAX = 60;
const PARAGRAPH_MAX = 4000;
const PARAGRAPHS_MAX = 20;

const isStale = (error: unknown) => isApiError(error, 'VERSION_CONFLICT');

const valuesOf = (template: DocumentTemplate): Values => ({ title: template.title, recipient: template.recipient ?? '', paragraphs: template.paragraphs });

/**
 * The wording of one kind of document: title, salutation and paragraphs with placeholders in braces, a palette that
 * inserts them where the cursor was, and the sheet as a document issued with it would read.
 */
export function DocumentTemplateEditor({ template, issuer }: { template: DocumentTemplate; issuer: string }) {
  const { t, locale, lt } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const update = useUpdateDocumentTemplate();
  const reset = useResetDocumentTemplate();
  const [form] = Form.useForm<Values>();
  const { kind } = template;
  const kindLabel = enumLabel(documentKindLabels, kind, locale);
  const placeholders = Object.entries(documentPlaceholders[kind]) as [string, LocalizedText][];
  // The field the person typed in last, and its element (for the cursor): where the palette inserts.
  const lastFocused = useRef<{ name: FieldName; element: HTMLInputElement | HTMLTextAreaElement } | null>(null);

  const onStale = useStaleHandler({
    isStale,
    reload: () => queryClient.invalidateQueries({ queryKey: documentTemplateKeys.all }),
    key: `document-template-stale-${kind}`,
    title: t('documentTemplates.staleTitle'),
    hint: t('documentTemplates.staleHint'),
    mode: 'prompt',
    testId: 'doc-template-stale',
    reloadTestId: 'doc-template-reload',
  });

  const watched = {
    title: Form.useWatch('title', form),
    recipient: Form.useWatch('recipient', form),
    paragraphs: Form.useWatch('paragraphs', form),
  };
  const initial = valuesOf(template);
  const wording: Values = {
    title: watched.title ?? initial.title,
    recipient: watched.recipient ?? initial.recipient,
    paragraphs: (watched.paragraphs ?? initial.paragraphs).map((paragraph) => paragraph ?? ''),
  };
  const dirty =
    wording.title !== initial.title || wording.recipient !== initial.recipient || JSON.stringify(wording.paragraphs) !== JSON.stringify(initial.paragraphs);

  const placeholderRule: FormRule = {
    validator: async (_rule, value: unknown) => {
      const unknown = typeof value === 'string' ? unknownPlaceholders(kind, value) : [];
      if (unknown.length) throw new Error(t('documentTemplates.unknownPlaceholder', { keys: unknown.map((key) => `{${key}}`).join(locale === 'en' ? ', ' : '、') }));
    },
  };

  const focusProps = (name: FieldName) => ({
    onFocus: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      lastFocused.current = { name, element: event.target };
    },
  });

  /** Puts `{key}` at the cursor of the last field typed in (replacing a selection), else at the end of the last paragraph. */
  const insert = (key: string) => {
    const text = `{${key}}`;
    const target = lastFocused.current;
    if (target && target.element.isConnected) {
      const current = (form.getFieldValue(target.name) as string | undefined) ?? '';
      const start = target.element.selectionStart ?? current.length;
      const end = target.element.selectionEnd ?? start;
      form.setFieldValue(target.name, current.slice(0, start) + text + current.slice(end));
      void form.validateFields([target.name]).catch(() => undefined);
      const caret = start + text.length;
      requestAnimationFrame(() => {
        target.element.focus();
        target.element.setSelectionRange(caret, caret);
      });
      return;
    }
    const paragraphs = (form.getFieldValue('paragraphs') as string[] | undefined) ?? [];
    const last = Math.max(paragraphs.length - 1, 0);
    form.setFieldValue(['paragraphs', last], `${paragraphs[last] ?? ''}${text}`);
    void form.validateFields([['paragraphs', last]]).catch(() => undefined);
  };

  const onFinish = async (values: Values) => {
    const recipient = values.recipient?.trim() ?? '';
    try {
      await update.mutateAsync({
        organizationId: template.organizationId,
        kind,
        body: { title: values.title.trim(), recipient: recipient || null, paragraphs: values.paragraphs.map((paragraph) => paragraph.trim()), version: template.version },
      });
      void message.success(t('documentTemplates.saved', { kind: kindLabel }));
    } catch (error) {
      onStale(error, form);
    }
  };

  const onReset = async () => {
    try {
      await reset.mutateAsync({ organizationId: template.organizationId, kind });
      void message.success(t('documentTemplates.resetDone', { kind: kindLabel }));
    } catch (error) {
      onError(error);
    }
  };

  // Moving or removing paragraphs renumbers them: the remembered field may now be another one.
  const forgetFocus = () => {
    lastFocused.current = null;
  };

  return (
    <Row gutter={[16, 16]} data-testid={`doc-template-${kind}`}>
      <Col xs={24} xl={13}>
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap data-testid="doc-template-origin">
            {template.configured ? (
              <>
                <Tag color="gold" data-testid="doc-template-configured">
                  {t('documentTemplates.configured')}
                </Tag>
                <Typography.Text type="secondary">
                  {t('documentTemplates.configuredBy', { name: template.updatedByName ?? '—', time: formatDateTime(template.updatedAt), version: template.version })}
                </Typography.Text>
              </>
            ) : template.definedAt ? (
              <>
                <Tag color="blue" data-testid="doc-template-inherited">
                  {t('documentTemplates.inherited')}
                </Tag>
                <Typography.Text type="secondary">{t('documentTemplates.inheritedHint', { body: template.definedAt.name })}</Typography.Text>
              </>
            ) : (
              <>
                <Tag data-testid="doc-template-built-in">{t('documentTemplates.builtIn')}</Tag>
                <Typography.Text type="secondary">{t('documentTemplates.builtInHint')}</Typography.Text>
              </>
            )}
            {dirty ? <Tag color="processing">{t('documentTemplates.unsaved')}</Tag> : null}
          </Flex>

          <Card size="small" title={t('documentTemplates.placeholders')} data-testid="doc-template-palette">
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
              {t('documentTemplates.placeholdersHint')}
            </Typography.Paragraph>
            <Flex gap={6} wrap>
              {placeholders.map(([key, description]) => (
                <Tooltip key={key} title={lt(description)}>
                  <Button
                    size="small"
                    // Keeps the cursor in the field being edited.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => insert(key)}
                    aria-label={`${t('documentTemplates.insert')} {${key}}: ${lt(description)}`}
                    data-testid={`doc-template-placeholder-${key}`}
                  >
                    {`{${key}}`}
                  </Button>
                </Tooltip>
              ))}
            </Flex>
          </Card>

          <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} disabled={update.isPending || reset.isPending} data-testid="doc-template-form">
            <Form.Item name="title" label={t('documentTemplates.title')} rules={[...textRules(t, t('documentTemplates.title'), TITLE_MAX, 2), placeholderRule]}>
              <Input maxLength={TITLE_MAX} showCount {...focusProps('title')} data-testid="doc-template-title" />
            </Form.Item>
            <Form.Item name="recipient" label={t('documentTemplates.recipient')} extra={t('documentTemplates.recipientHint')} rules={[maxLength(t, RECIPIENT_MAX), placeholderRule]}>
              <Input maxLength={RECIPIENT_MAX} allowClear {...focusProps('recipient')} data-testid="doc-template-recipient" />
            </Form.Item>
            <Form.List
              name="paragraphs"
              rules={[{ validator: async (_rule, items?: unknown[]) => (items?.length ? undefined : Promise.reject(new Error(t('documentTemplates.paragraphsRequired')))) }]}
            >
              {(fields, { add, remove, move }, { errors }) => (
                <Flex vertical gap={4}>
                  <Typography.Text strong>{t('documentTemplates.paragraphs')}</Typography.Text>
                  {fields.map((field, index) => (
                    <Flex key={field.key} gap={8} align="flex-start">
                      <Form.Item
                        name={field.name}
                        style={{ flex: 1, marginBottom: 12 }}
                        rules={[...textRules(t, t('documentTemplates.paragraphN', { n: index + 1 }), PARAGRAPH_MAX), placeholderRule]}
                      >
                        <Input.TextArea
                          autoSize={{ minRows: 2, maxRows: 10 }}
                          maxLength={PARAGRAPH_MAX}
                          aria-label={t('documentTemplates.paragraphN', { n: index + 1 })}
                          {...focusProps(['paragraphs', field.name])}
                          data-testid={`doc-template-paragraph-${index}`}
                        />
                      </Form.Item>
                      <Flex vertical gap={2}>
                        <Tooltip title={t('documentTemplates.moveUp')}>
                          <Button
                            size="small"
                            type="text"
                            icon={<ArrowUpOutlined />}
                            disabled={index === 0}
                            onClick={() => {
                              forgetFocus();
                              move(index, index - 1);
                            }}
                            aria-label={t('documentTemplates.moveUp')}
                            data-testid={`doc-template-paragraph-up-${index}`}
                          />
                        </Tooltip>
                        <Tooltip title={t('documentTemplates.moveDown')}>
                          <Button
                            size="small"
                            type="text"
                            icon={<ArrowDownOutlined />}
                            disabled={index === fields.length - 1}
                            onClick={() => {
                              forgetFocus();
                              move(index, index + 1);
                            }}
                            aria-label={t('documentTemplates.moveDown')}
                            data-testid={`doc-template-paragraph-down-${index}`}
                          />
                        </Tooltip>
                        <Tooltip title={t('action.remove')}>
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<MinusCircleOutlined />}
                            disabled={fields.length === 1}
                            onClick={() => {
                              forgetFocus();
                              remove(field.name);
                            }}
                            aria-label={t('action.remove')}
                            data-testid={`doc-template-paragraph-remove-${index}`}
                          />
                        </Tooltip>
                      </Flex>
                    </Flex>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= PARAGRAPHS_MAX} onClick={() => add('')} data-testid="doc-template-paragraph-add">
                    {t('documentTemplates.addParagraph')}
                  </Button>
                </Flex>
              )}
            </Form.List>

            <Flex gap={8} wrap style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={update.isPending} data-testid="doc-template-save">
                {t('action.save')}
              </Button>
              <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => form.resetFields()} data-testid="doc-template-discard">
                {t('documentTemplates.discard')}
              </Button>
              <Popconfirm
                title={t('documentTemplates.resetConfirmTitle')}
                description={<div style={{ maxWidth: 320 }}>{t('documentTemplates.resetConfirm', { kind: kindLabel })}</div>}
                okText={t('documentTemplates.reset')}
                okButtonProps={{ danger: true, loading: reset.isPending, ...{ 'data-testid': 'doc-template-reset-confirm' } }}
                cancelText={t('action.cancel')}
                onConfirm={onReset}
                disabled={!template.configured}
              >
                <Button danger icon={<RollbackOutlined />} disabled={!template.configured} data-testid="doc-template-reset">
                  {t('documentTemplates.reset')}
                </Button>
              </Popconfirm>
            </Flex>
          </Form>
        </Flex>
      </Col>
      <Col xs={24} xl={11}>
        <Card size="small" title={t('documentTemplates.preview')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('documentTemplates.previewHint')}</Typography.Text>}>
          <DocumentTemplatePreview kind={kind} wording={wording} issuer={issuer} />
        </Card>
      </Col>
    </Row>
  );
}
