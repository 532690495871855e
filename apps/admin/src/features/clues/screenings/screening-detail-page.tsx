import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Flex, Form, Input, Select, Table, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import type { EndpointResponse } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { textRules } from '../../../shared/form-rules.ts';
import { useSession, useSignedInSession } from '../../../shared/session.tsx';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { BackLink, RecordPage } from '../../../shared/ui/record-page.tsx';
import { useApiErrorHandler } from '../../../shared/use-api-feedback.ts';
import { useOfficerOptions } from '../../users/officer-options.ts';
import { PersonCell } from '../../cases/components/case-columns.tsx';
import { ClueStatusTag } from '../components/clue-status-tag.tsx';
import { useAssignScreeningReviewer, useCloseScreening, useConcludeScreeningItem, useScreening } from '../clues.api.ts';
import { ScreeningProgress, ScreeningStatusTag } from './screening-list-page.tsx';

type Screening = EndpointResponse<'getScreening'>;
type Item = Screening['items'][number];

/** One screening batch: its clues, the reviewer of each and the conclusion; assigning, concluding and closing where allowed. */
export function ScreeningDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useScreening(id);
  return (
    <RecordPage
      query={query}
      title={t('screenings.detail')}
      notFound={{ title: t('screenings.notFound'), hint: t('screenings.notFoundHint'), testId: 'screening-not-found', backTo: '/clue-screenings', backLabel: t('screenings.backToList') }}
    >
      {(screening) => <ScreeningView screening={screening} />}
    </RecordPage>
  );
}

