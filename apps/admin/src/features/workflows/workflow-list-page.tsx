import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { WorkflowDefinitionJson } from '@guantong/contracts';
import { callApi } from '../../shared/api-client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { DeadlineRulesCard } from './deadline-rules-card.tsx';
import { deadlineBasisLabel, deadlineLengthText, roleLabel } from '../../shared/labels.ts';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { QueryError } from '../../shared/ui/query-error.tsx';
import { WorkflowDiagram } from '../../shared/ui/workflow-diagram.tsx';

type StateSpec = WorkflowDefinitionJson['states'][number];
type ActionSpec = WorkflowDefinitionJson['actions'][number];

function WorkflowCard({ definition }: { definition: WorkflowDefinitionJson }) {
  const { t, lt, locale } = useI18n();
  const stateLabel = (key: string) => {
    const state = definition.states.find((candidate) => candidate.key === key);
    return state ? lt(state.label) : key;
  };
  const withDeadline = definition.states.filter((state) => state.deadline);

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <span>{lt(definition.label)}</span>
          <Typography.Text type="secondary" code style={{ fontWeight: 'normal' }}>
            {definition.id}
          </Typography.Text>
        </Flex>
      }
      data-testid={`workflow-${definition.id}`}
    >
      <WorkflowDiagram definition={definition} locale={locale} />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('workflows.states')}
      </Typography.Title>
      <Table<StateSpec>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={definition.states}
        columns={[
          { title: t('workflows.state'), key: 'label', render: (_value, state) => lt(state.label) },
          { title: t('workflows.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
          {
            title: t('workflows.kind'),
            key: 'kind',
            render: (_value, state) => (
              <Flex gap={4} wrap>
                {state.key === definition.initial ? <Tag color="blue">{t('workflow.initialState')}</Tag> : null}
                {state.final ? <Tag>{t('workflow.finalState')}</Tag> : null}
              </Flex>
            ),
          },
          {
            title: t('workflows.deadline'),
            key: 'deadline',
            render: (_value, state) => (state.deadline ? deadlineLengthText(state.deadline.length, state.deadline.basis, locale) : '—'),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('workflows.actions')}
      </Typography.Title>
      <Table<ActionSpec>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={definition.actions}
        columns={[
          { title: t('workflows.action'), key: 'label', render: (_value, action) => lt(action.label) },
          {
            title: t('workflows.transition'),
            key: 'transition',
            render: (_value, action) => `${action.from.map(stateLabel).join(locale === 'en' ? ', ' : '、')} → ${stateLabel(action.to)}`,
          },
          {
            title: t('workflows.roles'),
            key: 'roles',
            render: (_value, action) =>
              action.roles === 'system' ? (
                <Tag>{t('workflow.systemAction')}</Tag>
              ) : (
                <Flex gap={4} wrap>
                  {action.roles.map((role) => (
                    <Tag color="blue" key={role}>
                      {roleLabel(role, locale)}
                    </Tag>
                  ))}
                </Flex>
              ),
          },
          { title: t('workflows.note'), key: 'note', render: (_value, action) => (action.requiresNote ? t('workflows.noteRequired') : '—') },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('workflows.deadlineRules')}
      </Typography.Title>
      {withDeadline.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflows.noDeadlines')} />
      ) : (
        <Table<StateSpec>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={withDeadline}
          scroll={{ x: 900 }}
          columns={[
            { title: t('workflows.state'), key: 'state', render: (_value, state) => lt(state.label) },
            { title: t('workflows.basis'), key: 'basis', render: (_value, state) => deadlineBasisLabel(state.deadline!.basis, locale) },
            { title: t('workflows.length'), key: 'length', render: (_value, state) => deadlineLengthText(state.deadline!.length, state.deadline!.basis, locale) },
            {
              title: t('workflows.extension'),
              key: 'extension',
              render: (_value, state) =>
                state.deadline!.extendable
                  ? state.deadline!.maxExtension
                    ? t('workflows.extendableUpTo', { length: deadlineLengthText(state.deadline!.maxExtension, state.deadline!.basis, locale) })
                    : t('workflows.extendable')
                  : t('workflows.notExtendable'),
            },
            {
              title: t('workflows.reminder'),
              key: 'reminder',
              render: (_value, state) =>
                state.deadline!.remindBefore ? t('workflows.remindBefore', { days: state.deadline!.remindBefore }) : '—',
            },
            { title: t('workflows.legalBasis'), key: 'legal', render: (_value, state) => lt(state.deadline!.legalBasis) },
            {
              title: t('workflows.source'),
              key: 'source',
              render: (_value, state) => <Tag title={t(`workflows.source.${state.deadline!.source}`)}>{state.deadline!.source}</Tag>,
            },
          ]}
        />
      )}
    </Card>
  );
}

/** Every workflow the platform runs, drawn from its definition, with the rules behind each deadline. */
export function WorkflowListPage() {
  const { t } = useI18n();
  const workflows = useQuery({ queryKey: ['workflows', 'list'], queryFn: ({ signal }) => callApi('listWorkflows', {}, { signal }), staleTime: 10 * 60_000 });
  return (
    <PageContainer title={t('menu.workflows')} description={t('workflows.description')}>
      {workflows.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : workflows.isError ? (
        <QueryError error={workflows.error} onRetry={() => void workflows.refetch()} />
      ) : workflows.data.length === 0 ? (
        <Card>
          <Empty description={t('workflows.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <DeadlineRulesCard />
          {workflows.data.map((definition) => (
            <WorkflowCard key={definition.id} definition={definition} />
          ))}
        </Flex>
      )}
    </PageContainer>
  );
}
