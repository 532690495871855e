import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { CategoryQuestion } from '@guantong/contracts';
import { useI18n, type Translate } from '../../../shared/i18n.tsx';
import { maxLength } from '../../../shared/form-rules.ts';

/**
 * The extra questions of a category as form fields under `extraAnswers.<key>`.
 * Answers are what the contract stores: text (a select stores its option's Chinese text, a date YYYY-MM-DD) or yes/no.
 */
export function CategoryQuestionFields({ questions }: { questions: CategoryQuestion[] }) {
  const { t, lt } = useI18n();
  return (
    <>
      {questions.map((question) => {
        const label = lt(question.label);
        const requiredRule = question.required
          ? [{ required: true, whitespace: question.type !== 'yesno', message: t('validation.required', { field: label }) }]
          : [];
        const name = ['extraAnswers', question.key];
        const testId = `question-${question.key}`;
        switch (question.type) {
          case 'text':
            return (
              <Form.Item key={question.key} name={name} label={label} rules={[...requiredRule, maxLength(t, 500)]}>
                <Input maxLength={500} data-testid={testId} />
              </Form.Item>
            );
          case 'textarea':
            return (
              <Form.Item key={question.key} name={name} label={label} rules={[...requiredRule, maxLength(t, 500)]}>
                <Input.TextArea rows={3} maxLength={500} showCount data-testid={testId} />
              </Form.Item>
            );
          case 'select':
            return (
              <Form.Item key={question.key} name={name} label={label} rules={requiredRule}>
                <Select allowClear options={(question.options ?? []).map((option) => ({ value: option.zhCN, label: lt(option) }))} data-testid={testId} />
              </Form.Item>
            );
          case 'date':
            return (
              <Form.Item
                key={question.key}
                name={name}
                label={label}
                rules={requiredRule.map((rule) => ({ ...rule, whitespace: false }))}
                getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : undefined })}
                normalize={(value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined)}
              >
                <DatePicker style={{ width: '100%' }} data-testid={testId} />
              </Form.Item>
            );
          case 'yesno':
            return (
              <Form.Item key={question.key} name={name} label={label} rules={requiredRule}>
                <Radio.Group
                  options={[
                    { value: true, label: t('common.yes') },
                    { value: false, label: t('common.no') },
                  ]}
                  data-testid={testId}
                />
              </Form.Item>
            );
        }
      })}
    </>
  );
}

/** An answer as read in the detail page. */
export function answerText(question: CategoryQuestion | undefined, value: string | boolean, t: Translate, lt: (text: { zhCN: string; en: string }) => string): string {
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (question?.type === 'select') {
    const option = question.options?.find((candidate) => candidate.zhCN === value);
    return option ? lt(option) : value;
  }
  return value;
}

/** Drops blank answers, so optional questions left empty are not sent. */
export function cleanAnswers(answers: Record<string, string | boolean | undefined | null> | undefined): Record<string, string | boolean> | undefined {
  if (!answers) return undefined;
  const entries = Object.entries(answers).filter((entry): entry is [string, string | boolean] => {
    const value = entry[1];
    return typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== '');
  });
  return entries.length ? Object.fromEntries(entries.map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value])) : undefined;
}
