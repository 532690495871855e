import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Popconfirm, Select, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SubnodeOutlined } from '@ant-design/icons';
import { organizationTypes, type Organization, type OrganizationType } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { organizationTypeLabel } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { buildOrganizationTree, useDeleteOrganization, useOrganizations, type OrganizationNode } from './organizations.api.ts';
import { OrganizationFormModal, type OrganizationDialog } from './organization-form-modal.tsx';

/** The bodies visible to the active membership, as a tree, with create / edit / delete for administrators. */
export function OrganizationListPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [search, setSearch] = useState('');
  const [type, setType] = useState<OrganizationType | undefined>();
  const filtered = Boolean(search || type);
  const list = useOrganizations({ search: search || undefined, type });
  // The full list feeds the parent picker even while the table is filtered.
  const all = useOrganizations({}, filtered);
  const remove = useDeleteOrganization();
  const [dialog, setDialog] = useState<OrganizationDialog>(null);
  const manage = can('organizations.manage');

  const tree = useMemo(() => buildOrganizationTree(list.data ?? []), [list.data]);
  const defaultExpanded = useMemo(() => (list.data ?? []).filter((organization) => filtered || organization.depth < 1).map((organization) => organization.id), [list.data, filtered]);

  const onDelete = async (organization: Organization) => {
    try {
      await remove.mutateAsync(organization.id);
      void message.success(t('organizations.deleted', { name: organization.name }));
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<OrganizationNode> = [
    {
      title: t('field.organizationName'),
      dataIndex: 'name',
      render: (_value, organization) => (
        <span>
          <Typography.Text strong={organization.depth === 0}>{organization.name}</Typography.Text>
          {organization.shortName ? <Typography.Text type="secondary">{t('common.parenthesized', { text: organization.shortName })}</Typography.Text> : null}
        </span>
      ),
    },
    { title: t('field.organizationCode'), dataIndex: 'code', width: 140, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: t('field.organizationType'),
      dataIndex: 'type',
      width: 200,
      render: (value: OrganizationType) => <Tag>{organizationTypeLabel(value, locale)}</Tag>,
    },
    { title: t('field.region'), dataIndex: 'regionName', width: 120 },
    { title: t('organizations.members'), dataIndex: 'memberCount', width: 90, align: 'right' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_value: unknown, organization: OrganizationNode) => (
              <Flex gap={2}>
                <Tooltip title={t('organizations.addChild')}>
                  <Button type="text" size="small" icon={<SubnodeOutlined />} aria-label={t('organizations.addChild')} onClick={() => setDialog({ mode: 'create', parent: organization })} />
                </Tooltip>
                <Tooltip title={t('action.edit')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('action.edit')}
                    data-testid={`edit-organization-${organization.code}`}
                    onClick={() => setDialog({ mode: 'edit', organization })}
                  />
                </Tooltip>
                <Popconfirm
                  title={t('organizations.deleteConfirm', { name: organization.name })}
                  description={t('organizations.deleteHint')}
                  okText={t('action.delete')}
                  cancelText={t('action.cancel')}
                  okButtonProps={{ danger: true, loading: remove.isPending }}
                  onConfirm={() => onDelete(organization)}
                >
                  <Tooltip title={t('action.delete')}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid={`delete-organization-${organization.code}`} />
                  </Tooltip>
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('menu.organizations')}
      description={t('organizations.description')}
      extra={
        manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', parent: null })} data-testid="create-organization">
            {t('organizations.create')}
          </Button>
        ) : null
      }
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('organizations.searchPlaceholder')}
            style={{ width: 280 }}
            onSearch={(value) => setSearch(value.trim())}
            aria-label={t('action.search')}
            data-testid="organization-search"
          />
          <Select
            allowClear
            placeholder={t('field.organizationType')}
            style={{ width: 240 }}
            value={type}
            onChange={setType}
            options={organizationTypes.map((value) => ({ value, label: organizationTypeLabel(value, locale) }))}
            aria-label={t('field.organizationType')}
          />
        </Flex>
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<OrganizationNode>
            key={`${search}|${type ?? ''}`}
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={tree}
            pagination={false}
            loading={list.isFetching}
            expandable={{ defaultExpandedRowKeys: defaultExpanded }}
            locale={{ emptyText: <Empty description={filtered ? t('common.noMatch') : t('organizations.empty')} /> }}
            data-testid="organization-table"
            scroll={{ x: 900 }}
          />
        )}
      </Card>
      <OrganizationFormModal dialog={dialog} organizations={(filtered ? all.data : list.data) ?? []} onClose={() => setDialog(null)} />
    </PageContainer>
  );
}