function ScreeningView({ screening }: { screening: Screening }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { hasRole } = useSession();
  const { user } = useSignedInSession();
  const onError = useApiErrorHandler();
  // The reviewers already named stay labelled whatever the picker was last searched for.
  const named = useMemo(
    () => screening.items.flatMap((item) => (item.reviewerId && item.reviewerName ? [{ id: item.reviewerId, name: item.reviewerName }] : [])),
    [screening.items],
  );
  const officers = useOfficerOptions({ current: named });
  const assign = useAssignScreeningReviewer(screening.id);
  const close = useCloseScreening(screening.id);
  const [concluding, setConcluding] = useState<Item | null>(null);
  const open = screening.status === 'open';
  const manage = screening.capabilities.manage;
  // The reviewer records the conclusion of their clue; a leader managing the batch may record any.
  const mayConclude = (item: Item) => open && (item.reviewerId === user.id || (manage && hasRole('leader')));
  const complete = screening.concluded === screening.total;

  const onAssign = async (itemId: string, reviewerId: string) => {
    try {
      await assign.mutateAsync({ itemId, reviewerId });
      void message.success(t('screenings.assigned'));
    } catch (error) {
      onError(error);
    }
  };

  const onClose = async () => {
    try {
      await close.mutateAsync();
      void message.success(t('screenings.closedDone'));
    } catch (error) {
      onError(error);
    }
  };

  return (
    <PageContainer
      title={screening.title}
      description={<BackLink to="/clue-screenings" label={t('screenings.backToList')} />}
      extra={
        manage && hasRole('leader') ? (
          <Tooltip title={complete ? undefined : t('screenings.closeIncomplete')}>
            <Button type="primary" icon={<CheckCircleOutlined />} disabled={!complete} loading={close.isPending} onClick={() => void onClose()} data-testid="screening-close">
              {t('screenings.close')}
            </Button>
          </Tooltip>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <Card size="small" data-testid="screening-header">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: 'status', label: t('field.status'), children: <ScreeningStatusTag status={screening.status} /> },
              { key: 'progress', label: t('screenings.progress'), children: <ScreeningProgress concluded={screening.concluded} total={screening.total} /> },
              { key: 'by', label: t('screenings.createdBy'), children: `${screening.createdByName} · ${formatDateTime(screening.createdAt)}` },
              { key: 'closed', label: t('screenings.closedAt'), children: formatDateTime(screening.closedAt) },
              ...(screening.note ? [{ key: 'note', label: t('screenings.note'), span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{screening.note}</span> }] : []),
            ]}
          />
        </Card>
        <Card size="small" title={t('screenings.items')}>
          <Table<Item>
            rowKey="id"
            size="small"
            dataSource={screening.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 1100 }}
            data-testid="screening-items"
            columns={[
              {
                title: t('clues.serialNumber'),
                key: 'serial',
                width: 130,
                render: (_value, item) => <Link to={`/clues/${item.clue.id}`}>{item.clue.serialNumber}</Link>,
              },
              { title: t('clues.title'), key: 'title', render: (_value, item) => item.clue.title },
              { title: t('clues.concerned'), key: 'concerned', width: 150, render: (_value, item) => <PersonCell name={item.clue.concernedName} unit={item.clue.concernedUnit} /> },
              { title: t('field.status'), key: 'status', width: 130, render: (_value, item) => <ClueStatusTag status={item.clue.status} /> },
              {
                title: t('screenings.reviewer'),
                key: 'reviewer',
                width: 200,
                render: (_value, item) =>
                  manage && officers.available ? (
                    <Select
                      value={item.reviewerId ?? undefined}
                      options={officers.options}
                      loading={officers.loading || (assign.isPending && assign.variables?.itemId === item.id)}
                      onChange={(reviewerId: string) => void onAssign(item.id, reviewerId)}
                      showSearch={officers.search}
                      placeholder={t('screenings.pickReviewer')}
                      popupMatchSelectWidth={false}
                      style={{ width: '100%' }}
                      aria-label={t('screenings.reviewer')}
                      data-testid="screening-reviewer"
                    />
                  ) : (
                    (item.reviewerName ?? <Typography.Text type="secondary">{t('screenings.noReviewer')}</Typography.Text>)
                  ),
              },
              {
                title: t('screenings.conclusion'),
                key: 'conclusion',
                width: 280,
                render: (_value, item) => (
                  <Flex vertical gap={4} align="flex-start">
                    {item.conclusion ? (
                      <>
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true, symbol: t('action.more') }}>
                          {item.conclusion}
                        </Typography.Paragraph>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(item.concludedAt)}
                        </Typography.Text>
                      </>
                    ) : (
                      <Typography.Text type="secondary">{t('screenings.noConclusion')}</Typography.Text>
                    )}
                    {mayConclude(item) ? (
                      <Button size="small" icon={<EditOutlined />} onClick={() => setConcluding(item)} data-testid="screening-conclude">
                        {item.conclusion ? t('screenings.changeConclusion') : t('screenings.conclude')}
                      </Button>
                    ) : null}
                  </Flex>
                ),
              },
            ]}
          />
          {manage && !officers.available ? (
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              {t('screenings.reviewerPickerUnavailable')}
            </Typography.Paragraph>
          ) : null}
        </Card>
      </Flex>
      <ConcludeModal screening={screening} item={concluding} onClose={() => setConcluding(null)} />
    </PageContainer>
  );
}

function ConcludeModal({ screening, item, onClose }: { screening: Screening; item: Item | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ conclusion: string }>();
  const conclude = useConcludeScreeningItem(screening.id);

  const onFinish = async ({ conclusion }: { conclusion: string }) => {
    if (!item) return;
    try {
      await conclude.mutateAsync({ itemId: item.id, conclusion: conclusion.trim() });
      void message.success(t('screenings.concluded'));
      onClose();
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <FormModal<{ conclusion: string }>
      open={item !== null}
      title={item ? t('screenings.concludeTitle', { serial: item.clue.serialNumber }) : ''}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={conclude.isPending}
      initialValues={{ conclusion: item?.conclusion ?? '' }}
      width={620}
      testId="screening-conclude-modal"
    >
      {item ? <Typography.Paragraph type="secondary">{item.clue.title}</Typography.Paragraph> : null}
      <Form.Item name="conclusion" label={t('screenings.conclusion')} rules={textRules(t, t('screenings.conclusion'), 5000, 2)}>
        <Input.TextArea rows={6} maxLength={5000} showCount autoFocus data-testid="screening-conclusion" />
      </Form.Item>
    </FormModal>
  );
}
