import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Select, Tag, Typography } from 'antd';
import { EditOutlined, UserSwitchOutlined } from '@ant-design/icons';
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
import { useSignedInSession } from '../../../shared/session.tsx';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { useClassifyPetition, usePetitionAssignees, useRefetchPetition } from '../petitions.api.ts';
import { answerText, CategoryQuestionFields, cleanAnswers } from './category-questions.tsx';
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
  extraAnswers?: Record<string, string | boolean | undefined>;
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
    extraAnswers: { ...petition.extraAnswers },
    assigneeId: petition.assigneeId,
  };
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

function sameAnswers(a: Record<string, string | boolean>, b: Record<string, string | boolean>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

/** The answers of the chosen category only (the form may still hold answers of another one). */
function answersFor(category: PetitionCategory | undefined, answers: Values['extraAnswers']): Record<string, string | boolean> {
  if (!category || !answers) return {};
  return cleanAnswers(Object.fromEntries(category.questions.map((question) => [question.key, answers[question.key]]))) ?? {};
}

/**
 * What the report says, and how staff classified it. The server's `capabilities` decide what can be edited here:
 * the classification (`classify`, with the questions of the category) and the officer in charge (`assign`).
 * Changes carry the version seen (VERSION_CONFLICT otherwise).
 */
export function ClassificationCard({ petition, categories }: { petition: PetitionDetail; categories: PetitionCategory[] }) {
  const { t, lt, locale } = useI18n();
  const { message } = App.useApp();
  const session = useSignedInSession();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const classify = useClassifyPetition(petition.id);
  const refetch = useRefetchPetition();
  const onError = usePetitionErrorHandler(petition.id);
  const { classify: canClassify, assign: canAssign } = petition.capabilities;
  const assignees = usePetitionAssignees(petition.id, editing && canAssign);
  const chosenKey = Form.useWatch('categoryKey', form);

  const category = categories.find((candidate) => candidate.key === petition.categoryKey);
  // In the dialog the questions follow the category chosen there.
  const chosenCategory = categories.find((candidate) => candidate.key === chosenKey);
  const answers = Object.entries(petition.extraAnswers);
  const assigneeOptions = useMemo(() => {
    const options = new Map<string, { label: string; post?: string | null }>();
    for (const officer of assignees.data ?? []) {
      options.set(officer.id, {
        label: officer.id === session.user.id ? t('petitions.assignedToMe', { name: officer.displayName }) : officer.displayName,
        post: officer.title,
      });
    }
    // The officer in charge now stays readable even after leaving the body.
    if (petition.assigneeId && !options.has(petition.assigneeId)) options.set(petition.assigneeId, { label: petition.assigneeName ?? petition.assigneeId });
    return [...options].map(([value, { label, post }]) => ({ value, label, post: post ?? undefined }));
  }, [assignees.data, petition.assigneeId, petition.assigneeName, session.user.id, t]);

  const open = () => {
    setConflict(false);
    setEditing(true);
  };

  const onCategoryChange = (key: string | undefined) => {
    // Back to the saved category: its saved answers again; another category starts with empty answers.
    form.setFieldValue('extraAnswers', (key ?? null) === petition.categoryKey ? { ...petition.extraAnswers } : {});
  };

  const classificationOf = (values: Values) => {
    const categoryKey = values.categoryKey ?? null;
    const chosen = categories.find((candidate) => candidate.key === categoryKey);
    const given = answersFor(chosen, values.extraAnswers);
    // Answers go with a changed category, or when they were edited; otherwise the saved ones stay as they are.
    const sendAnswers = chosen !== undefined && (categoryKey !== petition.categoryKey || !sameAnswers(given, petition.extraAnswers));
    return {
      submissionType: values.submissionType,
      categoryKey,
      title: values.title.trim(),
      concernedName: orNull(values.concernedName),
      concernedPost: orNull(values.concernedPost),
      concernedUnit: orNull(values.concernedUnit),
      objectLevel: values.objectLevel ?? null,
      violationCategories: values.violationCategories,
      ...(sendAnswers ? { extraAnswers: given } : {}),
    };
  };

  const onFinish = async (values: Values) => {
    try {
      await classify.mutateAsync({
        version: petition.version,
        ...(canClassify ? classificationOf(values) : {}),
        ...(canAssign ? { assigneeId: values.assigneeId ?? null } : {}),
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
      // CATEGORY_ANSWER_INVALID names each question (body.extraAnswers.<key>): the handler shows it at that question.
      if (onError(error, form)) setEditing(false);
    }
  };

  const editLabel = canClassify ? t('petitions.classify') : t('petitions.assign');
  const modalTitle = canClassify && canAssign ? t('petitions.classifyTitle') : editLabel;

  return (
    <Card
      title={t('petitions.section.content')}
      size="small"
      data-testid="petition-content"
      extra={
        canClassify || canAssign ? (
          <Button size="small" icon={canClassify ? <EditOutlined /> : <UserSwitchOutlined />} onClick={open} data-testid="petition-classify">
            {editLabel}
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
        title={modalTitle}
        form={form}
        onCancel={() => setEditing(false)}
        onFinish={onFinish}
        submitting={classify.isPending}
        width={canClassify ? 720 : 480}
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
        {canClassify ? (
          <>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="submissionType" label={t('petitions.submissionType')} rules={[{ required: true }]}>
                  <Select options={enumOptions(submissionTypes, submissionTypeLabels, locale)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="categoryKey" label={t('petitions.category')}>
                  <Select
                    allowClear
                    onChange={onCategoryChange}
                    options={categories.map((candidate) => ({ value: candidate.key, label: lt(candidate.label), disabled: !candidate.active }))}
                    data-testid="classify-category"
                  />
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
            {chosenCategory?.questions.length ? (
              <Card size="small" type="inner" title={t('petitions.categoryQuestions')} style={{ marginBottom: 16, background: '#fafbfc' }} data-testid="classify-questions">
                <CategoryQuestionFields questions={chosenCategory.questions} />
              </Card>
            ) : null}
          </>
        ) : null}
        {canAssign ? (
          <Form.Item name="assigneeId" label={t('petitions.assignee')} extra={t('petitions.assigneeHint', { body: petition.organizationName })}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={assigneeOptions}
              optionRender={(option) => (
                <Flex justify="space-between" gap={12}>
                  <span>{option.data.label}</span>
                  {option.data.post ? <Typography.Text type="secondary">{option.data.post}</Typography.Text> : null}
                </Flex>
              )}
              loading={assignees.isLoading}
              notFoundContent={assignees.isError ? t('petitions.assigneesFailed') : undefined}
              data-testid="classify-assignee"
            />
          </Form.Item>
        ) : null}
      </FormModal>
    </Card>
  );
}
