import { useState } from 'react';
import { Alert, App, Button, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { maxLength } from '../../../shared/form-rules.ts';
import { useSession } from '../../../shared/session.tsx';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { useCreateCaseReview, useReviewChecklists } from '../cases.api.ts';

interface ReviewValues {
  checklistId?: string;
  scores?: Record<string, { score?: number; problem?: string }>;
}

/** Leaders and the case-management office score cases (案件质量评查). */
export function useMayReviewCases(): boolean {
  const { hasRole } = useSession();
  return hasRole('leader') || hasRole('case_management_officer');
}

/**
 * 案件质量评查: the case scored against one active checklist, item by item (each at most its maximum, starting from
 * full marks), with the problem found where points are taken off.
 */
export function CaseReviewButton({ found }: { found: CaseDetail }) {
  const { t, lt } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReviewValues>();
  const checklists = useReviewChecklists(open);
  const create = useCreateCaseReview(found.id);
  const checklistId = Form.useWatch('checklistId', form);
  const scores = Form.useWatch('scores', form);
  const active = (checklists.data ?? []).filter((checklist) => checklist.active);
  const checklist = active.find((candidate) => candidate.id === checklistId);
  const total = checklist ? checklist.items.reduce((sum, item) => sum + (scores?.[item.key]?.score ?? 0), 0) : 0;
  const max = checklist ? checklist.items.reduce((sum, item) => sum + item.maxScore, 0) : 0;

  const pick = (id: string) => {
    const chosen = active.find((candidate) => candidate.id === id);
    form.setFieldsValue({ scores: Object.fromEntries((chosen?.items ?? []).map((item) => [item.key, { score: item.maxScore, problem: undefined }])) });
  };

  const onFinish = async (values: ReviewValues) => {
    if (!checklist) return;
    try {
      const review = await create.mutateAsync({
        checklistId: checklist.id,
        scores: checklist.items.map((item) => {
          const entry = values.scores?.[item.key];
          const problem = entry?.problem?.trim();
          return { key: item.key, score: entry?.score ?? 0, ...(problem ? { problem } : {}) };
        }),
      });
      void message.success(t('reviews.saved', { total: review.totalScore, max: review.maxScore }));
      setOpen(false);
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <>
      <Button icon={<AuditOutlined />} onClick={() => setOpen(true)} data-testid="case-review">
        {t('reviews.review')}
      </Button>
      <FormModal<ReviewValues>
        open={open}
        title={t('reviews.reviewTitle', { caseNumber: found.caseNumber })}
        form={form}
        onCancel={() => setOpen(false)}
        onFinish={onFinish}
        submitting={create.isPending}
        okText={t('reviews.submit')}
        width={760}
        testId="case-review-modal"
      >
        <Form.Item name="checklistId" label={t('reviews.checklist')} rules={[{ required: true, message: t('reviews.checklistRequired') }]}>
          <Select
            options={active.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            loading={checklists.isLoading}
            onChange={pick}
            autoFocus
            notFoundContent={checklists.isError ? checklists.error.message : t('reviews.noChecklists')}
            data-testid="case-review-checklist"
          />
        </Form.Item>
        {checklist ? (
          <Flex vertical gap={4}>
            {checklist.items.map((item) => (
              <Row key={item.key} gutter={12} align="top">
                <Col xs={24} md={9}>
                  <Form.Item
                    name={['scores', item.key, 'score']}
                    label={t('reviews.itemScore', { item: lt(item.label), max: item.maxScore })}
                    rules={[{ required: true, type: 'number', min: 0, max: item.maxScore, message: t('reviews.scoreInvalid', { max: item.maxScore }) }]}
                  >
                    <InputNumber min={0} max={item.maxScore} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={15}>
                  <Form.Item name={['scores', item.key, 'problem']} label={t('reviews.problem')} rules={[maxLength(t, 2000)]}>
                    <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder={t('reviews.problemHint')} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Alert type="info" showIcon title={t('reviews.total', { total, max })} data-testid="case-review-total" />
          </Flex>
        ) : (
          <Typography.Paragraph type="secondary">{t('reviews.pickChecklist')}</Typography.Paragraph>
        )}
      </FormModal>
    </>
  );
}
