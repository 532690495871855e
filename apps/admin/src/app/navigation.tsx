import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BranchesOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  NodeIndexOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@guantong/contracts';
import type { MessageKey } from '../shared/i18n.tsx';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Needed to see the entry and open the page; none = every signed-in person. */
  permission?: Permission;
  group?: 'system';
  /** Other path prefixes whose pages keep this entry selected (pages reached from this one). */
  alsoUnder?: string[];
}

/** Menu entries and the permission each page needs (the same list guards the routes). */
export const navItems: NavItem[] = [
  { key: 'home', path: '/', label: 'menu.home', icon: <HomeOutlined /> },
  { key: 'petitions', path: '/petitions', label: 'menu.petitions', icon: <FileSearchOutlined />, permission: 'petitions.read' },
  { key: 'clues', path: '/clues', label: 'menu.clues', icon: <SolutionOutlined />, permission: 'clues.read', alsoUnder: ['/clue-persons'] },
  { key: 'organizations', path: '/organizations', label: 'menu.organizations', icon: <ApartmentOutlined />, permission: 'organizations.read', group: 'system' },
  { key: 'users', path: '/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'users.read', group: 'system' },
  // Staff may read the calendar through the API, but keeping it is an administrator's task.
  { key: 'calendar', path: '/calendar', label: 'menu.calendar', icon: <CalendarOutlined />, permission: 'calendar.manage', group: 'system' },
  { key: 'workflows', path: '/workflows', label: 'menu.workflows', icon: <NodeIndexOutlined />, permission: 'workflows.read', group: 'system' },
  { key: 'audit', path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read', group: 'system' },
  // Administrators configure the module but do not read reports (petitions.configure without petitions.read).
  { key: 'petitionSettings', path: '/petition-settings', label: 'menu.petitionSettings', icon: <FormOutlined />, permission: 'petitions.configure', group: 'system' },
  // Likewise the clue approval chains: administrators set them without reading clues.
  { key: 'clueSettings', path: '/clue-settings', label: 'menu.clueSettings', icon: <BranchesOutlined />, permission: 'clues.configure', group: 'system' },
];

/** Pages reached from other pages rather than the menu; the menu entry their path falls under stays selected. */
export const pageRoutes: { key: string; path: string; permission: Permission }[] = [
  { key: 'petitionRegister', path: '/petitions/new', permission: 'petitions.register' },
  { key: 'petitionDetail', path: '/petitions/:id', permission: 'petitions.read' },
  { key: 'clueCreate', path: '/clues/new', permission: 'clues.register' },
  { key: 'clueDetail', path: '/clues/:id', permission: 'clues.read' },
  { key: 'cluePerson', path: '/clue-persons/:id', permission: 'clues.persons' },
];

export function navItemFor(pathname: string): NavItem | undefined {
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return navItems.find((item) => (item.path === '/' ? pathname === '/' : under(item.path) || (item.alsoUnder ?? []).some(under)));
}
