import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { clueHandoffStatusLabels, type PetitionDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { enumLabel } from '../../../shared/labels.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { useHandOffToClues } from '../petitions.api.ts';
import { usePetitionErrorHandler } from './use-petition-error.ts';

/**
 * 转为问题线索: a problem clue about a cadre goes to the clue ledger with a summary, where the server offers it
 * (`capabilities.handOffToClues`); once done, its state shows here.
 */
export function ClueHandoffCard({ petition }: { petition: PetitionDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ summary: string }>();
  const [open, setOpen] = useState(false);
  const handOff = useHandOffToClues(petition.id);
  const onError = usePetitionErrorHandler(petition.id);
  const { clueHandoff } = petition;
  const offerable = petition.capabilities.handOffToClues;
  if (!clueHandoff && !offerable) return null;
  // A starting point for the summary: who the clue is about, and what.
  const concerned = [petition.concernedName, petition.concernedPost, petition.concernedUnit].filter(Boolean).join('，');

  const onFinish = async ({ summary }: { summary: string }) => {
    try {
      await handOff.mutateAsync({ summary: summary.trim() });
      void message.success(t('petitions.handedOff'));
      setOpen(false);
    } catch (error) {
      if (onError(error, form)) setOpen(false);
    }
  };

  return (
    <Card size="small" title={t('petitions.section.clues')} data-testid="petition-clue-handoff">
      {clueHandoff ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'status',
              label: t('field.status'),
              children: (
                <Tag color={clueHandoff.status === 'pending' ? 'processing' : 'success'} data-testid="clue-handoff-status" data-status={clueHandoff.status}>
                  {enumLabel(clueHandoffStatusLabels, clueHandoff.status, locale)}
                </Tag>
              ),
            },
            { key: 'at', label: t('petitions.handedOffAt'), children: formatDateTime(clueHandoff.createdAt) },
            // The result the clue ledger fed back when the clue closed (结果反馈).
            ...(clueHandoff.result
              ? [
                  {
                    key: 'result',
                    label: t('petitions.clueResult'),
                    children: (
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="clue-handoff-result">
                        {clueHandoff.result}
                      </Typography.Paragraph>
                    ),
                  },
                  { key: 'resultAt', label: t('petitions.clueResultAt'), children: clueHandoff.resultAt ? formatDateTime(clueHandoff.resultAt) : '' },
                ]
              : []),
          ]}
        />
      ) : offerable ? (
        <>
          <Typography.Paragraph type="secondary">{t('petitions.handOffHint')}</Typography.Paragraph>
          <Button icon={<SendOutlined />} onClick={() => setOpen(true)} data-testid="clue-handoff">
            {t('petitions.handOff')}
          </Button>
        </>
      ) : null}
      <FormModal<{ summary: string }>
        open={open}
        title={t('petitions.handOff')}
        form={form}
        onCancel={() => setOpen(false)}
        onFinish={onFinish}
        submitting={handOff.isPending}
        okText={t('petitions.handOffSubmit')}
        initialValues={{ summary: concerned ? `${concerned}：${petition.title}` : petition.title }}
        testId="clue-handoff-modal"
      >
        <Form.Item
          name="summary"
          label={t('petitions.clueSummary')}
          rules={[required(t, t('petitions.clueSummary')), { min: 5, message: t('validation.minLength', { min: 5 }) }, maxLength(t, 2000)]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount data-testid="clue-summary" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
