import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Popconfirm, Row, Select, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { caseMeasureKindLabels, caseMeasureKinds, DETENTION_EXTENSION_MONTHS, DETENTION_MONTHS, type CaseDetail, type CaseMeasureKind } from '@guantong/contracts';
import { isApiError } from '../../../shared/api-client.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { chinaNow, formatDateTime } from '../../../shared/format.ts';
import { maxLength, textRules } from '../../../shared/form-rules.ts';
import { enumLabel, enumOptions } from '../../../shared/labels.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { SimpleTable, StackedCell } from '../../../shared/ui/list-view.tsx';
import { useAddCaseMeasure, useUpdateCaseMeasure, type CaseMeasureUpdateRequest } from '../cases.api.ts';
import { useCaseErrorHandler } from './use-case-error.ts';

type Measure = CaseDetail['measures'][number];

interface MeasureValues {
  kind: CaseMeasureKind;
  startedOn: Dayjs;
  endedOn?: Dayjs;
  approvedBy: string;
  note?: string;
}

interface EditValues {
  endedOn?: Dayjs | null;
  note?: string;
  extensionApprovedBy?: string;
}

// 监察法2024 art.48: a detention is decided for at most 3 months (its one extension is recorded on the measure).
const detentionLatestEnd = (start: Dayjs) => start.add(DETENTION_MONTHS, 'month').subtract(1, 'day');
// …and extended once by at most 3 months more: the last day it may ever last (the server's own limit, same arithmetic).
const extendedLatestEnd = (startedOn: string) =>
  dayjs(startedOn)
    .add(DETENTION_MONTHS + DETENTION_EXTENSION_MONTHS, 'month')
    .subtract(1, 'day')
    .format('YYYY-MM-DD');
const isoDay = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** The chosen end moves a detention past its term not yet extended: that is its one extension, approved one level up. */
function isExtension(measure: Measure, endedOn: string | null): boolean {
  return measure.kind === 'detention' && !measure.extendedOn && measure.latestEndOn !== null && endedOn !== null && endedOn > measure.latestEndOn;
}

/** A measure can be ended today: started, not ended yet, and (a detention) still within its term, so ending is no extension. */
function endableToday(measure: Measure, today: string): boolean {
  if (measure.startedOn > today || (measure.endedOn !== null && measure.endedOn <= today)) return false;
  return measure.kind !== 'detention' || measure.latestEndOn === null || today <= measure.latestEndOn;
}

/**
 * The investigative measures taken (谈话, 讯问, 留置 …) with their period and who approved them (a detention with the
 * last day it may last, and its extension). While the case is being investigated, those the server allows log a new one
 * (`capabilities.addMeasure`), and end, annotate or extend one (`capabilities.editMeasures`).
 */
