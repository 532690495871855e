import { useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Grid, Layout, Menu, type MenuProps } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useT } from '../../shared/i18n.tsx';
import { navItemFor, navItems, useMayOpen } from '../navigation.tsx';
import { BodySwitcher } from './body-switcher.tsx';
import { LanguageToggle } from './language-toggle.tsx';
import { UserMenu } from './user-menu.tsx';
import { NotificationBell } from '../../features/notifications/notification-bell.tsx';

export function Brand({ light, compact }: { light?: boolean; compact?: boolean }) {
  const t = useT();
  return (
    <div className="gt-brand" data-testid="app-name" style={light ? { color: '#fff' } : undefined}>
      <span className="gt-brand-mark" aria-hidden="true">
        贯
      </span>
      {compact ? <span className="gt-visually-hidden">{t('app.name')}</span> : <span>{t('app.name')}</span>}
    </div>
  );
}

/** Header (name, body switcher, language, account) over a menu built from the active membership's permissions. */
export function AppLayout() {
  const t = useT();
  const mayOpen = useMayOpen();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const selected = navItemFor(location.pathname)?.key ?? '';

  const menuItems = useMemo<MenuProps['items']>(() => {
    const visible = navItems.filter(mayOpen);
    const entry = (item: (typeof navItems)[number]) => ({
      key: item.key,
      icon: item.icon,
      label: (
        <Link to={item.path} data-testid={`menu-${item.key}`}>
          {t(item.label)}
        </Link>
      ),
    });
    const top = visible.filter((item) => !item.group).map(entry);
    const system = visible.filter((item) => item.group === 'system').map(entry);
    return system.length
      ? [...top, { key: 'system', icon: <SettingOutlined />, label: <span data-testid="menu-system">{t('menu.system')}</span>, children: system }]
      : top;
  }, [mayOpen, t]);

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="gt-header">
        <Brand compact={!screens.sm} />
        <div style={{ flex: 1 }} />
        <BodySwitcher compact={!screens.md} />
        <LanguageToggle />
        <NotificationBell />
        <UserMenu compact={!screens.md} />
      </Layout.Header>
      {/* The sider is sticky; the stripe behind it keeps it dark down long pages. */}
      <Layout hasSider style={{ background: `linear-gradient(to right, #0f2440 ${collapsed ? 80 : 216}px, #f3f5f8 0)` }}>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={216}
          aria-label={t('menu.navigation')}
          style={{ position: 'sticky', top: 64, height: 'calc(100vh - 64px)', overflow: 'auto' }}
        >
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={['system']}
            items={menuItems}
            data-testid="main-menu"
            style={{ paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content className="gt-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
