import { Button, Card, Descriptions, Drawer, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { EditOutlined, KeyOutlined } from '@ant-design/icons';
import type { Membership, User } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { accountStatusColor, accountStatusLabel, membershipGrantLabel, organizationTypeLabel, roleLabel } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { WorkflowDiagram } from '../../shared/ui/workflow-diagram.tsx';
import { WorkflowEventTimeline } from '../../shared/ui/workflow-event-timeline.tsx';
import { UserActionButtons } from './user-action-buttons.tsx';
import { useWorkflowDefinition } from '../../shared/use-workflow-definition.ts';
import { useUser, useUserEvents } from './users.api.ts';

/** One account: details, memberships, the account workflow with the current status, its history, and the allowed actions. */
export function UserDetailDrawer({
  userId,
  placeholder,
  onClose,
  onEdit,
  onResetPassword,
}: {
  userId: string | null;
  placeholder?: User;
  onClose: () => void;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}) {
  const { t, lt, locale } = useI18n();
  const { can } = useSession();
  const query = useUser(userId, placeholder);
  const events = useUserEvents(userId);
  const workflow = useWorkflowDefinition('account', userId !== null && can('workflows.read'));
  const user = query.data;
  const manage = can('users.manage');

  const actionLabel = (key: string) => {
    const action = workflow.data?.actions.find((candidate) => candidate.key === key);
    return action ? lt(action.label) : key;
  };
  const stateLabel = (key: string) => {
    const state = workflow.data?.states.find((candidate) => candidate.key === key);
    return state ? lt(state.label) : key;
  };

  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      data-testid="user-detail"
      title={
        user ? (
          <Flex align="center" gap={8}>
            <span>{user.displayName}</span>
            <Tag color={accountStatusColor[user.status]} data-testid="user-detail-status">
              {accountStatusLabel(user.status, locale)}
            </Tag>
          </Flex>
        ) : (
          t('users.detail')
        )
      }
      extra={
        user && manage ? (
          <Flex gap={8}>
            <Button icon={<EditOutlined />} onClick={() => onEdit(user)}>
              {t('action.edit')}
            </Button>
            <Button icon={<KeyOutlined />} onClick={() => onResetPassword(user)}>
              {t('users.resetPassword')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : query.isError && !user ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : user ? (
        <Flex vertical gap={16}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'username', label: t('field.username'), children: <Typography.Text code>{user.username}</Typography.Text> },
              { key: 'displayName', label: t('field.displayName'), children: user.displayName },
              { key: 'phone', label: t('field.phone'), children: user.phone ?? '—' },
              {
                key: 'totp',
                label: t('field.totp'),
                children: user.totpEnabled ? <Tag color="success">{t('home.totpOn')}</Tag> : <Tag>{t('home.totpOff')}</Tag>,
              },
              { key: 'lastLogin', label: t('field.lastLoginAt'), children: formatDateTime(user.lastLoginAt) },
              { key: 'created', label: t('field.createdAt'), children: formatDateTime(user.createdAt) },
            ]}
          />

          {user.allowedActions.length ? (
            <Card size="small" title={t('users.accountActions')}>
              <UserActionButtons
                user={user}
                definition={workflow.data}
                onChanged={() => {
                  void query.refetch();
                  void events.refetch();
                }}
              />
            </Card>
          ) : null}

          <Card size="small" title={t('users.memberships')}>
            <Table<Membership>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={user.memberships}
              data-testid="user-memberships"
              columns={[
                {
                  title: t('field.organization'),
                  dataIndex: 'organizationName',
                  render: (name: string, membership) => (
                    <span>
                      {name}
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {organizationTypeLabel(membership.organizationType, locale)}
                      </Typography.Text>
                    </span>
                  ),
                },
                {
                  title: t('field.roles'),
                  dataIndex: 'roles',
                  render: (roles: Membership['roles']) => (
                    <Flex gap={4} wrap>
                      {roles.map((role) => (
                        <Tag color="blue" key={role}>
                          {roleLabel(role, locale)}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
                {
                  title: t('users.grants'),
                  dataIndex: 'grants',
                  render: (grants: Membership['grants']) =>
                    grants.length ? (
                      <Flex gap={4} wrap data-testid="user-membership-grants">
                        {grants.map((grant) => (
                          <Tag color="red" key={grant}>
                            {membershipGrantLabel(grant, locale)}
                          </Tag>
                        ))}
                      </Flex>
                    ) : (
                      '—'
                    ),
                },
                { title: t('field.postTitle'), dataIndex: 'title', render: (title: string | null) => title ?? '—' },
              ]}
            />
          </Card>

          <Card size="small" title={t('users.accountWorkflow')}>
            {workflow.data ? (
              <WorkflowDiagram definition={workflow.data} current={user.status} locale={locale} />
            ) : workflow.isLoading ? (
              <Skeleton active />
            ) : workflow.isError ? (
              <QueryError error={workflow.error} onRetry={() => void workflow.refetch()} />
            ) : (
              <Typography.Text type="secondary">{t('users.workflowHidden')}</Typography.Text>
            )}
          </Card>

          <Card size="small" title={t('users.history')}>
            {events.isPending ? (
              <Skeleton active />
            ) : events.isError ? (
              <QueryError error={events.error} onRetry={() => void events.refetch()} />
            ) : (
              <WorkflowEventTimeline events={events.data} actionLabel={actionLabel} stateLabel={stateLabel} testId="user-events" />
            )}
          </Card>
        </Flex>
      ) : null}
    </Drawer>
  );
}
