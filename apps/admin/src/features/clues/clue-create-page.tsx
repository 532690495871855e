import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  clueSourceLabels,
  clueSources,
  violationCategories,
  violationCategoryLabels,
  type ClueSource,
  type CreateClueBody,
  type ViolationCategory,
} from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { maxLength, textRules } from '../../shared/form-rules.ts';
import { enumOptions } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { stillUploading, UploadField, uploadedIds, type UploadedFiles } from '../../shared/ui/upload-field.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { PersonFields, type PersonValues } from './components/person-fields.tsx';
import { useClueTransferTargets, useCreateClue } from './clues.api.ts';

interface Values extends PersonValues {
  source: ClueSource;
  sourceReference?: string;
  ledgerOrganizationId?: string;
  receivedAt?: Dayjs;
  title: string;
  allegations: string;
  violationCategories?: ViolationCategory[];
  files?: UploadedFiles;
}

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Registering a problem clue in the central ledger (staff), or transferring one to a commission (partner bodies:
 * audit, inspection, congress …), with the evidence uploaded first.
 */
export function ClueCreatePage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { activeMembership } = useSession();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const create = useCreateClue();
  // Someone who is only a partner officer sends the clue to a commission's ledger and names it.
  const roles = activeMembership?.roles ?? [];
  const partnerOnly = roles.length > 0 && roles.every((role) => role === 'partner_officer');
  const targets = useClueTransferTargets(partnerOnly);
  const files = Form.useWatch('files', form);
  const uploading = stillUploading(files);

  const onFinish = async (values: Values) => {
    const body: CreateClueBody = {
      source: values.source,
      sourceReference: blankToNull(values.sourceReference),
      ...(partnerOnly && values.ledgerOrganizationId ? { ledgerOrganizationId: values.ledgerOrganizationId } : {}),
      ...(!partnerOnly && values.receivedAt ? { receivedAt: values.receivedAt.toISOString() } : {}),
      title: values.title.trim(),
      allegations: values.allegations.trim(),
      violationCategories: values.violationCategories ?? [],
      concernedName: values.concernedName.trim(),
      concernedPost: blankToNull(values.concernedPost),
      concernedUnit: blankToNull(values.concernedUnit),
      idNumber: blankToNull(values.idNumber),
      objectLevel: values.objectLevel ?? null,
      cadreManagementLevel: values.cadreManagementLevel ?? null,
      isPartyMember: values.isPartyMember,
      supervisedCategory: values.supervisedCategory ?? null,
      lowerCommitteePrincipal: values.lowerCommitteePrincipal,
      attachmentIds: uploadedIds(values.files),
    };
    try {
      const clue = await create.mutateAsync(body);
      void message.success(partnerOnly ? t('clues.sent', { serial: clue.serialNumber }) : t('clues.created', { serial: clue.serialNumber }));
      navigate(`/clues/${clue.id}`, { replace: true });
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <PageContainer title={partnerOnly ? t('clues.sendTitle') : t('clues.createTitle')} description={partnerOnly ? t('clues.sendDescription') : t('clues.createDescription')}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError
        initialValues={{ receivedAt: dayjs(), isPartyMember: true, lowerCommitteePrincipal: false, violationCategories: [] }}
        data-testid="clue-create-form"
      >
        <Flex vertical gap={16}>
          <Card title={t('clues.section.source')} size="small">
            <Row gutter={16}>
              {partnerOnly && targets.isError ? (
                <Col xs={24}>
                  <Alert
                    type="error"
                    showIcon
                    title={t('clues.ledgerOrganizationsFailed')}
                    description={targets.error?.message}
                    action={
                      <Button size="small" onClick={() => void targets.refetch()}>
                        {t('action.retry')}
                      </Button>
                    }
                    style={{ marginBottom: 16 }}
                    data-testid="clue-ledger-organizations-failed"
                  />
                </Col>
              ) : null}
              {partnerOnly ? (
                <Col xs={24}>
                  <Form.Item
                    name="ledgerOrganizationId"
                    label={t('clues.ledgerOrganization')}
                    rules={[{ required: true, message: t('clues.ledgerOrganizationRequired') }]}
                    extra={t('clues.ledgerOrganizationHint')}
                  >
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={targets.isLoading}
                      options={(targets.data ?? []).map((target) => ({ value: target.id, label: target.name }))}
                      placeholder={t('clues.pickLedgerOrganization')}
                      data-testid="clue-ledger-organization"
                    />
                  </Form.Item>
                </Col>
              ) : null}
              <Col xs={24} md={partnerOnly ? 12 : 8}>
                <Form.Item name="source" label={t('clues.source')} rules={[{ required: true, message: t('clues.sourceRequired') }]}>
                  <Select
                    options={enumOptions(clueSources, clueSourceLabels, locale)}
                    placeholder={t('clues.pickSource')}
                    showSearch={{ optionFilterProp: 'label' }}
                    data-testid="clue-source"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={partnerOnly ? 12 : 8}>
                <Form.Item name="sourceReference" label={t('clues.sourceReference')} rules={[maxLength(t, 100)]} extra={t('clues.sourceReferenceHint')}>
                  <Input maxLength={100} data-testid="clue-source-reference" />
                </Form.Item>
              </Col>
              {partnerOnly ? null : (
                <Col xs={24} md={8}>
                  <Form.Item name="receivedAt" label={t('clues.receivedAt')} rules={[{ required: true, message: t('validation.required', { field: t('clues.receivedAt') }) }]}>
                    <DatePicker
                      showTime={{ format: 'HH:mm' }}
                      format="YYYY-MM-DD HH:mm"
                      style={{ width: '100%' }}
                      disabledDate={(date) => date.isAfter(dayjs(), 'day')}
                      data-testid="clue-received-at"
                    />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </Card>

          <Card title={t('clues.section.allegations')} size="small">
            <Form.Item name="title" label={t('clues.title')} rules={textRules(t, t('clues.title'), 80)} extra={t('clues.titleHint')}>
              <Input maxLength={80} showCount data-testid="clue-title" />
            </Form.Item>
            <Form.Item name="allegations" label={t('clues.allegations')} rules={textRules(t, t('clues.allegations'), 10_000, 10)}>
              <Input.TextArea rows={6} maxLength={10_000} showCount data-testid="clue-allegations" />
            </Form.Item>
            <Form.Item name="violationCategories" label={t('clues.violationCategories')} rules={[{ type: 'array', max: 13, message: t('validation.maxItems', { max: 13 }) }]}>
              <Select mode="multiple" allowClear options={enumOptions(violationCategories, violationCategoryLabels, locale)} data-testid="clue-violations" />
            </Form.Item>
          </Card>

          <Card title={t('clues.section.concerned')} size="small">
            <Typography.Paragraph type="secondary">{t('clues.concernedHint')}</Typography.Paragraph>
            <PersonFields />
          </Card>

          <Card title={t('clues.section.evidence')} size="small">
            <UploadField hint={t('clues.uploadHint')} testId="clue-files" rules={[{ type: 'array', max: 30, message: t('validation.maxItems', { max: 30 }) }]} />
          </Card>

          {partnerOnly ? <Alert type="info" showIcon title={t('clues.partnerFollowUpHint')} /> : null}

          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => navigate('/clues')}>{t('action.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending} disabled={uploading} data-testid="clue-submit">
              {partnerOnly ? t('clues.sendSubmit') : t('clues.createSubmit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </PageContainer>
  );
}
