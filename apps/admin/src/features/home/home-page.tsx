import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Flex, List, Row, Tag, Typography } from 'antd';
import { ClockCircleOutlined, KeyOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Role } from '@guantong/contracts';
import { useI18n, type MessageKey } from '../../shared/i18n.tsx';
import { organizationTypeLabel, roleLabel } from '../../shared/labels.ts';
import { useSession, useSignedInSession } from '../../shared/session.tsx';
import { PageContainer } from '../../shared/ui/page-container.tsx';
import { navItems, useMayOpen } from '../../app/navigation.tsx';
import { ChangePasswordModal } from '../auth/change-password-modal.tsx';
import { TotpSetupModal } from '../auth/totp-setup-modal.tsx';

/** What each role will work on once the remaining business modules arrive (petitions and problem clues are live). */
const upcomingByRole: Record<Role, MessageKey[]> = {
  administrator: ['upcoming.administrator'],
  intake_officer: [],
  case_management_officer: ['upcoming.deadlineWatch'],
  handling_officer: ['upcoming.deadlineWatch'],
  leader: ['upcoming.approvals', 'upcoming.deadlineWatch'],
  partner_officer: ['upcoming.jointTasks'],
  special_supervisor: ['upcoming.supervisorOpinions'],
  village_monitor: ['upcoming.villageReports'],
};

const descriptionOf: Record<string, MessageKey> = {
  organizations: 'home.card.organizations',
  users: 'home.card.users',
  calendar: 'home.card.calendar',
  workflows: 'home.card.workflows',
  audit: 'home.card.audit',
  petitions: 'home.card.petitions',
  petitionSettings: 'home.card.petitionSettings',
  clues: 'home.card.clues',
  clueSettings: 'home.card.clueSettings',
  clueScreenings: 'home.card.clueScreenings',
  cases: 'home.card.cases',
  sanctions: 'home.card.sanctions',
  caseReviews: 'home.card.caseReviews',
  reviewChecklists: 'home.card.reviewChecklists',
};

function greetingKey(hour: number): MessageKey {
  if (hour < 5) return 'home.greeting.night';
  if (hour < 11) return 'home.greeting.morning';
  if (hour < 13) return 'home.greeting.noon';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

export function HomePage() {
  const { t, locale } = useI18n();
  const session = useSignedInSession();
  const { activeMembership } = useSession();
  const mayOpen = useMayOpen();
  const [dialog, setDialog] = useState<'password' | 'totp' | null>(null);
  const tools = navItems.filter((item) => item.key !== 'home' && mayOpen(item));
  const roles = activeMembership?.roles ?? [];
  const upcoming = [...new Set(roles.flatMap((role) => upcomingByRole[role]))];

  return (
    <PageContainer title={t('menu.home')}>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-greeting">
          {t(greetingKey(new Date().getHours()), { name: session.user.displayName })}
        </Typography.Title>
        {activeMembership ? (
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            size="small"
            items={[
              {
                key: 'body',
                label: t('home.activeBody'),
                children: (
                  <span>
                    <span data-testid="home-body">{activeMembership.organizationName}</span>
                    <Typography.Text type="secondary">{t('common.parenthesized', { text: organizationTypeLabel(activeMembership.organizationType, locale) })}</Typography.Text>
                  </span>
                ),
              },
              {
                key: 'roles',
                label: t('home.roles'),
                children: (
                  <Flex gap={4} wrap data-testid="home-roles">
                    {activeMembership.roles.map((role) => (
                      <Tag color="blue" key={role}>
                        {roleLabel(role, locale)}
                      </Tag>
                    ))}
                  </Flex>
                ),
              },
              ...(activeMembership.title ? [{ key: 'title', label: t('home.title'), children: activeMembership.title }] : []),
            ]}
          />
        ) : null}
        {session.memberships.length > 1 ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, marginTop: 8 }}>
            {t('home.multipleBodies', { count: session.memberships.length })}
          </Typography.Paragraph>
        ) : null}
      </Card>

      <Alert type="info" showIcon title={t('home.modulesNotice')} description={t('home.modulesNoticeDetail')} style={{ marginBottom: 16 }} data-testid="home-modules-notice" />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('home.tools')} style={{ height: '100%' }}>
            {tools.length ? (
              <Row gutter={[12, 12]}>
                {tools.map((item) => (
                  <Col xs={24} md={12} key={item.key}>
                    <Link to={item.path} data-testid={`home-tool-${item.key}`}>
                      <Card size="small" hoverable>
                        <Card.Meta avatar={<span style={{ fontSize: 22, color: '#1f5fbf' }}>{item.icon}</span>} title={t(item.label)} description={t(descriptionOf[item.key])} />
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            ) : (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="home-no-tools">
                {t('home.noTools')}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            {upcoming.length ? (
              <Card title={t('home.upcoming')}>
                <List
                  size="small"
                  dataSource={upcoming}
                  renderItem={(key) => (
                    <List.Item>
                      <Flex gap={8} align="baseline" style={{ width: '100%' }} justify="space-between">
                        <span>{t(key)}</span>
                        <Tag icon={<ClockCircleOutlined />} style={{ flex: 'none' }}>
                          {t('home.later')}
                        </Tag>
                      </Flex>
                    </List.Item>
                  )}
                />
              </Card>
            ) : null}
            <Card title={t('home.security')}>
              <Flex vertical gap={12}>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <span>
                    <SafetyCertificateOutlined /> {t('home.totp')}{' '}
                    {session.user.totpEnabled ? <Tag color="success">{t('home.totpOn')}</Tag> : <Tag color="warning">{t('home.totpOff')}</Tag>}
                  </span>
                  <Button onClick={() => setDialog('totp')}>{session.user.totpEnabled ? t('account.totpManage') : t('account.totpSetup')}</Button>
                </Flex>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <span>
                    <KeyOutlined /> {t('home.password')}
                  </span>
                  <Button onClick={() => setDialog('password')}>{t('account.changePassword')}</Button>
                </Flex>
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
      <ChangePasswordModal open={dialog === 'password'} onClose={() => setDialog(null)} />
      <TotpSetupModal open={dialog === 'totp'} onClose={() => setDialog(null)} />
    </PageContainer>
  );
}
