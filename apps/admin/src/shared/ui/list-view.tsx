import { useEffect, useState, type ReactNode } from 'react';
import { Button, DatePicker, Empty, Flex, Input, Select, Table, Tabs, Typography, type TableColumnType, type TableColumnsType, type TableProps } from 'antd';
import { DownloadOutlined, UndoOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { DeadlineState, Page } from '@guantong/contracts';
import { useI18n } from '../i18n.tsx';
import { formatDateTime } from '../format.ts';
import { clearedFilters, PAGE_SIZES, type ListUpdate, type SortState } from '../list-params.ts';
import { DeadlineStateTag } from './deadline-state-tag.tsx';
import { QueryError } from './query-error.tsx';

// The building blocks of the list pages (queues, ledgers, registers): the same look and the same URL behaviour.

const deadlineTabs = ['all', 'overdue', 'due_soon', 'on_time'] as const;

/** 全部 / 超期督办 / 即将到期 / 正常: the deadline state filter as tabs over a list. */
export function DeadlineTabs({ value, update, testIdPrefix }: { value: string | undefined; update: ListUpdate; testIdPrefix: string }) {
  const { t } = useI18n();
  return (
    <Tabs
      activeKey={value ?? 'all'}
      onChange={(key) => update({ deadlineState: key === 'all' ? null : key })}
      items={deadlineTabs.map((key) => ({ key, label: <span data-testid={`${testIdPrefix}-tab-${key}`}>{t(`list.tab.${key}`)}</span> }))}
      style={{ marginTop: -8 }}
    />
  );
}

export const deadlineFilterStates = ['on_time', 'due_soon', 'overdue'] as const satisfies readonly DeadlineState[];

/** The search box: typed freely, applied on Enter or the button (then written to the URL as `q`). */
export function ListSearch({ value, update, placeholder, maxLength, testId }: { value: string | undefined; update: ListUpdate; placeholder: string; maxLength?: number; testId: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      value={text}
      maxLength={maxLength}
      onChange={(event) => setText(event.target.value)}
      onSearch={(next) => update({ q: next.trim() })}
      placeholder={placeholder}
      style={{ width: 280 }}
      aria-label={t('action.search')}
      data-testid={testId}
    />
  );
}

/** A select filter labelled by its placeholder (and for screen readers), cleared with the ×. */
export function FilterSelect<V extends string>({
  label,
  value,
  onChange,
  options,
  width = 150,
  testId,
  loading,
  search,
}: {
  label: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[] | { label: string; options: { value: V; label: string }[] }[];
  width?: number;
  testId?: string;
  loading?: boolean;
  search?: boolean;
}) {
  return (
    <Select<V>
      allowClear
      value={value}
      onChange={(next?: V) => onChange(next)}
      placeholder={label}
      style={{ width }}
      options={options}
      loading={loading}
      showSearch={search ? { optionFilterProp: 'label' } : undefined}
      popupMatchSelectWidth={false}
      aria-label={label}
      data-testid={testId}
    />
  );
}

/** Several statuses at once (comma-separated in the URL). */
export function MultiFilterSelect<V extends string>({ label, value, onChange, options, testId }: { label: string; value: V[] | undefined; onChange: (value: V[]) => void; options: { value: V; label: string }[]; testId?: string }) {
  return (
    <Select<V[]>
      mode="multiple"
      allowClear
      maxTagCount={1}
      maxTagTextLength={6}
      value={value ?? []}
      onChange={onChange}
      placeholder={label}
      style={{ width: 240 }}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={label}
      data-testid={testId}
    />
  );
}

/** A from–to day range written to two URL parameters. */
export function DateRangeFilter({
  from,
  to,
  keys,
  update,
  label,
  placeholders,
}: {
  from: string | undefined;
  to: string | undefined;
  keys: [string, string];
  update: ListUpdate;
  label: string;
  placeholders: [string, string];
}) {
  return (
    <DatePicker.RangePicker
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(range) => update({ [keys[0]]: range?.[0]?.format('YYYY-MM-DD'), [keys[1]]: range?.[1]?.format('YYYY-MM-DD') })}
      allowEmpty={[true, true]}
      placeholder={placeholders}
      aria-label={label}
    />
  );
}

