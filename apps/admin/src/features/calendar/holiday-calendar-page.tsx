import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, App, Button, Calendar, Card, Col, DatePicker, Empty, Flex, Form, Input, Popconfirm, Radio, Row, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { calendarDayKinds, type CalendarDay, type CalendarDayKind } from '@guantong/contracts';
import { callApi } from '../../shared/api-client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { maxLength, required } from '../../shared/form-rules.ts';
import { calendarKindLabel } from '../../shared/labels.ts';
import { FormModal } from '../../shared/ui/form-modal.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';

const DATE = 'YYYY-MM-DD';

function useCalendarYear(year: number) {
  return useQuery({ queryKey: ['calendar', year], queryFn: ({ signal }) => callApi('listCalendarDays', { query: { year } }, { signal }) });
}

function useSaveDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, name }: { date: string; kind: CalendarDayKind; name: string }) => callApi('upsertCalendarDay', { params: { date }, body: { kind, name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

function useDeleteDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => callApi('deleteCalendarDay', { params: { date } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

interface Values {
  date: Dayjs;
  kind: CalendarDayKind;
  name: string;
}

type Dialog = { mode: 'create'; date?: Dayjs } | { mode: 'edit'; day: CalendarDay } | null;

const isWeekend = (date: Dayjs) => date.day() === 0 || date.day() === 6;

/**
 * Exceptions to the Monday–Friday week (statutory holidays and swapped workdays, 调休) that deadline
 * counting in working days relies on.
 */
export function HolidayCalendarPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = Math.min(2100, Math.max(2000, Number(params.get('year')) || dayjs().year()));
  const [month, setMonth] = useState<Dayjs>(() => (year === dayjs().year() ? dayjs().startOf('month') : dayjs(`${year}-01-01`)));
  const days = useCalendarYear(year);
  const save = useSaveDay();
  const remove = useDeleteDay();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<Values>();
  const pickedDate = Form.useWatch('date', form);
  const pickedKind = Form.useWatch('kind', form);

  const byDate = useMemo(() => new Map((days.data ?? []).map((day) => [day.date, day])), [days.data]);

  const setYear = (next: number) => {
    setParams((previous) => {
      const copy = new URLSearchParams(previous);
      copy.set('year', String(next));
      return copy;
    });
    setMonth(next === dayjs().year() ? dayjs().startOf('month') : dayjs(`${next}-01-01`));
  };

  const openFor = (date: Dayjs) => {
    const existing = byDate.get(date.format(DATE));
    setDialog(existing ? { mode: 'edit', day: existing } : { mode: 'create', date });
  };

  const onFinish = async (values: Values) => {
    const date = values.date.format(DATE);
    try {
      await save.mutateAsync({ date, kind: values.kind, name: values.name.trim() });
      void message.success(t('calendar.saved', { date }));
      setDialog(null);
      if (values.date.year() !== year) setYear(values.date.year());
    } catch (error) {
      onError(error, form);
    }
  };

  const onDelete = async (day: CalendarDay) => {
    try {
      await remove.mutateAsync(day.date);
      void message.success(t('calendar.deleted', { date: day.date }));
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<CalendarDay> = [
    { title: t('field.date'), dataIndex: 'date', width: 108 },
    { title: t('calendar.weekday'), key: 'weekday', width: locale === 'en' ? 100 : 72, render: (_value, day) => dayjs(day.date).format('dddd') },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: locale === 'en' ? 140 : 96,
      render: (kind: CalendarDayKind) => <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{calendarKindLabel(kind, locale)}</Tag>,
    },
    { title: t('calendar.name'), dataIndex: 'name', ellipsis: true, width: 150 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 76,
      fixed: 'right',
      render: (_value, day) => (
        <Flex gap={2}>
          <Tooltip title={t('action.edit')}>
            <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('action.edit')} onClick={() => setDialog({ mode: 'edit', day })} />
          </Tooltip>
          <Popconfirm
            title={t('calendar.deleteConfirm', { date: day.date })}
            description={t('calendar.deleteHint')}
            okText={t('action.delete')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onDelete(day)}
          >
            <Tooltip title={t('action.delete')}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`delete-day-${day.date}`} />
            </Tooltip>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  // Marking a weekend as holiday, or a weekday as swapped workday, changes nothing: say so before saving.
  const pointless = pickedDate && pickedKind && (pickedKind === 'holiday' ? isWeekend(pickedDate) : !isWeekend(pickedDate));

  return (
    <PageContainer
      title={t('menu.calendar')}
      description={t('calendar.description')}
      extra={
        <>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(value) => value && setYear(value.year())}
            aria-label={t('calendar.year')}
            data-testid="calendar-year"
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })} data-testid="add-calendar-day">
            {t('calendar.add')}
          </Button>
        </>
      }
    >
      {days.isError ? (
        <QueryError error={days.error} onRetry={() => void days.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={11}>
            <Card title={t('calendar.listTitle', { year })}>
              {days.isPending ? (
                <Skeleton active paragraph={{ rows: 8 }} />
              ) : (
                <Table<CalendarDay>
                  rowKey="date"
                  size="small"
                  columns={columns}
                  dataSource={days.data}
                  pagination={false}
                  scroll={{ x: 500, y: 620 }}
                  loading={days.isFetching}
                  data-testid="calendar-table"
                  locale={{ emptyText: <Empty description={t('calendar.empty', { year })} /> }}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={13}>
            <Card title={t('calendar.viewTitle')}>
              <Calendar
                value={month}
                validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
                onPanelChange={(value) => setMonth(value.startOf('month'))}
                onSelect={(value, info) => {
                  setMonth(value.startOf('month'));
                  if (info.source === 'date') openFor(value);
                }}
                cellRender={(value, info) => {
                  if (info.type !== 'date') return info.originNode;
                  const day = byDate.get(value.format(DATE));
                  // The usual marks of a Chinese calendar: 休 for a day off, 班 for a swapped workday.
                  return day ? (
                    <div className={`gt-calendar-cell ${day.kind}`} title={`${calendarKindLabel(day.kind, locale)} · ${day.name}`} data-testid={`calendar-cell-${day.date}`}>
                      <span className="gt-calendar-mark">{day.kind === 'holiday' ? t('calendar.markHoliday') : t('calendar.markWorkday')}</span> {day.name}
                    </div>
                  ) : null;
                }}
                data-testid="calendar-view"
              />
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t('calendar.clickHint')}
              </Typography.Paragraph>
            </Card>
          </Col>
        </Row>
      )}

      <FormModal<Values>
        open={dialog !== null}
        title={dialog?.mode === 'edit' ? t('calendar.edit', { date: dialog.day.date }) : t('calendar.add')}
        form={form}
        onCancel={() => setDialog(null)}
        onFinish={onFinish}
        submitting={save.isPending}
        testId="calendar-form"
        initialValues={
          dialog?.mode === 'edit'
            ? { date: dayjs(dialog.day.date), kind: dialog.day.kind, name: dialog.day.name }
            : { date: dialog?.date, kind: dialog?.date && isWeekend(dialog.date) ? 'workday' : 'holiday' }
        }
      >
        <Form.Item name="date" label={t('field.date')} rules={[{ required: true, message: t('validation.required', { field: t('field.date') }) }]}>
          <DatePicker disabled={dialog?.mode === 'edit'} style={{ width: '100%' }} format={DATE} />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true, message: t('validation.required', { field: t('calendar.kind') }) }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={calendarDayKinds.map((kind) => ({ value: kind, label: calendarKindLabel(kind, locale) }))}
          />
        </Form.Item>
        {pointless ? <Alert type="warning" showIcon title={pickedKind === 'holiday' ? t('calendar.alreadyWeekend') : t('calendar.alreadyWorkday')} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="name" label={t('calendar.name')} rules={[required(t, t('calendar.name')), maxLength(t, 30)]} extra={t('calendar.nameHint')}>
          <Input autoFocus={dialog?.mode === 'edit'} />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
