import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { App, Flex, Select, Typography } from 'antd';
import { BankOutlined } from '@ant-design/icons';
import type { Membership } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { rolesText } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { navItemFor } from '../navigation.tsx';

/** Which body the person acts for; switching reloads everything for the new body. */
export function BodySwitcher({ compact }: { compact?: boolean }) {
  const { t, locale } = useI18n();
  const { session, activeMembership, switchMembership } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const location = useLocation();
  const [switching, setSwitching] = useState(false);
  if (!session || !activeMembership) return null;

  const describe = (membership: Membership) => `${membership.organizationName} · ${rolesText(membership.roles, locale)}`;

  if (session.memberships.length < 2) {
    return (
      <Flex align="center" gap={6} data-testid="active-body" title={describe(activeMembership)} style={{ minWidth: 0 }}>
        <BankOutlined style={{ color: '#5f6b7a' }} />
        <Typography.Text ellipsis style={{ maxWidth: compact ? 140 : 320 }}>
          <span data-testid="active-body-name">{activeMembership.organizationName}</span>
          {compact ? null : <Typography.Text type="secondary"> · {rolesText(activeMembership.roles, locale)}</Typography.Text>}
        </Typography.Text>
      </Flex>
    );
  }

  const onChange = async (membershipId: string) => {
    setSwitching(true);
    try {
      const next = await switchMembership(membershipId);
      const now = next.memberships.find((membership) => membership.id === next.activeMembershipId);
      void message.success(t('header.switched', { name: now?.organizationName ?? '' }));
      const page = navItemFor(location.pathname);
      if (page?.permission && !next.permissions.includes(page.permission)) navigate('/');
    } catch (error) {
      onError(error);
    } finally {
      setSwitching(false);
    }
  };

  return (
    <span data-testid="active-body" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minWidth: 0 }}>
      <BankOutlined style={{ color: '#5f6b7a' }} aria-hidden="true" />
      <Select
        data-testid="body-switcher"
        aria-label={t('header.bodySwitcher')}
        value={session.activeMembershipId}
        loading={switching}
        disabled={switching}
        onChange={onChange}
        popupMatchSelectWidth={false}
        style={{ width: compact ? 160 : 300 }}
        options={session.memberships.map((membership) => ({ value: membership.id, label: describe(membership), membership }))}
        labelRender={({ value }) => {
          const membership = session.memberships.find((candidate) => candidate.id === value);
          return membership ? (
            <span title={describe(membership)}>
              <span data-testid="active-body-name">{membership.organizationName}</span>
              {compact ? null : <Typography.Text type="secondary"> · {rolesText(membership.roles, locale)}</Typography.Text>}
            </span>
          ) : null;
        }}
        optionRender={(option) => {
          const membership = (option.data as { membership: Membership }).membership;
          return (
            <div style={{ padding: '2px 0' }}>
              <div>{membership.organizationName}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {rolesText(membership.roles, locale)}
                {membership.title ? ` · ${membership.title}` : ''}
              </Typography.Text>
            </div>
          );
        }}
      />
    </span>
  );
}
