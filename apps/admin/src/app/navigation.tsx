import { useCallback, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BranchesOutlined,
  CalendarOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  NodeIndexOutlined,
  OrderedListOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission, Role } from '@guantong/contracts';
import type { MessageKey } from '../shared/i18n.tsx';
import { useSession } from '../shared/session.tsx';

/** Who may open a page: a permission of the active membership, and where it says so, one of some roles. */
export interface Access {
  /** Needed to see the entry and open the page; none = every signed-in person. */
  permission?: Permission;
  /** Also needed: one of these roles (pages for some staff only, whatever else the permission covers). */
  roles?: Role[];
}

export interface NavItem extends Access {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  group?: 'system';
  /** Other path prefixes whose pages keep this entry selected (pages reached from this one). */
  alsoUnder?: string[];
}

// The commission's own staff; partner bodies read the clues they sent, not the ledger's work.
const clueStaff: Role[] = ['case_management_officer', 'handling_officer', 'leader'];

/** Menu entries and the permission each page needs (the same list guards the routes). */
export const navItems: NavItem[] = [
  { key: 'home', path: '/', label: 'menu.home', icon: <HomeOutlined /> },
  { key: 'petitions', path: '/petitions', label: 'menu.petitions', icon: <FileSearchOutlined />, permission: 'petitions.read' },
  { key: 'clues', path: '/clues', label: 'menu.clues', icon: <SolutionOutlined />, permission: 'clues.read', alsoUnder: ['/clue-persons'] },
  { key: 'clueScreenings', path: '/clue-screenings', label: 'menu.clueScreenings', icon: <ScheduleOutlined />, permission: 'clues.read', roles: clueStaff },
  { key: 'cases', path: '/cases', label: 'menu.cases', icon: <ReconciliationOutlined />, permission: 'cases.read' },
  { key: 'sanctions', path: '/sanctions', label: 'menu.sanctions', icon: <SafetyCertificateOutlined />, permission: 'cases.read' },
  // Case-quality review: the case-management office and leaders.
  { key: 'caseReviews', path: '/case-reviews', label: 'menu.caseReviews', icon: <FileProtectOutlined />, permission: 'cases.read', roles: ['case_management_officer', 'leader'] },
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
  // And the case-quality checklists, which the case-management office then scores cases against.
  { key: 'reviewChecklists', path: '/case-review-checklists', label: 'menu.reviewChecklists', icon: <OrderedListOutlined />, permission: 'clues.configure', group: 'system' },
  // And the wording of the official documents (文书模板) issued for clues and cases.
  { key: 'documentTemplates', path: '/document-templates', label: 'menu.documentTemplates', icon: <FileTextOutlined />, permission: 'clues.configure', group: 'system' },
];

/** Pages reached from other pages rather than the menu; the menu entry their path falls under stays selected. */
export const pageRoutes: ({ key: string; path: string } & Access)[] = [
  { key: 'petitionRegister', path: '/petitions/new', permission: 'petitions.register' },
  { key: 'petitionDetail', path: '/petitions/:id', permission: 'petitions.read' },
  { key: 'clueCreate', path: '/clues/new', permission: 'clues.register' },
  { key: 'clueDetail', path: '/clues/:id', permission: 'clues.read' },
  { key: 'cluePerson', path: '/clue-persons/:id', permission: 'clues.persons' },
  { key: 'screeningCreate', path: '/clue-screenings/new', permission: 'clues.read', roles: ['leader'] },
  { key: 'screeningDetail', path: '/clue-screenings/:id', permission: 'clues.read', roles: clueStaff },
  { key: 'caseDetail', path: '/cases/:id', permission: 'cases.read' },
];

export function navItemFor(pathname: string): NavItem | undefined {
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return navItems.find((item) => (item.path === '/' ? pathname === '/' : under(item.path) || (item.alsoUnder ?? []).some(under)));
}

/** Whether the active membership may open a page (its permission, and one of its roles where it names some). */
export function useMayOpen(): (access: Access) => boolean {
  const { can, hasRole } = useSession();
  return useCallback((access: Access) => (!access.permission || can(access.permission)) && (!access.roles || access.roles.some(hasRole)), [can, hasRole]);
}
