import type { ReactNode } from 'react';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { VerificationPlan } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';

/** A preliminary verification's work plan (初核工作方案): what will be verified and how, the team, and the planned end. */
export function VerificationPlanDescriptions({ plan, title, testId }: { plan: VerificationPlan; title?: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xxl: 3 }}
      title={title}
      data-testid={testId}
      items={[
        {
          key: 'plan',
          label: t('clues.plan.text'),
          span: 'filled',
          children: (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 6, expandable: true, symbol: t('action.more') }} data-testid={`${testId}-text`}>
              {plan.plan}
            </Typography.Paragraph>
          ),
        },
        { key: 'leader', label: t('clues.plan.teamLeader'), children: <span data-testid={`${testId}-leader`}>{plan.teamLeader}</span> },
        {
          key: 'members',
          label: t('clues.plan.teamMembers'),
          children: plan.teamMembers.length ? (
            <Flex gap={4} wrap data-testid={`${testId}-members`}>
              {plan.teamMembers.map((member, index) => (
                <Tag key={`${index}-${member}`}>{member}</Tag>
              ))}
            </Flex>
          ) : (
            '—'
          ),
        },
        { key: 'end', label: t('clues.plan.plannedEndOn'), children: plan.plannedEndOn ?? '—' },
      ]}
    />
  );
}
