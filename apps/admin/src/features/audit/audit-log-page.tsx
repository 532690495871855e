import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Input, Table, Typography, type TableColumnsType } from 'antd';
import { SafetyOutlined, UndoOutlined } from '@ant-design/icons';
import type { AuditEntry, AuditVerifyResult, EndpointInput } from '@guantong/contracts';
import { callApi } from '../../shared/api-client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { formatDateTimeSeconds } from '../../shared/format.ts';
import { useSession } from '../../shared/session.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';

type AuditQuery = Omit<NonNullable<EndpointInput<'listAuditEntries'>['query']>, 'page' | 'pageSize'> & { page: number; pageSize: number };
const PAGE_SIZES = [20, 50, 100];

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre className="gt-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The tamper-evident trail of who did what, newest first; administrators can recompute the hash chain. */
export function AuditLogPage() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const onError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const pageSize = Number(params.get('pageSize'));
  const query: AuditQuery = {
    action: params.get('action') || undefined,
    subjectType: params.get('subjectType') || undefined,
    subjectId: params.get('subjectId') || undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
  const [draft, setDraft] = useState({ action: query.action ?? '', subjectType: query.subjectType ?? '', subjectId: query.subjectId ?? '' });
  useEffect(
    () => setDraft({ action: query.action ?? '', subjectType: query.subjectType ?? '', subjectId: query.subjectId ?? '' }),
    [query.action, query.subjectType, query.subjectId],
  );
  const entries = useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: ({ signal }) => callApi('listAuditEntries', { query }, { signal }),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => callApi('verifyAudit') });
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const hasFilters = Boolean(query.action || query.subjectType || query.subjectId);

  const apply = (changes: Record<string, string | number | undefined>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });

  const columns: TableColumnsType<AuditEntry> = [
    { title: '#', dataIndex: 'id', width: 80 },
    { title: t('audit.time'), dataIndex: 'occurredAt', width: 170, render: (value: string) => formatDateTimeSeconds(value) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('users.system')}</Typography.Text> },
    { title: t('audit.action'), dataIndex: 'action', width: 220, render: (action: string) => <Typography.Text code>{action}</Typography.Text> },
    { title: t('audit.subjectType'), dataIndex: 'subjectType', width: 130 },
    {
      title: t('audit.subjectId'),
      dataIndex: 'subjectId',
      ellipsis: true,
      render: (id: string | null) => (id ? <Typography.Text copyable={{ text: id }}>{id}</Typography.Text> : '—'),
    },
    { title: t('audit.reason'), dataIndex: 'reason', ellipsis: true, render: (reason: string | null) => reason ?? '—' },
  ];

  const runVerify = async () => {
    try {
      setResult(await verify.mutateAsync());
    } catch (error) {
      onError(error);
    }
  };

  return (
    <PageContainer
      title={t('menu.audit')}
      description={t('audit.description')}
      extra={
        hasRole('administrator') ? (
          <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={runVerify} data-testid="verify-audit">
            {t('audit.verify')}
          </Button>
        ) : null
      }
    >
      {result ? (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          style={{ marginBottom: 16 }}
          data-testid="verify-result"
          title={result.ok ? t('audit.verifyOk', { count: result.checked }) : t('audit.verifyBroken', { id: result.firstBrokenId ?? '?', count: result.checked })}
          description={result.ok ? undefined : result.reason}
        />
      ) : null}
      <Card>
        <Flex
          component="form"
          gap={12}
          wrap
          style={{ marginBottom: 16 }}
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            apply({ action: draft.action.trim(), subjectType: draft.subjectType.trim(), subjectId: draft.subjectId.trim() });
          }}
        >
          <Input
            value={draft.action}
            onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            placeholder={t('audit.actionPlaceholder')}
            style={{ width: 220 }}
            allowClear
            aria-label={t('audit.action')}
          />
          <Input
            value={draft.subjectType}
            onChange={(event) => setDraft({ ...draft, subjectType: event.target.value })}
            placeholder={t('audit.subjectTypePlaceholder')}
            style={{ width: 180 }}
            allowClear
            aria-label={t('audit.subjectType')}
          />
          <Input
            value={draft.subjectId}
            onChange={(event) => setDraft({ ...draft, subjectId: event.target.value })}
            placeholder={t('audit.subjectId')}
            style={{ width: 300 }}
            allowClear
            aria-label={t('audit.subjectId')}
          />
          <Button type="primary" htmlType="submit">
            {t('action.search')}
          </Button>
          {hasFilters ? (
            <Button icon={<UndoOutlined />} onClick={() => apply({ action: undefined, subjectType: undefined, subjectId: undefined })}>
              {t('action.resetFilters')}
            </Button>
          ) : null}
        </Flex>
        {entries.isError && !entries.data ? (
          <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            scroll={{ x: 1100 }}
            data-testid="audit-table"
            locale={{ emptyText: entries.isPending ? ' ' : <Empty description={hasFilters ? t('common.noMatch') : t('audit.empty')} /> }}
            expandable={{
              expandedRowRender: (entry) => (
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  items={[
                    { key: 'before', label: t('audit.before'), children: <Json value={entry.before} /> },
                    { key: 'after', label: t('audit.after'), children: <Json value={entry.after} /> },
                    { key: 'hash', label: t('audit.hash'), children: <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{entry.hash}</Typography.Text> },
                  ]}
                />
              ),
            }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: entries.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              // Past 10,000 matches the API stops counting; say so rather than show a false total.
              showTotal: (total) => t(entries.data?.totalCapped ? 'common.totalCapped' : 'common.total', { total }),
              onChange: (page, size) => apply(size !== query.pageSize ? { pageSize: size, page: undefined } : { page: page > 1 ? page : undefined }),
            }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
