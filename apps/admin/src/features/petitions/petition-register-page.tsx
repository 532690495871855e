import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  objectLevelLabels,
  objectLevels,
  petitionChannelLabels,
  submissionTypeLabels,
  submissionTypes,
  violationCategories,
  violationCategoryLabels,
  type ObjectLevel,
  type PetitionChannel,
  type RegisterPetitionBody,
  type SubmissionType,
  type ViolationCategory,
} from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { maxLength, required } from '../../shared/form-rules.ts';
import { enumOptions } from '../../shared/labels.ts';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { stillUploading, UploadField, uploadedIds, type UploadedFiles } from '../../shared/ui/upload-field.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { CategoryQuestionFields, cleanAnswers } from './components/category-questions.tsx';
import { usePetitionCategories, useRegisterPetition } from './petitions.api.ts';

// Walk-ins are visits (来访); reports made online arrive through the portal, not this form.
const staffChannels = ['letter', 'visit', 'phone', 'fax', 'other'] as const satisfies readonly PetitionChannel[];

// The same patterns as ReporterIdentitySchema in the contracts.
const REPORTER_PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;

interface Values {
  channel: PetitionChannel;
  receivedAt: Dayjs;
  submissionType: SubmissionType;
  categoryKey?: string;
  extraAnswers?: Record<string, string | boolean | undefined>;
  title: string;
  content: string;
  occurredOn?: string;
  occurredPlace?: string;
  concernedName?: string;
  concernedPost?: string;
  concernedUnit?: string;
  objectLevel?: ObjectLevel;
  violationCategories?: ViolationCategory[];
  anonymous: boolean;
  reporter?: { name?: string; phone?: string; idNumber?: string; email?: string; address?: string; workUnit?: string };
  files?: UploadedFiles;
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Registering a letter, visit, call or fax: what was said, about whom, by whom (sealed), and the scanned pages. */
export function PetitionRegisterPage() {
  const { t, lt, locale } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const categories = usePetitionCategories();
  const register = useRegisterPetition();
  const categoryKey = Form.useWatch('categoryKey', form);
  const anonymous = Form.useWatch('anonymous', form);
  const files = Form.useWatch('files', form);
  const uploading = stillUploading(files);

  const activeCategories = useMemo(() => (categories.data ?? []).filter((category) => category.active).sort((a, b) => a.sortOrder - b.sortOrder), [categories.data]);
  const questions = activeCategories.find((category) => category.key === categoryKey)?.questions ?? [];

  const onFinish = async (values: Values) => {
    const reporter = values.anonymous
      ? null
      : {
          name: values.reporter!.name!.trim(),
          phone: values.reporter!.phone!.trim(),
          idNumber: blankToUndefined(values.reporter?.idNumber),
          email: blankToUndefined(values.reporter?.email),
          address: blankToUndefined(values.reporter?.address),
          workUnit: blankToUndefined(values.reporter?.workUnit),
        };
    const body: RegisterPetitionBody = {
      channel: values.channel,
      receivedAt: values.receivedAt.toISOString(),
      submissionType: values.submissionType,
      categoryKey: values.categoryKey ?? null,
      extraAnswers: values.categoryKey ? cleanAnswers(values.extraAnswers) : undefined,
      title: values.title.trim(),
      content: values.content.trim(),
      occurredOn: blankToUndefined(values.occurredOn) ?? null,
      occurredPlace: blankToUndefined(values.occurredPlace) ?? null,
      concernedName: blankToUndefined(values.concernedName) ?? null,
      concernedPost: blankToUndefined(values.concernedPost) ?? null,
      concernedUnit: blankToUndefined(values.concernedUnit) ?? null,
      objectLevel: values.objectLevel ?? null,
      violationCategories: values.violationCategories ?? [],
      anonymous: values.anonymous,
      reporter,
      attachmentIds: uploadedIds(values.files),
    };
    try {
      const petition = await register.mutateAsync(body);
      void message.success(t('petitions.registered', { serial: petition.serialNumber ?? petition.title }));
      navigate(`/petitions/${petition.id}`, { replace: true });
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <PageContainer title={t('petitions.registerTitle')} description={t('petitions.registerDescription')}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError
        initialValues={{ channel: 'phone', receivedAt: dayjs(), submissionType: 'accusation', anonymous: false, violationCategories: [] }}
        data-testid="petition-register-form"
      >
        <Flex vertical gap={16}>
          <Card title={t('petitions.section.source')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item name="channel" label={t('petitions.channel')} rules={[{ required: true }]} extra={t('petitions.walkInHint')}>
                  <Radio.Group
                    optionType="button"
                    options={staffChannels.map((channel) => ({
                      value: channel,
                      label: <span data-testid={`reg-channel-${channel}`}>{lt(petitionChannelLabels[channel])}</span>,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="receivedAt" label={t('petitions.receivedAt')} rules={[{ required: true, message: t('validation.required', { field: t('petitions.receivedAt') }) }]}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} data-testid="reg-received-at" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('petitions.section.content')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="submissionType" label={t('petitions.submissionType')} rules={[{ required: true }]}>
                  <Select options={enumOptions(submissionTypes, submissionTypeLabels, locale)} data-testid="reg-type" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="categoryKey" label={t('petitions.category')}>
                  <Select
                    allowClear
                    loading={categories.isLoading}
                    options={activeCategories.map((category) => ({ value: category.key, label: lt(category.label) }))}
                    placeholder={t('petitions.pickCategory')}
                    data-testid="reg-category"
                  />
                </Form.Item>
              </Col>
            </Row>
            {questions.length ? (
              <Card size="small" type="inner" title={t('petitions.categoryQuestions')} style={{ marginBottom: 16, background: '#fafbfc' }}>
                <CategoryQuestionFields questions={questions} />
              </Card>
            ) : null}
            <Form.Item name="title" label={t('petitions.title')} rules={[required(t, t('petitions.title')), maxLength(t, 80)]}>
              <Input maxLength={80} showCount data-testid="reg-title" />
            </Form.Item>
            <Form.Item
              name="content"
              label={t('petitions.content')}
              rules={[required(t, t('petitions.content')), { min: 10, message: t('validation.minLength', { min: 10 }) }, maxLength(t, 10_000)]}
            >
              <Input.TextArea rows={6} maxLength={10_000} showCount data-testid="reg-content" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="occurredOn" label={t('petitions.occurredOn')} rules={[maxLength(t, 40)]}>
                  <Input placeholder={t('petitions.occurredOnHint')} data-testid="reg-occurred-on" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="occurredPlace" label={t('petitions.occurredPlace')} rules={[maxLength(t, 100)]}>
                  <Input data-testid="reg-occurred-place" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('petitions.section.concerned')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="concernedName" label={t('petitions.concernedName')} rules={[maxLength(t, 40)]}>
                  <Input data-testid="reg-concerned-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="concernedPost" label={t('petitions.concernedPost')} rules={[maxLength(t, 60)]}>
                  <Input data-testid="reg-concerned-post" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="concernedUnit" label={t('petitions.concernedUnit')} rules={[maxLength(t, 100)]}>
                  <Input data-testid="reg-concerned-unit" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="objectLevel" label={t('petitions.objectLevel')}>
                  <Select allowClear options={enumOptions(objectLevels, objectLevelLabels, locale)} data-testid="reg-object-level" />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="violationCategories" label={t('petitions.violationCategories')}>
                  <Select mode="multiple" allowClear options={enumOptions(violationCategories, violationCategoryLabels, locale)} data-testid="reg-violations" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('petitions.section.reporter')} size="small">
            <Form.Item name="anonymous" label={t('petitions.reporterKind')} rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: false, label: <span data-testid="reg-real-name">{t('petitions.realName')}</span> },
                  { value: true, label: <span data-testid="reg-anonymous">{t('petitions.anonymous')}</span> },
                ]}
              />
            </Form.Item>
            {anonymous === false ? (
              <>
                <Typography.Paragraph type="secondary">{t('petitions.identitySealedHint')}</Typography.Paragraph>
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item name={['reporter', 'name']} label={t('petitions.reporterName')} rules={[required(t, t('petitions.reporterName')), maxLength(t, 40)]}>
                      <Input autoComplete="off" data-testid="reg-reporter-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={['reporter', 'phone']}
                      label={t('petitions.reporterPhone')}
                      rules={[required(t, t('petitions.reporterPhone')), { pattern: REPORTER_PHONE, message: t('validation.reporterPhone') }]}
                    >
                      <Input inputMode="tel" autoComplete="off" data-testid="reg-reporter-phone" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['reporter', 'idNumber']} label={t('petitions.reporterIdNumber')} rules={[{ pattern: ID_NUMBER, message: t('validation.idNumber') }]}>
                      <Input autoComplete="off" maxLength={18} data-testid="reg-reporter-id" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['reporter', 'email']} label={t('petitions.reporterEmail')} rules={[{ type: 'email', message: t('validation.email') }, maxLength(t, 100)]}>
                      <Input autoComplete="off" data-testid="reg-reporter-email" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['reporter', 'workUnit']} label={t('petitions.reporterWorkUnit')} rules={[maxLength(t, 100)]}>
                      <Input autoComplete="off" data-testid="reg-reporter-unit" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['reporter', 'address']} label={t('petitions.reporterAddress')} rules={[maxLength(t, 200)]}>
                      <Input autoComplete="off" data-testid="reg-reporter-address" />
                    </Form.Item>
                  </Col>
                </Row>
              </>
            ) : (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('petitions.anonymousHint')}
              </Typography.Paragraph>
            )}
          </Card>

          <Card title={t('petitions.section.attachments')} size="small">
            <UploadField hint={t('petitions.uploadHint')} testId="reg-files" />
          </Card>

          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => navigate('/petitions')}>{t('action.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={register.isPending} disabled={uploading} data-testid="reg-submit">
              {t('petitions.registerSubmit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </PageContainer>
  );
}
