import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Select, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import {
  objectLevelLabels,
  objectLevels,
  submissionTypeLabels,
  submissionTypes,
  violationCategories,
  violationCategoryLabels,
  type ObjectLevel,
  type PetitionCategory,
  type PetitionDetail,
  type SubmissionType,
  type ViolationCategory,
} from '@guantong/contracts';
import { isApiError } from '../../../shared/api-client.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { enumLabel, enumOptions } from '../../../shared/labels.ts';
import { useSession, useSignedInSession } from '../../../shared/session.tsx';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { useUsers } from '../../users/users.api.ts';
import { useClassifyPetition, useRefetchPetition } from '../petitions.api.ts';
import { answerText } from './category-questions.tsx';
import { usePetitionErrorHandler } from './use-petition-error.ts';

interface Values {
  submissionType: SubmissionType;
  categoryKey?: string | null;
  title: string;
  concernedName?: string;
  concernedPost?: string;
  concernedUnit?: string;
  objectLevel?: ObjectLevel | null;
  violationCategories: ViolationCategory[];
  assigneeId?: string | null;
}

function valuesOf(petition: PetitionDetail): Values {
  return {
    submissionType: petition.submissionType,
    categoryKey: petition.categoryKey,
    title: petition.title,
    concernedName: petition.concernedName ?? '',
    concernedPost: petition.concernedPost ?? '',
    concernedUnit: petition.concernedUnit ?? '',
    objectLevel: petition.objectLevel,
    violationCategories: petition.violationCategories,
    assigneeId: petition.assigneeId,
  };
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** What the report says, and how staff classified it; classification is edited with the version seen (VERSION_CONFLICT otherwise). */
export function ClassificationCard({ petition, categories, editable }: { petition: PetitionDetail; categories: PetitionCategory[]; editable: boolean }) {
  const { t, lt, locale } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const session = useSignedInSession();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const classify = useClassifyPetition(petition.id);
  const refetch = useRefetchPetition();
  const onError = usePetitionErrorHandler(petition.id);
  const users = useUsers({ page: 1, pageSize: 200 }, editing && can('users.read'));

  const category = categories.find((candidate) => candidate.key === petition.categoryKey);
  const answers = Object.entries(petition.extraAnswers);
  const assigneeOptions = useMemo(() => {
    const options = new Map<string, string>();
    if (petition.assigneeId) options.set(petition.assigneeId, petition.assigneeName ?? petition.assigneeId);
    options.set(session.user.id, t('petitions.assignedToMe', { name: session.user.displayName }));
    for (const user of users.data?.items ?? []) if (!options.has(user.id)) options.set(user.id, user.displayName);
    return [...options].map(([value, label]) => ({ value, label }));
  }, [petition.assigneeId, petition.assigneeName, session.user, users.data, t]);

  const open = () => {
    setConflict(false);
    setEditing(true);
  };

  const onFinish = async (values: Values) => {
    try {
      await classify.mutateAsync({
        version: petition.version,
        submissionType: values.submissionType,
        categoryKey: values.categoryKey ?? null,
        title: values.title.trim(),
        concernedName: orNull(values.concernedName),
        concernedPost: orNull(values.concernedPost),
        concernedUnit: orNull(values.concernedUnit),
        objectLevel: values.objectLevel ?? null,
        violationCategories: values.violationCategories,
        assigneeId: values.assigneeId ?? null,
      });
      void message.success(t('petitions.classified'));
      setEditing(false);
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        // Keep the dialog: load the other person's version under it and let this person decide again.
        setConflict(true);
        await refetch(petition.id);
        return;
      }
      if (onError(error, form)) setEditing(false);
    }
  };

  return (
    <Card
      title={t('petitions.section.content')}
      size="small"
      data-testid="petition-content"
      extra={
        editable ? (
          <Button size="small" icon={<EditOutlined />} onClick={open} data-testid="petition-classify">
            {t('petitions.classify')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="petition-content-text">
        {petition.content}
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        // English labels are long: two pairs per row only on the widest screens.
        column={{ xs: 1, md: locale === 'en' ? 1 : 2, xxl: 2 }}
        items={[
          { key: 'type', label: t('petitions.submissionType'), children: enumLabel(submissionTypeLabels, petition.submissionType, locale) },
          { key: 'category', label: t('petitions.category'), children: category ? lt(category.label) : (petition.categoryKey ?? '—') },
          { key: 'concerned', label: t('petitions.concernedName'), children: petition.concernedName ?? '—' },
          { key: 'post', label: t('petitions.concernedPost'), children: petition.concernedPost ?? '—' },
          { key: 'unit', label: t('petitions.concernedUnit'), children: petition.concernedUnit ?? '—' },
          { key: 'level', label: t('petitions.objectLevel'), children: petition.objectLevel ? enumLabel(objectLevelLabels, petition.objectLevel, locale) : '—' },
          {
            key: 'violations',
            label: t('petitions.violationCategories'),
            span: 'filled',
            children: petition.violationCategories.length ? (
              <Flex gap={4} wrap>
                {petition.violationCategories.map((value) => (
                  <Tag key={value}>{enumLabel(violationCategoryLabels, value, locale)}</Tag>
                ))}
              </Flex>
            ) : (
              '—'
            ),
          },
          { key: 'when', label: t('petitions.occurredOn'), children: petition.occurredOn ?? '—' },
          { key: 'where', label: t('petitions.occurredPlace'), children: petition.occurredPlace ?? '—' },
          ...(petition.intakePlaceName ? [{ key: 'intake', label: t('petitions.intakePlace'), children: petition.intakePlaceName }] : []),
          { key: 'assignee', label: t('petitions.assignee'), children: petition.assigneeName ?? '—' },
          ...answers.map(([key, value]) => {
            const question = category?.questions.find((candidate) => candidate.key === key);
            return { key: `q-${key}`, label: question ? lt(question.label) : key, children: answerText(question, value, t, lt) };
          }),
        ]}
      />
      <FormModal<Values>
        open={editing}
        title={t('petitions.classifyTitle')}
        form={form}
        onCancel={() => setEditing(false)}
        onFinish={onFinish}
        submitting={classify.isPending}
        width={720}
        initialValues={valuesOf(petition)}
        testId="classify-modal"
      >
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('petitions.versionConflict')}
            action={
              <Button
                size="small"
                onClick={() => {
                  form.setFieldsValue(valuesOf(petition));
                  setConflict(false);
                }}
                data-testid="classify-load-latest"
              >
                {t('petitions.loadLatest')}
              </Button>
            }
            data-testid="classify-conflict"
          />
        ) : null}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="submissionType" label={t('petitions.submissionType')} rules={[{ required: true }]}>
              <Select options={enumOptions(submissionTypes, submissionTypeLabels, locale)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="categoryKey" label={t('petitions.category')}>
              <Select allowClear options={categories.map((candidate) => ({ value: candidate.key, label: lt(candidate.label), disabled: !candidate.active }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('petitions.title')} rules={[required(t, t('petitions.title')), maxLength(t, 80)]}>
          <Input maxLength={80} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="concernedName" label={t('petitions.concernedName')} rules={[maxLength(t, 40)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="concernedPost" label={t('petitions.concernedPost')} rules={[maxLength(t, 60)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="concernedUnit" label={t('petitions.concernedUnit')} rules={[maxLength(t, 100)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="objectLevel" label={t('petitions.objectLevel')}>
              <Select allowClear options={enumOptions(objectLevels, objectLevelLabels, locale)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="violationCategories" label={t('petitions.violationCategories')}>
              <Select mode="multiple" allowClear options={enumOptions(violationCategories, violationCategoryLabels, locale)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="assigneeId" label={t('petitions.assignee')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={assigneeOptions} loading={users.isLoading} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
