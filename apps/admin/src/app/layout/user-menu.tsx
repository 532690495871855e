import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useT } from '../../shared/i18n.tsx';
import { useSession } from '../../shared/session.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { ChangePasswordModal } from '../../features/auth/change-password-modal.tsx';
import { TotpSetupModal } from '../../features/auth/totp-setup-modal.tsx';

/** The person's own account: password, second factor, sign out. */
export function UserMenu({ compact }: { compact?: boolean }) {
  const t = useT();
  const { session, logout } = useSession();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'password' | 'totp' | null>(null);
  if (!session) return null;

  const items: MenuProps['items'] = [
    { key: 'who', label: `${session.user.displayName}${t('common.parenthesized', { text: session.user.username })}`, disabled: true },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('account.changePassword')}</span> },
    {
      key: 'totp',
      icon: <SafetyCertificateOutlined />,
      label: <span data-testid="menu-totp">{session.user.totpEnabled ? t('account.totpManage') : t('account.totpSetup')}</span>,
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="menu-logout">{t('account.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password' || key === 'totp') setDialog(key);
    if (key === 'logout') {
      try {
        await logout();
        navigate('/login', { replace: true });
      } catch (error) {
        onError(error);
      }
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="user-menu" aria-label={t('account.menu')} style={{ paddingInline: 6 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f5fbf' }} />
          {compact ? null : <span data-testid="user-name">{session.user.displayName}</span>}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={dialog === 'password'} onClose={() => setDialog(null)} />
      <TotpSetupModal open={dialog === 'totp'} onClose={() => setDialog(null)} />
    </>
  );
}
