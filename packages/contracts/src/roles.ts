import { z } from 'zod';
import type { LocalizedText } from './i18n.ts';

export const roles = [
  'administrator',
  'intake_officer',
  'case_management_officer',
  'handling_officer',
  'leader',
  'partner_officer',
  'special_supervisor',
  'village_monitor',
] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

export const roleLabels = {
  administrator: { zhCN: '系统管理员', en: 'Administrator' },
  intake_officer: { zhCN: '信访受理人员', en: 'Intake officer' },
  case_management_officer: { zhCN: '案件监督管理人员', en: 'Case-management officer' },
  handling_officer: { zhCN: '承办人员', en: 'Handling officer' },
  leader: { zhCN: '领导', en: 'Leader' },
  partner_officer: { zhCN: '协作单位联络员', en: 'Partner-body officer' },
  special_supervisor: { zhCN: '特约监察员', en: 'Special supervisor' },
  village_monitor: { zhCN: '村务监督员', en: 'Village monitor' },
} as const satisfies Record<Role, LocalizedText>;

export const permissions = [
  'organizations.read',
  'organizations.manage',
  'users.read',
  'users.manage',
  'calendar.manage',
  'audit.read',
  'files.upload',
  'workflows.read',
  'workflows.manage',
] as const;
export const PermissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof PermissionSchema>;

// What each role may do within the subtree of the body it holds the role in.
export const rolePermissions = {
  administrator: [...permissions],
  leader: ['organizations.read', 'users.read', 'audit.read', 'files.upload', 'workflows.read'],
  intake_officer: ['organizations.read', 'files.upload', 'workflows.read'],
  case_management_officer: ['organizations.read', 'files.upload', 'workflows.read'],
  handling_officer: ['organizations.read', 'files.upload', 'workflows.read'],
  partner_officer: ['organizations.read', 'files.upload', 'workflows.read'],
  special_supervisor: ['files.upload'],
  village_monitor: ['files.upload'],
} as const satisfies Record<Role, readonly Permission[]>;

export function permissionsOf(roleList: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roleList) for (const permission of rolePermissions[role]) granted.add(permission);
  return permissions.filter((permission) => granted.has(permission));
}
