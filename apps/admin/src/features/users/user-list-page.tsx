import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Empty, Flex, Input, Select, Table, Tag, Tooltip, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, EyeOutlined, KeyOutlined, PlusOutlined, SafetyCertificateOutlined, UndoOutlined } from '@ant-design/icons';
import { accountStatuses, roles, type AccountStatus, type Role, type User } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { accountStatusColor, accountStatusLabel, roleLabel } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { organizationTreeOptions, useOrganizations } from '../organizations/organizations.api.ts';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { UserDetailDrawer } from './user-detail-drawer.tsx';
import { UserFormDrawer, type UserFormTarget } from './user-form-drawer.tsx';
import { useUsers, type UserListQuery } from './users.api.ts';

const PAGE_SIZES = [10, 20, 50, 100];

/** Filters, page and the open account live in the URL, so a view can be reloaded, bookmarked and shared. */
function useUserListParams() {
  const [params, setParams] = useSearchParams();
  const role = params.get('role');
  const status = params.get('status');
  const pageSize = Number(params.get('pageSize'));
  const query: UserListQuery = {
    search: params.get('search') || undefined,
    organizationId: params.get('organizationId') || undefined,
    role: role && (roles as readonly string[]).includes(role) ? (role as Role) : undefined,
    status: status && (accountStatuses as readonly string[]).includes(status) ? (status as AccountStatus) : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
  const openUserId = params.get('user');
  const update = (changes: Record<string, string | number | null | undefined>, options: { keepPage?: boolean } = {}) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!options.keepPage && !('page' in changes)) next.delete('page');
        if (next.get('page') === '1') next.delete('page');
        return next;
      },
      { replace: false },
    );
  };
  return { query, openUserId, update, hasFilters: Boolean(query.search || query.organizationId || query.role || query.status) };
}

export function UserListPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { query, openUserId, update, hasFilters } = useUserListParams();
  const users = useUsers(query);
  const organizations = useOrganizations({}, can('organizations.read'));
  const [formTarget, setFormTarget] = useState<UserFormTarget>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [searchText, setSearchText] = useState(query.search ?? '');
  const manage = can('users.manage');

  // Back/forward navigation changes the URL: keep the search box in step.
  useEffect(() => setSearchText(query.search ?? ''), [query.search]);

  const organizationOptions = useMemo(() => organizationTreeOptions(organizations.data ?? []), [organizations.data]);
  const rowOf = (id: string | null) => (id ? users.data?.items.find((user) => user.id === id) : undefined);

  const columns: TableColumnsType<User> = [
    {
      title: t('field.username'),
      dataIndex: 'username',
      width: 150,
      render: (username: string, user) => (
        <Typography.Link onClick={() => update({ user: user.id }, { keepPage: true })} data-testid={`user-link-${username}`}>
          {username}
        </Typography.Link>
      ),
    },
    {
      title: t('field.displayName'),
      dataIndex: 'displayName',
      width: 130,
      render: (name: string, user) => (
        <span>
          {name} {user.totpEnabled ? <SafetyCertificateOutlined title={t('home.totpOn')} style={{ color: '#389e0d' }} /> : null}
        </span>
      ),
    },
    {
      title: t('users.memberships'),
      dataIndex: 'memberships',
      render: (memberships: User['memberships']) => (
        <Flex vertical gap={4}>
          {memberships.map((membership) => (
            <span key={membership.id}>
              <Typography.Text>{membership.organizationName}</Typography.Text>{' '}
              {membership.roles.map((role) => (
                <Tag key={role} color="blue" style={{ marginInlineEnd: 4 }}>
                  {roleLabel(role, locale)}
                </Tag>
              ))}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: AccountStatus) => <Tag color={accountStatusColor[status]}>{accountStatusLabel(status, locale)}</Tag>,
    },
    { title: t('field.lastLoginAt'), dataIndex: 'lastLoginAt', width: 150, render: (value: string | null) => formatDateTime(value) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: manage ? 130 : 70,
      fixed: 'right',
      render: (_value, user) => (
        <Flex gap={2}>
          <Tooltip title={t('action.view')}>
            <Button type="text" size="small" icon={<EyeOutlined />} aria-label={t('action.view')} onClick={() => update({ user: user.id }, { keepPage: true })} />
          </Tooltip>
          {manage ? (
            <>
              <Tooltip title={t('action.edit')}>
                <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('action.edit')} onClick={() => setFormTarget({ mode: 'edit', user })} />
              </Tooltip>
              <Tooltip title={t('users.resetPassword')}>
                <Button type="text" size="small" icon={<KeyOutlined />} aria-label={t('users.resetPassword')} onClick={() => setResetFor(user)} />
              </Tooltip>
            </>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('menu.users')}
      description={t('users.description')}
      extra={
        manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="create-user">
            {t('users.create')}
          </Button>
        ) : null
      }
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="user-filters">
          <Input.Search
            allowClear
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => update({ search: value.trim() })}
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 260 }}
            aria-label={t('action.search')}
            data-testid="user-search"
          />
          {can('organizations.read') ? (
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeData={organizationOptions}
              treeDefaultExpandAll
              value={query.organizationId}
              onChange={(value?: string) => update({ organizationId: value })}
              placeholder={t('field.organization')}
              style={{ width: 260 }}
              popupMatchSelectWidth={false}
              loading={organizations.isLoading}
              aria-label={t('field.organization')}
            />
          ) : null}
          <Select
            allowClear
            value={query.role}
            onChange={(value?: Role) => update({ role: value })}
            placeholder={t('field.role')}
            style={{ width: 180 }}
            options={roles.map((role) => ({ value: role, label: roleLabel(role, locale) }))}
            aria-label={t('field.role')}
          />
          <Select
            allowClear
            value={query.status}
            onChange={(value?: AccountStatus) => update({ status: value })}
            placeholder={t('field.status')}
            style={{ width: 140 }}
            options={accountStatuses.map((status) => ({ value: status, label: accountStatusLabel(status, locale) }))}
            aria-label={t('field.status')}
          />
          {hasFilters ? (
            <Button icon={<UndoOutlined />} onClick={() => update({ search: null, organizationId: null, role: null, status: null })}>
              {t('action.resetFilters')}
            </Button>
          ) : null}
        </Flex>
        {users.isError && !users.data ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data?.items}
            loading={users.isFetching}
            scroll={{ x: 960 }}
            data-testid="user-table"
            locale={{ emptyText: users.isPending ? ' ' : <Empty description={hasFilters ? t('common.noMatch') : t('users.empty')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              // Past 10,000 matches the API stops counting; say so rather than show a false total.
              showTotal: (total) => t(users.data?.totalCapped ? 'common.totalCapped' : 'common.total', { total }),
              onChange: (page, pageSize) => update(pageSize !== query.pageSize ? { page: null, pageSize } : { page }, { keepPage: true }),
            }}
          />
        )}
      </Card>

      <UserDetailDrawer
        userId={openUserId}
        placeholder={rowOf(openUserId)}
        onClose={() => update({ user: null }, { keepPage: true })}
        onEdit={(user) => setFormTarget({ mode: 'edit', user })}
        onResetPassword={setResetFor}
      />
      <UserFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
      <ResetPasswordModal user={resetFor} onClose={() => setResetFor(null)} />
    </PageContainer>
  );
}