export function MeasuresCard({ found }: { found: CaseDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeasureValues>();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Measure | null>(null);
  const add = useAddCaseMeasure(found.id);
  const update = useUpdateCaseMeasure(found.id);
  const onError = useCaseErrorHandler(found.id);
  const kind = Form.useWatch('kind', form);
  const today = chinaNow().format('YYYY-MM-DD');

  const endToday = async (measure: Measure) => {
    try {
      await update.mutateAsync({ measureId: measure.id, body: { endedOn: today, version: measure.version } });
      void message.success(t(measure.kind === 'detention' ? 'cases.detentionReleased' : 'cases.measureEnded'));
    } catch (error) {
      onError(error);
    }
  };

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
        scrollX={found.capabilities.editMeasures ? 960 : 720}
        emptyText={t('cases.noMeasures')}
        columns={[
          { title: t('cases.measureKind'), dataIndex: 'kind', width: 130, render: (value: CaseMeasureKind) => enumLabel(caseMeasureKindLabels, value, locale) },
          {
            title: t('cases.measurePeriod'),
            key: 'period',
            width: 240,
            render: (_value, measure) => (
              <StackedCell
                main={`${measure.startedOn} ~ ${measure.endedOn ?? t('cases.measureOngoing')}`}
                details={[
                  measure.latestEndOn ? <span data-testid="case-measure-latest-end">{t('cases.detentionLatestEnd', { date: measure.latestEndOn })}</span> : null,
                  measure.extendedOn ? (
                    <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="case-measure-extended">
                      {t('cases.detentionExtended', { approvedBy: measure.extensionApprovedBy ?? '—', date: measure.extendedOn })}
                    </Tag>
                  ) : null,
                ]}
              />
            ),
          },
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
          ...(found.capabilities.editMeasures
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 170,
                  fixed: 'right' as const,
                  render: (_value: unknown, measure: Measure, index: number) => (
                    <Flex gap={4} wrap>
                      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(measure)} data-testid={`case-measure-edit-${index}`}>
                        {t('action.edit')}
                      </Button>
                      {endableToday(measure, today) ? (
                        <Popconfirm
                          title={t(measure.kind === 'detention' ? 'cases.releaseDetentionConfirm' : 'cases.endMeasureConfirm', {
                            kind: enumLabel(caseMeasureKindLabels, measure.kind, locale),
                            date: today,
                          })}
                          okText={t(measure.kind === 'detention' ? 'cases.releaseDetention' : 'cases.endMeasure')}
                          cancelText={t('action.cancel')}
                          okButtonProps={{ loading: update.isPending, ...{ 'data-testid': 'case-measure-end-confirm' } }}
                          onConfirm={() => endToday(measure)}
                        >
                          <Button size="small" type="link" data-testid={`case-measure-end-${index}`}>
                            {t(measure.kind === 'detention' ? 'cases.releaseDetention' : 'cases.endMeasure')}
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <MeasureEditModal found={found} measure={editing} onClose={() => setEditing(null)} />
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

/**
 * Changes one measure: when it ends (a detention: the end of its term), and its note. Moving a detention's term past
 * its first 3 months is its one extension, by at most 3 months, and names who approved it (监察法2024 art.48); the
 * server checks all of this again. Sends the version seen: if someone changed the measure meanwhile, the page reloads.
 */
function MeasureEditModal({ found, measure, onClose }: { found: CaseDetail; measure: Measure | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateCaseMeasure(found.id);
  const onError = useCaseErrorHandler(found.id);
  const endedOn = Form.useWatch('endedOn', form);
  const detention = measure?.kind === 'detention';
  const extending = measure !== null && isExtension(measure, isoDay(endedOn));
  const endLabel = t(detention ? 'cases.detentionTermEnd' : 'cases.measureEndedOn');

  const onFinish = async (values: EditValues) => {
    if (!measure) return;
    const end = isoDay(values.endedOn);
    const note = values.note?.trim() || null;
    const body: CaseMeasureUpdateRequest = { version: measure.version };
    if (end !== measure.endedOn) body.endedOn = end;
    if (note !== (measure.note ?? null)) body.note = note;
    if (isExtension(measure, end)) {
      // Enter in the date field submits before the approval field shows: ask for it rather than send without.
      const approvedBy = values.extensionApprovedBy?.trim();
      if (!approvedBy) {
        form.setFields([{ name: 'extensionApprovedBy', errors: [t('validation.required', { field: t('cases.extensionApprovedBy') })] }]);
        return;
      }
      body.extensionApprovedBy = approvedBy;
    }
    if (body.endedOn === undefined && body.note === undefined) {
      onClose();
      return;
    }
    try {
      await update.mutateAsync({ measureId: measure.id, body });
      void message.success(t(body.extensionApprovedBy ? 'cases.detentionExtendedDone' : 'cases.measureUpdated'));
      onClose();
    } catch (error) {
      if (onError(error, form)) {
        onClose();
        return;
      }
      // The server's field details are in English: say the same next to the field in the reader's language.
      if (isApiError(error, 'MEASURE_LIMIT_EXCEEDED')) form.setFields([{ name: 'endedOn', errors: [error.message] }]);
      if (isApiError(error, 'CLUE_ACTION_INCOMPLETE')) form.setFields([{ name: 'extensionApprovedBy', errors: [t('validation.required', { field: t('cases.extensionApprovedBy') })] }]);
    }
  };

  return (
    <FormModal<EditValues>
      open={measure !== null}
      title={measure ? t('cases.editMeasure', { kind: enumLabel(caseMeasureKindLabels, measure.kind, locale) }) : ''}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={update.isPending}
      width={560}
      initialValues={{ endedOn: measure?.endedOn ? dayjs(measure.endedOn) : null, note: measure?.note ?? '' }}
      testId="case-measure-edit-modal"
    >
      {measure ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('cases.measureStartedOn')}：{measure.startedOn} · {t('cases.approvedBy')}：{measure.approvedBy}
          </Typography.Paragraph>
          <Form.Item
            name="endedOn"
            label={endLabel}
            extra={
              detention && measure.latestEndOn
                ? measure.extendedOn
                  ? t('cases.detentionExtendedHint', { date: measure.latestEndOn })
                  : t('cases.detentionTermHint', { date: measure.latestEndOn, limit: extendedLatestEnd(measure.startedOn) })
                : undefined
            }
            rules={[
              {
                validator: async (_rule, value?: Dayjs | null) => {
                  const end = isoDay(value);
                  // A detention's term can be moved, not removed (no end would be an unlimited extension).
                  if (!end) {
                    if (detention && measure.endedOn) throw new Error(t('validation.required', { field: endLabel }));
                    return;
                  }
                  if (end < measure.startedOn) throw new Error(t('cases.measureEndsBeforeStart'));
                  if (!detention || !measure.latestEndOn || end <= measure.latestEndOn) return;
                  if (measure.extendedOn) throw new Error(t('cases.detentionExtendedOnce', { date: measure.latestEndOn }));
                  const limit = extendedLatestEnd(measure.startedOn);
                  if (end > limit) throw new Error(t('cases.detentionExtensionTooLong', { date: limit }));
                },
              },
            ]}
          >
            <DatePicker
              style={{ width: '100%' }}
              allowClear={!(detention && measure.endedOn)}
              disabledDate={(date) => date.format('YYYY-MM-DD') < measure.startedOn}
              autoFocus
              data-testid="case-measure-ended-on"
            />
          </Form.Item>
          {extending ? (
            <Alert
              type="warning"
              showIcon
              title={t('cases.detentionExtending', { from: measure.latestEndOn ?? '', to: isoDay(endedOn) ?? '' })}
              style={{ marginBottom: 16 }}
              data-testid="case-measure-extending"
            />
          ) : null}
          {/* Always in the form (hidden unless extending), so a problem found on submit stays with it until it shows. */}
          <Form.Item
            name="extensionApprovedBy"
            label={t('cases.extensionApprovedBy')}
            hidden={!extending}
            rules={extending ? textRules(t, t('cases.extensionApprovedBy'), 60) : []}
            extra={t('cases.extensionApprovedByHint')}
          >
            <Input maxLength={60} placeholder={t('cases.extensionApprovedByPlaceholder')} data-testid="case-measure-extension-approved-by" />
          </Form.Item>
          <Form.Item name="note" label={t('cases.noteOptional')} rules={[maxLength(t, 2000)]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}