/** The filter bar of a list: its filters, and "clear" (all of `filterKeys`) once any is set. */
export function ListFilters({ view, filterKeys, testId, children }: { view: ListView; filterKeys: readonly string[]; testId: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid={testId}>
      {children}
      {view.hasFilters ? (
        <Button icon={<UndoOutlined />} onClick={() => view.update(clearedFilters(filterKeys))}>
          {t('action.resetFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** The spreadsheet of the current filters: a plain download the browser saves. */
export function ExportButton({ href, label, testId }: { href: string; label: string; testId: string }) {
  return (
    <Button icon={<DownloadOutlined />} href={href} data-testid={testId}>
      {label}
    </Button>
  );
}

/** A sortable column's header state, from the list's sort in the URL. */
export function sortColumn<T>(key: string, current: SortState): Pick<TableColumnType<T>, 'key' | 'sorter' | 'sortOrder'> {
  return { key, sorter: true, sortOrder: current.sort === key ? (current.order === 'asc' ? 'ascend' : 'descend') : null };
}

/** A date-and-time column (China time), sortable where the list sorts by it. */
export function dateTimeColumn<T>(title: string, dataIndex: keyof T & string, width: number, sort?: SortState): TableColumnType<T> {
  return {
    title,
    dataIndex,
    width,
    ...(sort ? sortColumn<T>(dataIndex, sort) : {}),
    // The latest first is the useful order for "updated".
    ...(dataIndex === 'updatedAt' ? { sortDirections: ['descend', 'ascend'] as const } : {}),
    render: (value: string | null) => formatDateTime(value),
  };
}

/** The due date with its deadline state (overdue in red), sortable where the list sorts by it. */
export function dueAtColumn<T extends { dueAt: string | null; deadlineState: DeadlineState | null }>(title: string, sort?: SortState, testId?: string): TableColumnType<T> {
  return {
    title,
    dataIndex: 'dueAt',
    width: 130,
    ...(sort ? sortColumn<T>('dueAt', sort) : {}),
    render: (value: string | null, row) => (
      <Flex vertical gap={2} align="flex-start">
        <span>{formatDateTime(value)}</span>
        <DeadlineStateTag state={row.deadlineState} testId={testId} />
      </Flex>
    ),
  };
}

/** A table cell of one main line and grey detail lines under it (empty details are left out). */
export function StackedCell({ main, details }: { main: ReactNode; details: ReactNode[] }) {
  return (
    <Flex vertical gap={2}>
      {typeof main === 'string' ? <span>{main}</span> : main}
      {details.filter(Boolean).map((detail, index) => (
        <Typography.Text key={index} type="secondary" style={{ fontSize: 12 }}>
          {detail}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** Overdue rows are tinted red. */
export function overdueRowClass(row: { deadlineState: DeadlineState | null }): string {
  return row.deadlineState === 'overdue' ? 'gt-row-overdue' : '';
}

/** A list page's state: its query (with the page), how to change it, and whether any filter is set. */
export interface ListView {
  query: { page: number; pageSize: number };
  update: ListUpdate;
  hasFilters: boolean;
}

export interface ListTableProps<T> {
  result: UseQueryResult<Page<T>>;
  columns: TableColumnsType<T>;
  view: ListView;
  /** Shown when nothing exists yet (without filters). */
  emptyText: string;
  /** "Past 10,000 matches" wording; common.totalCapped by default. */
  cappedText?: (total: number) => string;
  scrollX: number;
  testId: string;
  rowClassName?: TableProps<T>['rowClassName'];
  rowSelection?: TableProps<T>['rowSelection'];
  size?: TableProps<T>['size'];
}

/**
 * The table of a paged list: loading, the error with a retry, "nothing yet" or "nothing matches", the page and its
 * size, and header sorting, all written to the URL (clearing a sort returns to the list's default order).
 */
export function ListTable<T extends { id: string }>({
  result,
  columns,
  view,
  emptyText,
  cappedText,
  scrollX,
  testId,
  rowClassName,
  rowSelection,
  size = 'middle',
}: ListTableProps<T>) {
  const { t } = useI18n();
  const { update, hasFilters } = view;
  const { page, pageSize } = view.query;
  if (result.isError && !result.data) return <QueryError error={result.error} onRetry={() => void result.refetch()} />;

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = single?.columnKey;
      if (!single?.order || !key) update({ sort: null, order: null });
      else update({ sort: String(key), order: single.order === 'ascend' ? 'asc' : 'desc' });
      return;
    }
    if (pagination.pageSize !== pageSize) update({ page: null, pageSize: pagination.pageSize });
    else update({ page: pagination.current });
  };

  return (
    <Table<T>
      rowKey="id"
      size={size}
      columns={columns}
      dataSource={result.data?.items}
      loading={result.isFetching}
      scroll={{ x: scrollX }}
      onChange={onChange}
      rowClassName={rowClassName}
      rowSelection={rowSelection}
      data-testid={testId}
      locale={{ emptyText: result.isPending ? ' ' : <Empty description={hasFilters ? t('common.noMatch') : emptyText} /> }}
      pagination={{
        current: page,
        pageSize,
        total: result.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
        // Past 10,000 matches the API stops counting; say so rather than show a false total.
        showTotal: (total) => (result.data?.totalCapped ? (cappedText ?? ((count) => t('common.totalCapped', { total: count })))(total) : t('common.total', { total })),
      }}
    />
  );
}

/** A short table without paging (the server caps such lists): a record's parts, a person's cases. */
export function SimpleTable<T extends object>({
  rows,
  columns,
  rowKey = 'id',
  scrollX,
  emptyText,
  testId,
  rowClassName,
}: {
  rows: T[];
  columns: TableColumnsType<T>;
  rowKey?: TableProps<T>['rowKey'];
  scrollX: number;
  emptyText: string;
  testId?: string;
  rowClassName?: TableProps<T>['rowClassName'];
}) {
  return (
    <Table<T>
      rowKey={rowKey}
      size="small"
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: scrollX }}
      rowClassName={rowClassName}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      data-testid={testId}
    />
  );
}
