import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { caseMeasureKindLabels, caseMeasureKinds, DETENTION_MONTHS, type CaseDetail, type CaseMeasureKind } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { chinaNow, formatDateTime } from '../../../shared/format.ts';
import { maxLength, textRules } from '../../../shared/form-rules.ts';
import { enumLabel, enumOptions } from '../../../shared/labels.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { SimpleTable } from '../../../shared/ui/list-view.tsx';
import { useAddCaseMeasure } from '../cases.api.ts';
import { useCaseErrorHandler } from './use-case-error.ts';

type Measure = CaseDetail['measures'][number];

interface MeasureValues {
  kind: CaseMeasureKind;
  startedOn: Dayjs;
  endedOn?: Dayjs;
  approvedBy: string;
  note?: string;
}

// 监察法2024 art.48: a detention is decided for at most 3 months (its one extension is recorded on the measure).
const detentionLatestEnd = (start: Dayjs) => start.add(DETENTION_MONTHS, 'month').subtract(1, 'day');

/**
 * The investigative measures taken (谈话, 讯问, 留置 …) with their period and who approved them. While the case is
 * being investigated, those the server allows (`capabilities.addMeasure`) log a new one.
 */
export function MeasuresCard({ found }: { found: CaseDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeasureValues>();
  const [open, setOpen] = useState(false);
  const add = useAddCaseMeasure(found.id);
  const onError = useCaseErrorHandler(found.id);
  const kind = Form.useWatch('kind', form);

  const onFinish = async (values: MeasureValues) => {
    try {
      await add.mutateAsync({
        kind: values.kind,
        startedOn: values.startedOn.format('YYYY-MM-DD'),
        endedOn: values.endedOn ? values.endedOn.format('YYYY-MM-DD') : null,
        approvedBy: values.approvedBy.trim(),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      void message.success(t('cases.measureAdded'));
      setOpen(false);
    } catch (error) {
      if (onError(error, form)) setOpen(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('cases.section.measures')}
      data-testid="case-measures"
      extra={
        found.capabilities.addMeasure ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="case-add-measure">
            {t('cases.addMeasure')}
          </Button>
        ) : null
      }
    >
      <SimpleTable<Measure>
        rows={found.measures}
        scrollX={720}
        emptyText={t('cases.noMeasures')}
        columns={[
          { title: t('cases.measureKind'), dataIndex: 'kind', width: 130, render: (value: CaseMeasureKind) => enumLabel(caseMeasureKindLabels, value, locale) },
          { title: t('cases.measurePeriod'), key: 'period', width: 200, render: (_value, measure) => `${measure.startedOn} ~ ${measure.endedOn ?? t('cases.measureOngoing')}` },
          { title: t('cases.approvedBy'), dataIndex: 'approvedBy', width: 120 },
          { title: t('field.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
          {
            title: t('cases.recordedBy'),
            key: 'recorded',
            width: 150,
            render: (_value, measure) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {measure.recordedByName} · {formatDateTime(measure.createdAt)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <FormModal<MeasureValues>
        open={open}
        title={t('cases.addMeasure')}
        form={form}
        onCancel={() => setOpen(false)}
        onFinish={onFinish}
        submitting={add.isPending}
        okText={t('cases.addMeasure')}
        initialValues={{ startedOn: chinaNow() }}
        testId="case-measure-modal"
      >
        <Form.Item name="kind" label={t('cases.measureKind')} rules={[{ required: true, message: t('cases.measureKindRequired') }]} extra={kind === 'detention' ? t('cases.detentionHint') : undefined}>
          <Select options={enumOptions(caseMeasureKinds, caseMeasureKindLabels, locale)} autoFocus data-testid="case-measure-kind" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startedOn" label={t('cases.measureStartedOn')} rules={[{ required: true, message: t('validation.required', { field: t('cases.measureStartedOn') }) }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="endedOn"
              label={t('cases.measureEndedOn')}
              dependencies={['startedOn', 'kind']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value?: Dayjs) => {
                    const start = getFieldValue('startedOn') as Dayjs | undefined;
                    if (!value || !start) return;
                    if (value.isBefore(start, 'day')) throw new Error(t('cases.measureEndsBeforeStart'));
                    if (getFieldValue('kind') === 'detention' && value.isAfter(detentionLatestEnd(start), 'day')) throw new Error(t('cases.detentionTooLong'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="approvedBy" label={t('cases.approvedBy')} rules={textRules(t, t('cases.approvedBy'), 60)} extra={t('cases.approvedByHint')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={t('cases.noteOptional')} rules={[maxLength(t, 2000)]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
